package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ClientClosedException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.PoolUsage;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The core's hooks for frameworks: the operation listener, pings, pool usage and pool overrides. */
class ClientCoreObservabilityTest {

    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "r2dbc:postgresql://localhost/app",
                            new PoolMeta(20, 2, Duration.ofSeconds(3), null)),
                    DatasourceMeta.withUrl("docs", 1, Provider.MONGODB, "mongodb://localhost/app", PoolMeta.DEFAULTS)),
            List.of(model("Run", 0, 0), model("Content", 1, 1)));

    private static ModelMeta model(String name, int index, int datasource) {
        return new ModelMeta(name, name, index, datasource, List.of(FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED)),
                KeyMeta.of(0), List.of(), List.of(), null, 0);
    }

    /** Answers every operation with one row, pings as told, and reports a pool of its configured size. */
    static final class CheckedAdapter implements Adapter {
        final AdapterConfig config;
        volatile Mono<Void> ping = Mono.empty();

        CheckedAdapter(AdapterConfig config) {
            this.config = config;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.just(Result.ofRows(List.of(Row.of("one"))));
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.just(Row.of("one"), Row.of("two"));
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

        @Override
        public Mono<Void> ping() {
            return ping;
        }

        @Override
        public Optional<PoolUsage> poolUsage() {
            return Optional.of(new PoolUsage(1, 2, 0, config.pool().size()));
        }
    }

    private final List<CheckedAdapter> started = new CopyOnWriteArrayList<>();
    private final List<OperationEvent> events = new CopyOnWriteArrayList<>();

    private ClientCore core(ClientOptions.Builder options) {
        return ClientCore.create(SCHEMA, options.adapterProvider(new AdapterProvider() {
            @Override
            public boolean supports(Provider provider) {
                return provider == Provider.POSTGRESQL;
            }

            @Override
            public Adapter create(AdapterConfig config) {
                CheckedAdapter adapter = new CheckedAdapter(config);
                started.add(adapter);
                return adapter;
            }
        }).build());
    }

    @Test
    void theListenerHearsOfEachOperationWithItsDatasourceModelNameAndOutcome() {
        ClientCore core = core(ClientOptions.builder().listener(events::add));

        StepVerifier.create(core.execute(new Operation.FindMany(0, Query.ALL))).expectNextCount(1).verifyComplete();
        StepVerifier.create(core.stream(new Operation.FindMany(0, Query.ALL))).expectNextCount(2).verifyComplete();
        StepVerifier.create(core.stream(new Operation.FindMany(0, Query.ALL)).take(1)).expectNextCount(1).verifyComplete();
        // the schema's mongodb datasource has no adapter here: the call fails, and the listener hears it
        StepVerifier.create(core.execute(new Operation.Delete(1, Filter.ALL, Selection.ALL)))
                .expectError().verify();

        assertThat(events).extracting(OperationEvent::datasource, OperationEvent::model, OperationEvent::operation,
                OperationEvent::outcome).containsExactly(
                        Tuple.tuple("db", "Run", "findMany", OperationEvent.Outcome.SUCCESS),
                        Tuple.tuple("db", "Run", "findMany", OperationEvent.Outcome.SUCCESS),
                        Tuple.tuple("db", "Run", "findMany", OperationEvent.Outcome.CANCELLED),
                        Tuple.tuple("docs", "Content", "delete", OperationEvent.Outcome.ERROR));
        assertThat(events).allSatisfy(event -> assertThat(event.durationNanos()).isPositive());
        assertThat(events.get(3).error()).isNotNull();
    }

    @Test
    void aThrowingListenerDoesNotFailTheCall() {
        ClientCore core = core(ClientOptions.builder().listener(event -> {
            throw new IllegalStateException("broken listener");
        }));

        StepVerifier.create(core.execute(new Operation.FindMany(0, Query.ALL))).expectNextCount(1).verifyComplete();
    }

    @Test
    void theListenerTimesEachSubscriptionOfAColdCallAnew() {
        ClientCore core = core(ClientOptions.builder().listener(events::add));
        Mono<Result> call = core.execute(new Operation.FindMany(0, Query.ALL));

        call.then(call).then(call).block();

        assertThat(events).hasSize(3);
    }

    @Test
    void aPingStartsTheAdapterAndPassesOnItsAnswer() {
        ClientCore core = core(ClientOptions.builder());

        StepVerifier.create(core.ping("db")).verifyComplete();
        assertThat(started).hasSize(1);
        started.get(0).ping = Mono.error(new IllegalStateException("down"));
        StepVerifier.create(core.ping("db")).expectErrorMessage("down").verify();
        StepVerifier.create(core.ping("nope")).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db, docs")).verify();
        core.closeAsync().block();
        StepVerifier.create(core.ping("db")).expectError(ClientClosedException.class).verify();
    }

    @Test
    void poolUsageIsEmptyUntilTheAdapterStartsAndStartsNothing() {
        ClientCore core = core(ClientOptions.builder());

        assertThat(core.poolUsage("db")).isEmpty();
        assertThat(started).isEmpty();
        core.execute(new Operation.FindMany(0, Query.ALL)).block();
        assertThat(core.poolUsage("db")).contains(new PoolUsage(1, 2, 0, 20));
        assertThatThrownBy(() -> core.poolUsage("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolSettingsGivenInCodeOverrideTheSchemasOneByOne() {
        ClientCore core = core(ClientOptions.builder()
                .pool("db", new PoolMeta(null, 5, null, Duration.ofMinutes(1))));

        core.execute(new Operation.FindMany(0, Query.ALL)).block();

        assertThat(started.get(0).config.pool()).isEqualTo(new PoolMeta(20, 5, Duration.ofSeconds(3), Duration.ofMinutes(1)));
    }

    @Test
    void aPoolSizeGivenInCodeWinsOverTheSizeOfThePoolSettings() {
        ClientCore core = core(ClientOptions.builder().pool("db", new PoolMeta(7, null, null, null)).poolSize("db", 9));

        core.execute(new Operation.FindMany(0, Query.ALL)).block();

        assertThat(started.get(0).config.pool().size()).isEqualTo(9);
    }

    @Test
    void poolSettingsForAnUnknownDatasourceAreRefused() {
        assertThatThrownBy(() -> core(ClientOptions.builder().pool("nope", PoolMeta.DEFAULTS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    }
}
