package dev.refract.redis.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.cached.db.Account;
import com.example.cached.db.AccountCreate;
import com.example.cached.db.Note;
import com.example.cached.db.RefractClient;
import dev.refract.cache.CacheStatistics;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Accounts and notes in PostgreSQL, cached in Redis by {@code @@cache(cache, ttl: 60)}: look-ups read
 * through the cache, and every write path of the client invalidates what it changed. Look-ups that
 * reach PostgreSQL are counted at the adapter.
 */
@RefractTestDatabases
class ReadThroughCacheIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AtomicInteger lookUps = new AtomicInteger();
    private PostgresNamespace postgres;
    private RedisNamespace redis;
    private String test;
    private RefractClient db;
    private Account ann;

    @BeforeEach
    void open(PostgresNamespace postgres, RedisNamespace redis, TestInfo test) throws SQLException {
        this.postgres = postgres;
        this.redis = redis;
        this.test = test.getTestMethod().orElseThrow().getName();
        CachedDatabase.createTables(postgres);
        db = CachedDatabase.open(postgres, CachedDatabase.cacheUrl(redis, this.test), lookUps);
        ann = db.account().create(c -> c.email("ann@example.com").name("Ann")).block(WAIT);
    }

    @AfterEach
    void close() {
        db.closeAsync().block(WAIT);
    }

    private Account byId(int id) {
        return db.account().findUnique(q -> q.where(w -> w.id(id))).block(WAIT);
    }

    private Account byEmail(String email) {
        return db.account().findUnique(q -> q.where(w -> w.email(email))).block(WAIT);
    }

    private CacheStatistics statistics() {
        return db.core().cacheStatistics();
    }

    /** Reads ann by id and by e-mail address, so both look-ups are cached, then counts afresh. */
    private void cacheAnn() {
        byId(ann.id());
        byEmail(ann.email());
        lookUps.set(0);
    }

    @Test
    void aSecondLookUpIsAHitThatDoesNotReachPostgres() {
        Account first = byId(ann.id());
        Account second = byId(ann.id());
        Account third = db.account().findUniqueOrThrow(q -> q.where(w -> w.id(ann.id()))).block(WAIT);

        assertThat(first).isEqualTo(ann);
        assertThat(second).isEqualTo(ann);
        assertThat(third).isEqualTo(ann);
        assertThat(lookUps).hasValue(1);
        assertThat(statistics().hits()).isEqualTo(2);
        assertThat(statistics().misses()).isEqualTo(1);
    }

    @Test
    void eachCachedModelHasItsOwnCountersBesideTheTotals() {
        Note note = db.note().create(c -> c.text("hello").accountId(ann.id())).block(WAIT);
        byId(ann.id());
        byId(ann.id());
        db.note().findUnique(q -> q.where(w -> w.id(note.id()))).block(WAIT);
        db.note().update(w -> w.id(note.id()), u -> u.text("bye")).block(WAIT);

        assertThat(db.core().cacheStatistics("Account")).isEqualTo(new CacheStatistics(1, 0, 1, 0, 0));
        assertThat(db.core().cacheStatistics("Note")).isEqualTo(new CacheStatistics(0, 0, 1, 1, 0));
        assertThat(db.core().cacheStatisticsByModel()).containsOnlyKeys("Account", "Note");
        assertThat(statistics()).isEqualTo(new CacheStatistics(1, 0, 2, 1, 0));
    }

    @Test
    void anEntryLivesInRedisForTheModelsTtlFiledUnderItsRecordAndModel() {
        byId(ann.id());

        String base = redis.prefix() + test + ":{cache}:";
        List<String> keys = redis.keys();
        String entry = keys.stream().filter(key -> key.startsWith(base + "e:Account:")).findFirst().orElseThrow();
        assertThat(keys).contains(base + "t:model:Account", base + "t:record:Account:" + String.valueOf(ann.id()).length()
                + ":" + ann.id());
        RedisClient lettuce = RedisClient.create(redis.redisUrl());
        try (StatefulRedisConnection<String, String> connection = lettuce.connect()) {
            assertThat(connection.sync().pttl(entry)).isBetween(55_000L, 60_000L);
            assertThat(connection.sync().hget(entry, "email")).isEqualTo(ann.email());
        } finally {
            lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void aLookUpByAUniqueFieldIsCachedToo() {
        byEmail("ann@example.com");

        assertThat(byEmail("ann@example.com")).isEqualTo(ann);
        assertThat(lookUps).hasValue(1);
    }

    @Test
    void aSelectionIsCachedApartFromTheWholeRecord() {
        byId(ann.id());

        Account named = db.account().findUnique(q -> q.where(w -> w.id(ann.id())).select(s -> s.name())).block(WAIT);
        Account again = db.account().findUnique(q -> q.where(w -> w.id(ann.id())).select(s -> s.name())).block(WAIT);

        assertThat(named.name()).isEqualTo("Ann");
        assertThat(named.email()).isNull();
        assertThat(again).isEqualTo(named);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void anUpdateInvalidatesEveryLookUpOfTheRecord() {
        cacheAnn();

        db.account().update(w -> w.id(ann.id()), u -> u.email("ann@new.example.com")).block(WAIT);

        assertThat(byEmail("ann@example.com")).isNull();
        assertThat(byId(ann.id()).email()).isEqualTo("ann@new.example.com");
        assertThat(lookUps).hasValue(2);
        assertThat(statistics().invalidations()).isEqualTo(1);
    }

    @Test
    void anUpsertInvalidatesTheRecordItUpdates() {
        cacheAnn();

        db.account().upsert(w -> w.email(ann.email()), c -> c.email(ann.email()).name("never"),
                u -> u.name("Ann B.")).block(WAIT);

        assertThat(byId(ann.id()).name()).isEqualTo("Ann B.");
        assertThat(byEmail(ann.email()).name()).isEqualTo("Ann B.");
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void aDeleteInvalidatesTheRecordAndTheRecordsItCascadedTo() {
        Note note = db.note().create(c -> c.text("hello").accountId(ann.id())).block(WAIT);
        db.note().findUnique(q -> q.where(w -> w.id(note.id()))).block(WAIT);
        cacheAnn();

        db.account().delete(w -> w.id(ann.id())).block(WAIT);

        assertThat(byId(ann.id())).isNull();
        assertThat(byEmail(ann.email())).isNull();
        assertThat(db.note().findUnique(q -> q.where(w -> w.id(note.id()))).block(WAIT)).isNull();
    }

    @Test
    void updateManyAndDeleteManyInvalidateTheModel() {
        Account bob = db.account().create(c -> c.email("bob@example.com").name("Bob")).block(WAIT);
        cacheAnn();
        byId(bob.id());

        db.account().updateMany(w -> w.name().contains("o"), u -> u.visits().increment(1)).block(WAIT);
        assertThat(byId(bob.id()).visits()).isEqualTo(1);

        db.account().deleteMany(w -> w.email().eq(bob.email())).block(WAIT);
        assertThat(byId(bob.id())).isNull();
        assertThat(byId(ann.id())).isEqualTo(ann);
    }

    @Test
    void updateManyAndReturnInvalidatesTheModel() {
        cacheAnn();

        db.account().updateManyAndReturn(w -> w.id().eq(ann.id()), u -> u.name("Annie")).collectList().block(WAIT);

        assertThat(byId(ann.id()).name()).isEqualTo("Annie");
    }

    @Test
    void aRecordCreatedAfterALookUpFoundNothingIsFound() {
        assertThat(byEmail("cid@example.com")).isNull();

        db.account().createMany(List.of(new AccountCreate().email("cid@example.com").name("Cid"))).block(WAIT);

        assertThat(byEmail("cid@example.com")).isNotNull();
    }

    @Test
    void aNestedWriteInvalidatesTheRelatedRecordsItChanged() {
        Note note = db.note().create(c -> c.text("draft").accountId(ann.id())).block(WAIT);
        db.note().findUnique(q -> q.where(w -> w.id(note.id()))).block(WAIT);
        cacheAnn();

        db.account().update(w -> w.id(ann.id()), u -> u.name("Ann N.")
                .notes(n -> n.update(w -> w.id(note.id()), c -> c.text("final")))).block(WAIT);

        Note read = db.note().findUnique(q -> q.where(w -> w.id(note.id()))).block(WAIT);
        assertThat(read.text()).isEqualTo("final");
        assertThat(byId(ann.id()).name()).isEqualTo("Ann N.");
    }

    @Test
    void aWriteInATransactionInvalidatesOnceItHasCommitted() {
        cacheAnn();

        db.transaction(tx -> tx.account().update(w -> w.id(ann.id()), u -> u.name("Ann T."))).blockLast(WAIT);

        assertThat(byId(ann.id()).name()).isEqualTo("Ann T.");
        assertThat(byEmail(ann.email()).name()).isEqualTo("Ann T.");
    }

    @Test
    void aRolledBackTransactionLeavesTheCacheAsItWas() {
        cacheAnn();

        assertThatThrownBy(() -> db.transaction(tx -> tx.account().update(w -> w.id(ann.id()), u -> u.name("never"))
                .then(Mono.error(new IllegalStateException("changed my mind")))).blockLast(WAIT))
                .hasMessageContaining("changed my mind");

        assertThat(byId(ann.id())).isEqualTo(ann);
        assertThat(byEmail(ann.email())).isEqualTo(ann);
        assertThat(lookUps).hasValue(0);
        assertThat(statistics().invalidations()).isZero();
    }

    @Test
    void aRecordExpiresAfterTheTtlOfItsCall() throws Exception {
        Account first = db.account().findUnique(q -> q.where(w -> w.id(ann.id()))
                .cache(c -> c.ttl(Duration.ofMillis(500)))).block(WAIT);
        CachedDatabase.runBehindTheClient(postgres, "update \"Account\" set \"name\" = 'Ann X.'");

        assertThat(db.account().findUnique(q -> q.where(w -> w.id(ann.id()))
                .cache(c -> c.ttl(Duration.ofMillis(500)))).block(WAIT)).isEqualTo(first);
        Thread.sleep(800);

        assertThat(db.account().findUnique(q -> q.where(w -> w.id(ann.id()))
                .cache(c -> c.ttl(Duration.ofMillis(500)))).block(WAIT).name()).isEqualTo("Ann X.");
    }

    @Test
    void aStaleRecordIsServedWhileOneCallerRefreshesIt() throws Exception {
        byWithSwr();
        CachedDatabase.runBehindTheClient(postgres, "update \"Account\" set \"name\" = 'Ann S.'");
        Thread.sleep(700);

        assertThat(byWithSwr().name()).isEqualTo("Ann");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!"Ann S.".equals(byWithSwr().name()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(byWithSwr().name()).isEqualTo("Ann S.");
        assertThat(statistics().staleHits()).isGreaterThanOrEqualTo(1);
        // the first load and one refresh; a read that found the stale entry just before the refresh
        // stored the fresh one, and asked after that refresh ended, may refresh once more
        assertThat(lookUps.get()).isBetween(2, 3);
    }

    private Account byWithSwr() {
        return db.account().findUnique(q -> q.where(w -> w.id(ann.id()))
                .cache(c -> c.ttl(Duration.ofMillis(500)).swr(Duration.ofSeconds(30)))).block(WAIT);
    }

    @Test
    void invalidatingATagRemovesTheRecordsCachedWithIt() {
        Account bob = db.account().create(c -> c.email("bob@example.com").name("Bob")).block(WAIT);
        db.account().findUnique(q -> q.where(w -> w.id(ann.id())).cache(c -> c.tags("team-1"))).block(WAIT);
        db.account().findUnique(q -> q.where(w -> w.id(bob.id())).cache(c -> c.tags("team-2"))).block(WAIT);
        lookUps.set(0);

        db.core().invalidateCacheTags("team-1").block(WAIT);

        db.account().findUnique(q -> q.where(w -> w.id(ann.id())).cache(c -> c.tags("team-1"))).block(WAIT);
        db.account().findUnique(q -> q.where(w -> w.id(bob.id())).cache(c -> c.tags("team-2"))).block(WAIT);
        assertThat(lookUps).hasValue(1);
    }

    @Test
    void noCacheReadsPostgresEveryTime() {
        byId(ann.id());
        lookUps.set(0);

        for (int i = 0; i < 3; i++) {
            db.account().findUnique(q -> q.where(w -> w.id(ann.id())).noCache()).block(WAIT);
        }

        assertThat(lookUps).hasValue(3);
    }

    @Test
    void fiftyConcurrentMissesOfOneRecordLoadItOnce() {
        List<Account> read = Flux.range(0, 50)
                .flatMap(i -> db.account().findUnique(q -> q.where(w -> w.id(ann.id()))), 50)
                .collectList()
                .block(WAIT);

        assertThat(read).hasSize(50).containsOnly(ann);
        assertThat(lookUps).hasValue(1);
    }
}
