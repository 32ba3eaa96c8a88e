package dev.refract.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.client.ClientCore;
import dev.refract.client.ClientOptions;
import dev.refract.meta.Arity;
import dev.refract.meta.CacheMeta;
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
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The cache as the client core drives it: reads outside and inside transactions, invalidation at commit, closing. */
class ClientCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** User(id, name) in db, cached in cache for 60 s. */
    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "postgresql://localhost/app", PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("cache", 1, Provider.REDIS, "redis://localhost", PoolMeta.DEFAULTS)),
            List.of(new ModelMeta("User", "User", 0, 0,
                    List.of(FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED),
                            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED)),
                    KeyMeta.of(0), List.of(), List.of(), new CacheMeta(1, 60), 0)));

    private final InMemoryCacheStore store = new InMemoryCacheStore(Clock.systemUTC());
    private final UsersAdapter database = new UsersAdapter();
    private final ClientCore core = ClientCore.create(SCHEMA, ClientOptions.builder()
            .adapterProvider(new AdapterProvider() {
                @Override
                public boolean supports(Provider provider) {
                    return provider == Provider.POSTGRESQL;
                }

                @Override
                public Adapter create(AdapterConfig config) {
                    return database;
                }
            })
            .cacheStoreProvider(store)
            .build());

    @AfterEach
    void close() {
        core.closeAsync().block(WAIT);
    }

    /**
     * One table of users by id, read and renamed; a transaction works on a copy that its commit makes
     * the table, so a rollback leaves the table as it was.
     */
    private static final class UsersAdapter implements Adapter {

        final Map<Integer, String> names = new ConcurrentHashMap<>(Map.of(1, "Ann"));
        final AtomicInteger reads = new AtomicInteger();

        private Executor on(Map<Integer, String> table) {
            return new Executor() {
                @Override
                public Mono<Result> execute(Operation operation) {
                    return Mono.fromSupplier(() -> {
                        int id = (Integer) ((Filter.Comparison) where(operation)).value();
                        if (operation instanceof Operation.Update update) {
                            table.put(id, (String) update.data().writes().get(0).value());
                        } else {
                            reads.incrementAndGet();
                        }
                        String name = table.get(id);
                        return Result.ofRows(name == null ? List.of() : List.of(Row.of(id, name)));
                    });
                }

                @Override
                public Flux<Row> stream(Operation operation) {
                    return execute(operation).flatMapIterable(Result::rows);
                }
            };
        }

        private static Filter where(Operation operation) {
            return operation instanceof Operation.Update update ? update.where()
                    : ((Operation.FindUnique) operation).where();
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return on(names).execute(operation);
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return on(names).stream(operation);
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return Flux.usingWhen(Mono.fromSupplier(() -> new ConcurrentHashMap<>(names)),
                    copy -> work.apply(on(copy)),
                    copy -> Mono.fromRunnable(() -> names.putAll(copy)),
                    (copy, error) -> Mono.empty(),
                    copy -> Mono.empty());
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

    private static Filter id(int id) {
        return new Filter.Comparison(0, Filter.Operator.EQUALS, id, Filter.Mode.DEFAULT);
    }

    private String name() {
        Result result = core.execute(new Operation.FindUnique(0, id(1), Selection.ALL)).block(WAIT);
        return (String) result.rows().get(0).get(1);
    }

    private static Operation.Update rename(String name) {
        return new Operation.Update(0, id(1), new WriteData(List.of(new WriteData.FieldWrite(1, WriteData.WriteOp.SET,
                name))), Selection.ALL);
    }

    @Test
    void aLookUpReadsThroughTheCacheAndAnUpdateInvalidatesItBeforeItCompletes() {
        name();
        assertThat(name()).isEqualTo("Ann");

        core.execute(rename("Ann B.")).block(WAIT);

        assertThat(store.size()).isZero();
        assertThat(name()).isEqualTo("Ann B.");
        assertThat(database.reads).hasValue(2);
        assertThat(core.cacheStatistics()).isEqualTo(new CacheStatistics(1, 0, 2, 1, 0));
    }

    @Test
    void theClientGivesTheFiguresOfEachCachedModelByName() {
        name();
        name();

        assertThat(core.cacheStatistics("User")).isEqualTo(new CacheStatistics(1, 0, 1, 0, 0));
        assertThat(core.cacheStatisticsByModel()).containsOnlyKeys("User")
                .containsEntry("User", new CacheStatistics(1, 0, 1, 0, 0));
        assertThatThrownBy(() -> core.cacheStatistics("Usr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No model 'Usr' in this schema: its models are User");
    }

    @Test
    void aWriteInATransactionInvalidatesOnlyOnceItHasCommitted() {
        name();

        Integer cachedDuringTheWork = core.transaction(TransactionOptions.defaults(),
                () -> core.execute(rename("Ann T.")).map(written -> store.size())).blockLast(WAIT);

        assertThat(cachedDuringTheWork).isEqualTo(1);
        assertThat(store.size()).isZero();
        assertThat(name()).isEqualTo("Ann T.");
    }

    @Test
    void aRolledBackTransactionLeavesTheCacheAsItWas() {
        name();

        core.transaction(TransactionOptions.defaults(), () -> core.execute(rename("never"))
                        .then(Mono.<Void>error(new IllegalStateException("rolled back"))))
                .onErrorResume(IllegalStateException.class, error -> Flux.empty())
                .blockLast(WAIT);

        assertThat(store.size()).isEqualTo(1);
        assertThat(name()).isEqualTo("Ann");
        assertThat(core.cacheStatistics().invalidations()).isZero();
    }

    @Test
    void aLookUpInsideATransactionReadsTheTransactionNotTheCache() {
        name();

        String inside = core.transaction(TransactionOptions.defaults(), () -> core.execute(rename("Ann U."))
                        .then(core.execute(new Operation.FindUnique(0, id(1), Selection.ALL)))
                        .map(result -> (String) result.rows().get(0).get(1)))
                .blockLast(WAIT);

        assertThat(inside).isEqualTo("Ann U.");
        assertThat(core.cacheStatistics().hits()).isZero();
    }

    @Test
    void closingTheClientClosesTheCacheStore() {
        name();

        core.closeAsync().block(WAIT);

        assertThat(store.closed).isTrue();
    }
}
