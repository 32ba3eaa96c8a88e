package dev.refract.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.Arity;
import dev.refract.meta.CacheMeta;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.CachePolicy;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ReadThroughCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int USER = 0;
    private static final int POST = 1;
    private static final int ID = 0;
    private static final int EMAIL = 1;
    private static final int NAME = 2;

    /** User(id, email @unique, name) and Post(id, userId → User.id), both cached in datasource cache for 60 s. */
    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "postgresql://localhost/app", PoolMeta.DEFAULTS),
                    DatasourceMeta.withUrl("cache", 1, Provider.REDIS, "redis://localhost", PoolMeta.DEFAULTS)),
            List.of(new ModelMeta("User", "User", USER, 0,
                            List.of(FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED),
                                    FieldMeta.scalar("email", ScalarType.STRING, Arity.REQUIRED),
                                    FieldMeta.scalar("name", ScalarType.STRING, Arity.OPTIONAL),
                                    FieldMeta.relation("posts", "Post", Arity.LIST)),
                            KeyMeta.of(ID), List.of(KeyMeta.of(EMAIL)),
                            List.of(new RelationMeta("posts", 3, POST, true, new int[0], new int[0], null, null, 2,
                                    false)),
                            new CacheMeta(1, 60), 0),
                    new ModelMeta("Post", "Post", POST, 0,
                            List.of(FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED),
                                    FieldMeta.scalar("userId", ScalarType.INT, Arity.REQUIRED),
                                    FieldMeta.relation("user", "User", Arity.REQUIRED)),
                            KeyMeta.of(0), List.of(),
                            List.of(new RelationMeta("posts", 2, USER, false, new int[] {1}, new int[] {ID},
                                    ReferentialAction.CASCADE, null, 3, false)),
                            new CacheMeta(1, 60), 0)));

    private final MutableClock clock = new MutableClock();
    private final InMemoryCacheStore store = new InMemoryCacheStore(clock);
    private final ReadThroughCache cache = new ReadThroughCache(SCHEMA, List.of(store),
            datasource -> new AdapterConfig(SCHEMA, datasource, datasource.url(), PoolMeta.DEFAULTS), clock);
    private final AtomicInteger loads = new AtomicInteger();

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Filter eq(int field, Object value) {
        return new Filter.Comparison(field, Filter.Operator.EQUALS, value, Filter.Mode.DEFAULT);
    }

    private static Operation.FindUnique byId(int id) {
        return new Operation.FindUnique(USER, eq(ID, id), Selection.ALL);
    }

    private static Operation.FindUnique byEmail(String email) {
        return new Operation.FindUnique(USER, eq(EMAIL, email), Selection.ALL);
    }

    /** The primary database: a user whose name tells how many loads happened before. */
    private Mono<Result> database(int id, String email) {
        return Mono.fromSupplier(() -> Result.ofRows(List.of(Row.of(id, email, "load " + loads.incrementAndGet(),
                null))));
    }

    private String name(Operation.FindUnique read, int id, String email) {
        Result result = cache.read(read, database(id, email)).block(WAIT);
        return result.rows().isEmpty() ? null : (String) result.rows().get(0).get(NAME);
    }

    private void write(Operation.Write write, Result result, boolean nested) {
        cache.invalidate(cache.invalidation(write, result, nested)).block(WAIT);
    }

    private static Result user(int id, String email) {
        return Result.ofRows(List.of(Row.of(id, email, "written", null)));
    }

    @Test
    void aSecondLookUpIsAnsweredFromTheCacheAndCountedAsAHit() {
        assertThat(name(byId(1), 1, "a@x")).isEqualTo("load 1");
        assertThat(name(byId(1), 1, "a@x")).isEqualTo("load 1");

        assertThat(loads).hasValue(1);
        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(1, 0, 1, 0, 0));
    }

    @Test
    void eachModelCountsItsOwnReadsTheInvalidationsReachingItAndItsFailures() {
        name(byId(1), 1, "a@x");
        name(byId(1), 1, "a@x");
        name(byEmail("a@x"), 1, "a@x");
        Operation.FindUnique post = new Operation.FindUnique(POST, eq(0, 5), Selection.ALL);
        cache.read(post, Mono.just(Result.ofRows(List.of(Row.of(5, 1, null))))).block(WAIT);

        // deleting the user invalidates its record and, as the delete may cascade, every post: one send
        write(new Operation.Delete(USER, eq(ID, 1), Selection.ALL), user(1, "a@x"), false);
        store.down.set(true);
        cache.read(post, Mono.just(Result.ofRows(List.of(Row.of(5, 1, null))))).block(WAIT);

        assertThat(cache.statistics(USER)).isEqualTo(new CacheStatistics(1, 0, 2, 1, 0));
        assertThat(cache.statistics(POST)).isEqualTo(new CacheStatistics(0, 0, 1, 1, 1));
        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(1, 0, 3, 1, 1));
    }

    @Test
    void aModelThatCachesNothingCountsNothing() {
        SchemaMeta mixed = new SchemaMeta(SCHEMA.datasources(), List.of(SCHEMA.model(USER),
                new ModelMeta("Log", "Log", 1, 0, List.of(FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED)),
                        KeyMeta.of(0), List.of(), List.of(), null, 0)));
        ReadThroughCache partly = new ReadThroughCache(mixed, List.of(store),
                datasource -> new AdapterConfig(mixed, datasource, datasource.url(), PoolMeta.DEFAULTS), clock);

        partly.read(new Operation.FindUnique(1, eq(0, 1), Selection.ALL), Mono.just(Result.ofRows(List.of(Row.of(1)))))
                .block(WAIT);

        assertThat(partly.statistics(1)).isEqualTo(CacheStatistics.NONE);
        assertThat(partly.statistics()).isEqualTo(CacheStatistics.NONE);
    }

    @Test
    void aRecordNotFoundIsNotCached() {
        assertThat(cache.read(byId(9), Mono.fromSupplier(() -> {
            loads.incrementAndGet();
            return Result.ofRows(List.of());
        })).block(WAIT).rows()).isEmpty();

        assertThat(store.size()).isZero();
    }

    @Test
    void readsThatAreNoPlainUniqueLookUpGoToTheDatabase() {
        Filter extra = Filter.and(List.of(eq(ID, 1), new Filter.Comparison(NAME, Filter.Operator.CONTAINS, "a",
                Filter.Mode.DEFAULT)));
        Operation.FindUnique counting = new Operation.FindUnique(USER, eq(ID, 1),
                new Selection(List.of(), List.of(), List.of(new Selection.RelationCount(3, Filter.ALL))));
        Operation.FindUnique byName = new Operation.FindUnique(USER, eq(NAME, "n"), Selection.ALL);

        for (Operation.FindUnique read : List.of(new Operation.FindUnique(USER, extra, Selection.ALL), counting,
                byName, counting)) {
            name(read, 1, "a@x");
        }

        assertThat(loads).hasValue(4);
        assertThat(store.puts).hasValue(0);
    }

    @Test
    void noCacheBypassesTheCache() {
        Operation.FindUnique bypassing = new Operation.FindUnique(USER, eq(ID, 1), Selection.ALL, CachePolicy.BYPASS);
        name(bypassing, 1, "a@x");
        name(bypassing, 1, "a@x");

        assertThat(loads).hasValue(2);
        assertThat(store.size()).isZero();
    }

    @Test
    void aRecordExpiresAfterItsTtl() {
        name(byId(1), 1, "a@x");
        clock.advance(Duration.ofSeconds(61));

        assertThat(name(byId(1), 1, "a@x")).isEqualTo("load 2");
    }

    @Test
    void aPerCallTtlOverridesTheModels() {
        Operation.FindUnique shortLived = new Operation.FindUnique(USER, eq(ID, 1), Selection.ALL,
                new CachePolicy.Builder().ttl(Duration.ofSeconds(2)).build());
        name(shortLived, 1, "a@x");
        clock.advance(Duration.ofSeconds(3));

        assertThat(name(shortLived, 1, "a@x")).isEqualTo("load 2");
    }

    @Test
    void anUpdateOfOneRecordInvalidatesEveryLookUpOfIt() {
        name(byId(1), 1, "a@x");
        name(byEmail("a@x"), 1, "a@x");
        name(byId(2), 2, "b@x");

        Filter where = eq(ID, 1);
        write(new Operation.Update(USER, where, new WriteData(List.of(new WriteData.FieldWrite(EMAIL,
                WriteData.WriteOp.SET, "new@x"))), Selection.ALL), user(1, "new@x"), false);

        assertThat(name(byEmail("a@x"), 1, "a@x")).isEqualTo("load 4");
        assertThat(name(byId(1), 1, "new@x")).isEqualTo("load 5");
        assertThat(name(byId(2), 2, "b@x")).isEqualTo("load 3");
        assertThat(cache.statistics().invalidations()).isEqualTo(1);
    }

    @Test
    void anUpdateByAUniqueKeyInvalidatesByTheIdItReturns() {
        name(byId(1), 1, "a@x");

        write(new Operation.Update(USER, eq(EMAIL, "a@x"), new WriteData(List.of()), Selection.ALL), user(1, "a@x"),
                false);

        assertThat(name(byId(1), 1, "a@x")).isEqualTo("load 2");
    }

    @Test
    void anUpdateReturningNoIdInvalidatesTheWholeModel() {
        name(byId(1), 1, "a@x");
        name(byId(2), 2, "b@x");

        write(new Operation.Update(USER, eq(EMAIL, "a@x"), new WriteData(List.of()), new Selection(List.of(NAME),
                List.of())), Result.ofRows(List.of(Row.of(null, null, "n", null))), false);

        assertThat(store.size()).isZero();
    }

    @Test
    void writesOfAModelThatCachesNothingInvalidateNothing() {
        ModelMeta log = new ModelMeta("Log", "Log", 0, 0, List.of(FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED),
                FieldMeta.scalar("line", ScalarType.STRING, Arity.REQUIRED)), KeyMeta.of(0), List.of(), List.of(), null, 0);
        ModelMeta cached = new ModelMeta("Setting", "Setting", 1, 0,
                List.of(FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED)), KeyMeta.of(0), List.of(), List.of(),
                new CacheMeta(1, 60), 0);
        SchemaMeta schema = new SchemaMeta(SCHEMA.datasources(), List.of(log, cached));
        ReadThroughCache mixed = new ReadThroughCache(schema, List.of(store),
                datasource -> new AdapterConfig(schema, datasource, datasource.url(), PoolMeta.DEFAULTS), clock);
        WriteData data = new WriteData(List.of(new WriteData.FieldWrite(1, WriteData.WriteOp.SET, "x")));

        assertThat(mixed.invalidation(new Operation.UpdateMany(0, Filter.ALL, data), Result.ofCount(2), false))
                .isEqualTo(ReadThroughCache.Invalidation.NONE);
        assertThat(mixed.invalidation(new Operation.UpdateManyAndReturn(0, Filter.ALL, data, Selection.ALL),
                Result.ofRows(List.of(Row.of(1, "x"))), false)).isEqualTo(ReadThroughCache.Invalidation.NONE);
        assertThat(mixed.invalidation(new Operation.DeleteMany(0, Filter.ALL), Result.ofCount(2), false))
                .isEqualTo(ReadThroughCache.Invalidation.NONE);
        assertThat(mixed.invalidation(new Operation.Update(0, eq(0, 1), data, Selection.ALL),
                Result.ofRows(List.of(Row.of(1, "x"))), true)).isEqualTo(ReadThroughCache.Invalidation.NONE);
    }

    @Test
    void writesOfManyRecordsInvalidateTheModelWithoutReadingRecords() {
        name(byId(1), 1, "a@x");
        name(byId(2), 2, "b@x");
        cache.read(new Operation.FindUnique(POST, eq(0, 7), Selection.ALL),
                Mono.just(Result.ofRows(List.of(Row.of(7, 1, null))))).block(WAIT);

        write(new Operation.UpdateMany(USER, Filter.ALL, new WriteData(List.of(new WriteData.FieldWrite(NAME,
                WriteData.WriteOp.SET, "x")))), Result.ofCount(2), false);

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aDeleteAlsoInvalidatesTheModelsWhoseForeignKeysPointAtIt() {
        name(byId(1), 1, "a@x");
        name(byId(2), 2, "b@x");
        cache.read(new Operation.FindUnique(POST, eq(0, 7), Selection.ALL),
                Mono.just(Result.ofRows(List.of(Row.of(7, 1, null))))).block(WAIT);

        write(new Operation.Delete(USER, eq(ID, 1), Selection.ALL), user(1, "a@x"), false);

        assertThat(store.size()).isEqualTo(1);
        assertThat(name(byId(2), 2, "b@x")).isEqualTo("load 2");
    }

    @Test
    void aNestedWriteInvalidatesEveryCachedModelItMayReach() {
        name(byId(1), 1, "a@x");
        cache.read(new Operation.FindUnique(POST, eq(0, 7), Selection.ALL),
                Mono.just(Result.ofRows(List.of(Row.of(7, 1, null))))).block(WAIT);

        write(new Operation.Update(POST, eq(0, 7), new WriteData(List.of()), Selection.ALL),
                Result.ofRows(List.of(Row.of(7, 1, null))), true);

        assertThat(store.size()).isZero();
    }

    @Test
    void aCreateInvalidatesNothing() {
        name(byId(1), 1, "a@x");

        assertThat(cache.invalidation(new Operation.CreateMany(USER, List.of(), false), Result.ofCount(0), false))
                .isEqualTo(ReadThroughCache.Invalidation.NONE);
    }

    @Test
    void aStaleRecordIsServedWithinItsSwrWindowWhileOneLoadRefreshesIt() {
        Operation.FindUnique swr = new Operation.FindUnique(USER, eq(ID, 1), Selection.ALL,
                new CachePolicy.Builder().ttl(Duration.ofSeconds(10)).swr(Duration.ofSeconds(30)).build());
        name(swr, 1, "a@x");
        clock.advance(Duration.ofSeconds(15));

        assertThat(name(swr, 1, "a@x")).isEqualTo("load 1");
        assertThat(loads).hasValue(2);
        assertThat(name(swr, 1, "a@x")).isEqualTo("load 2");
        assertThat(cache.statistics().staleHits()).isEqualTo(1);
        assertThat(cache.statistics().hits()).isEqualTo(1);
    }

    @Test
    void concurrentMissesOfOneKeyLoadOnce() {
        Mono<Result> slow = Mono.delay(Duration.ofMillis(200)).then(database(1, "a@x"));

        List<Result> results = Flux.range(0, 50)
                .flatMap(i -> cache.read(byId(1), slow), 50)
                .collectList()
                .block(WAIT);

        assertThat(results).hasSize(50).allSatisfy(result -> assertThat(result.rows().get(0).get(NAME))
                .isEqualTo("load 1"));
        assertThat(loads).hasValue(1);
    }

    @Test
    void anErrorOfTheDatabaseReachesTheCallerAsItIs() {
        IllegalArgumentException refused = new IllegalArgumentException("refused by the database");

        assertThat(cache.read(byId(1), Mono.error(refused)).onErrorResume(error -> Mono.just(
                Result.ofRows(List.of(Row.of(error))))).block(WAIT).rows().get(0).get(0)).isSameAs(refused);
        assertThat(cache.statistics().errors()).isZero();
    }

    @Test
    void aCacheThatIsDownDegradesToTheDatabaseAndCountsErrors() {
        store.down.set(true);

        assertThat(name(byId(1), 1, "a@x")).isEqualTo("load 1");
        assertThat(name(byId(1), 1, "a@x")).isEqualTo("load 2");
        write(new Operation.Delete(USER, eq(ID, 1), Selection.ALL), user(1, "a@x"), false);

        assertThat(cache.statistics().errors()).isEqualTo(3);

        store.down.set(false);
        name(byId(1), 1, "a@x");
        assertThat(name(byId(1), 1, "a@x")).isEqualTo("load 3");
    }

    @Test
    void aStoreThatCannotBeMadeIsTriedOnceAndReadsGoToTheDatabase() {
        AtomicInteger attempts = new AtomicInteger();
        CacheStoreProvider refusing = new CacheStoreProvider() {
            @Override
            public boolean supports(Provider provider) {
                return true;
            }

            @Override
            public CacheStore create(AdapterConfig config) {
                attempts.incrementAndGet();
                throw new IllegalArgumentException("malformed URL redis://user:secret@nowhere");
            }
        };
        ReadThroughCache unconfigured = new ReadThroughCache(SCHEMA, List.of(refusing),
                datasource -> new AdapterConfig(SCHEMA, datasource, datasource.url(), PoolMeta.DEFAULTS), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(unconfigured.read(byId(1), database(1, "a@x")).block(WAIT).rows()).hasSize(1);
        }

        assertThat(attempts).hasValue(1);
        assertThat(loads).hasValue(3);
        assertThat(unconfigured.statistics().errors()).isEqualTo(3);
    }

    @Test
    void invalidatingATagRemovesTheRecordsCachedWithIt() {
        Operation.FindUnique tagged = new Operation.FindUnique(USER, eq(ID, 1), Selection.ALL,
                new CachePolicy.Builder().tags("team-7").build());
        name(tagged, 1, "a@x");
        name(byId(2), 2, "b@x");

        cache.invalidateTags(List.of("team-7")).block(WAIT);

        assertThat(store.size()).isEqualTo(1);
        assertThat(name(tagged, 1, "a@x")).isEqualTo("load 3");
    }

    @Test
    void aLoadRacingAnInvalidationDoesNotCacheWhatItRead() {
        Mono<Result> racing = database(1, "a@x").flatMap(result -> cache.invalidate(cache.invalidation(
                new Operation.DeleteMany(USER, Filter.ALL), Result.ofCount(1), false)).thenReturn(result));

        cache.read(byId(1), racing).block(WAIT);

        assertThat(store.size()).isZero();
    }

    @Test
    void closingClosesTheStores() {
        name(byId(1), 1, "a@x");

        cache.close().block(WAIT);

        assertThat(store.closed).isTrue();
    }
}
