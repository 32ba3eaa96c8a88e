package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.ClientClosedException;
import dev.refract.error.InvalidQueryException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.RawColumns;
import dev.refract.spi.RawRow;
import dev.refract.spi.RawStatement;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ClientCoreRawQueriesTest {

    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("main", 0, Provider.POSTGRESQL, "r2dbc:postgresql://x/main", PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("replica", 1, Provider.POSTGRESQL, "r2dbc:postgresql://x/replica",
                            PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("cache", 2, Provider.REDIS, "redis://x", PoolMeta.DEFAULTS)),
            List.of(new ModelMeta("Run", "Run", 0, 0, List.of(FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED)),
                    KeyMeta.of(0), List.of(), List.of(), null, 0)));

    private static final RawColumns COLUMNS = new RawColumns(List.of("datasource", "n"));

    record Answer(String datasource, long n) {}

    /** Answers raw reads with one labelled row naming its datasource, and raw writes with 7. */
    static final class RawAdapter implements Adapter {
        final AdapterConfig config;
        final List<RawStatement> statements = new CopyOnWriteArrayList<>();

        RawAdapter(AdapterConfig config) {
            this.config = config;
        }

        @Override
        public Flux<Row> queryRaw(RawStatement statement) {
            statements.add(statement);
            return Flux.just(statement.model().isPresent() ? Row.of("run-1")
                    : RawRow.wrap(COLUMNS, new Object[] {config.datasource().name(), 1}));
        }

        @Override
        public Mono<Long> executeRaw(RawStatement statement) {
            statements.add(statement);
            return Mono.just(7L);
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.error(new AssertionError("not a raw statement"));
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.error(new AssertionError("not a raw statement"));
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return Flux.from(work.apply(this));
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.ALL;
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }

    /** Makes {@link RawAdapter}s for PostgreSQL, or, with {@code withoutSql}, adapters that keep the SPI's defaults. */
    static final class Provide implements AdapterProvider {
        final boolean withoutSql;
        final List<RawAdapter> started = new CopyOnWriteArrayList<>();

        Provide(boolean withoutSql) {
            this.withoutSql = withoutSql;
        }

        @Override
        public boolean supports(Provider provider) {
            return provider == Provider.POSTGRESQL;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            if (withoutSql) {
                return new ClientCoreTest.FakeAdapter(config);
            }
            RawAdapter adapter = new RawAdapter(config);
            started.add(adapter);
            return adapter;
        }
    }

    private static ClientCore core(Provide provider) {
        return ClientCore.create(SCHEMA, ClientOptions.builder().adapterProvider(provider).build());
    }

    @Test
    void runsOnTheNamedDatasourceAndReadsRowsAsMapsInColumnOrder() {
        Provide provider = new Provide(false);
        ClientCore core = core(provider);

        StepVerifier.create(core.queryRaw("replica", () -> RawStatement.of("SELECT $1", "x")))
                .assertNext(row -> {
                    assertThat(row).isEqualTo(Map.of("datasource", "replica", "n", 1));
                    assertThat(row.keySet()).containsExactly("datasource", "n");
                })
                .verifyComplete();
        assertThat(provider.started).singleElement()
                .satisfies(adapter -> assertThat(adapter.statements).containsExactly(RawStatement.of("SELECT $1", "x")));
    }

    @Test
    void makesTheStatementOnlyWhenSubscribedAndAgainOnEachSubscription() {
        ClientCore core = core(new Provide(false));
        AtomicInteger made = new AtomicInteger();

        Mono<Long> call = core.executeRaw("main", () -> {
            made.incrementAndGet();
            return RawStatement.unsafe("DELETE FROM t");
        });
        assertThat(made).hasValue(0);

        StepVerifier.create(call).expectNext(7L).verifyComplete();
        StepVerifier.create(call).expectNext(7L).verifyComplete();
        assertThat(made).hasValue(2);
    }

    @Test
    void readsRowsIntoTheCallersRecords() {
        StepVerifier.create(core(new Provide(false)).queryRaw("main", Answer.class, () -> RawStatement.of("SELECT 1")))
                .expectNext(new Answer("main", 1L))
                .verifyComplete();
    }

    @Test
    void asksTheAdapterForRowsOfTheModelAndMapsThemWithTheGivenMapper() {
        Provide provider = new Provide(false);

        StepVerifier.create(core(provider).queryRaw("main", 0, row -> "record " + row.get(0),
                        () -> RawStatement.of("SELECT id FROM \"Run\"")))
                .expectNext("record run-1")
                .verifyComplete();
        assertThat(provider.started.get(0).statements.get(0).model()).hasValue(0);
    }

    @Test
    void anArgumentOutsideTheClosedSetIsSignalledNotThrown() {
        Flux<Map<String, Object>> call = core(new Provide(false)).queryRaw("main",
                () -> RawStatement.of("SELECT $1", new Date()));

        StepVerifier.create(call).expectError(InvalidQueryException.class).verify();
    }

    @Test
    void anUnknownDatasourceIsAnErrorListingTheSchemasDatasources() {
        StepVerifier.create(core(new Provide(false)).executeRaw("mian", () -> RawStatement.of("SELECT 1")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("'mian'").hasMessageContaining("main, replica, cache"))
                .verify();
    }

    @Test
    void aDatasourceWithoutSqlRefusesNamingItsProvider() {
        StepVerifier.create(core(new Provide(false)).queryRaw("cache", () -> RawStatement.of("SELECT 1")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("'cache' (provider redis) does not run SQL"))
                .verify();
    }

    @Test
    void anAdapterThatKeepsTheDefaultsRefusesRawStatements() {
        ClientCore core = core(new Provide(true));

        StepVerifier.create(core.queryRaw("main", () -> RawStatement.of("SELECT 1")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("does not run SQL"))
                .verify();
        StepVerifier.create(core.executeRaw("main", () -> RawStatement.of("SELECT 1")))
                .expectError(UnsupportedOperationException.class).verify();
    }

    @Test
    void aClosedClientRunsNoRawStatement() {
        Provide provider = new Provide(false);
        ClientCore core = core(provider);
        core.close();

        StepVerifier.create(core.queryRaw("main", () -> RawStatement.of("SELECT 1")))
                .expectError(ClientClosedException.class).verify();
        assertThat(provider.started).isEmpty();
    }
}
