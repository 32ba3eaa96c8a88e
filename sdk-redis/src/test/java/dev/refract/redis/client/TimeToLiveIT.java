package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.keyvalue.db.Pass;
import com.example.keyvalue.db.RefractClient;
import com.example.keyvalue.db.Session;
import com.example.keyvalue.db.Ticket;
import dev.refract.error.InvalidQueryException;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expiry chosen per record: Pass's {@code @expiresAt} field {@code validUntil} (with {@code @@ttl(60)}
 * when it holds none), and a write's own {@code ttl(...)}, which overrides {@code @@ttl}. The record
 * and its index keys always expire at the same instant.
 */
@RefractTestDatabases
class TimeToLiveIT {

    private RedisNamespace redis;
    private RefractClient client;
    private RedisClient lettuce;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> commands;

    @BeforeEach
    void open(RedisNamespace namespace) {
        redis = namespace;
        client = KeyValueDatabase.open(namespace);
        lettuce = RedisClient.create(namespace.redisUrl());
        connection = lettuce.connect();
        commands = connection.sync();
    }

    @AfterEach
    void close() {
        client.close();
        connection.close();
        lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private String key(String model, String rest) {
        return redis.prefix() + "{" + model + "}:" + rest;
    }

    /** The instant, in epoch milliseconds, Redis expires {@code key} at; -1 for never, -2 for no such key. */
    private long expiresAt(String key) {
        return commands.pexpiretime(key);
    }

    private static Instant inMillis(long millis) {
        return Instant.now().plusMillis(millis).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void aRecordAndItsIndexKeyExpireAtTheInstantItsExpiresAtFieldHolds() throws InterruptedException {
        Instant validUntil = inMillis(700);
        Pass pass = client.pass().create(c -> c.code("p1").validUntil(validUntil)).block();

        assertThat(expiresAt(key("Pass", pass.id()))).isEqualTo(validUntil.toEpochMilli());
        assertThat(expiresAt(key("Pass", "code=p1"))).isEqualTo(validUntil.toEpochMilli());
        assertThat(client.pass().findUnique(q -> q.where(w -> w.code("p1"))).block()).isEqualTo(pass);

        Thread.sleep(Math.max(0, validUntil.toEpochMilli() - System.currentTimeMillis()) + 100);

        assertThat(client.pass().findUnique(q -> q.where(w -> w.id(pass.id()))).block()).isNull();
        assertThat(client.pass().findUnique(q -> q.where(w -> w.code("p1"))).block()).isNull();
        assertThat(commands.exists(key("Pass", pass.id()), key("Pass", "code=p1"))).isZero();
    }

    @Test
    void aRecordWithoutAnExpiresAtInstantLivesAsLongAsItsModelsTtl() {
        Pass pass = client.pass().create(c -> c.code("p2")).block();

        assertThat(commands.pttl(key("Pass", pass.id()))).isBetween(59_000L, 60_000L);
        assertThat(commands.pttl(key("Pass", "code=p2"))).isBetween(59_000L, 60_000L);
    }

    @Test
    void anExpiresAtInstantAlreadyPastRemovesTheRecordAtOnce() {
        Instant past = inMillis(-1_000);
        Pass pass = client.pass().create(c -> c.code("late").validUntil(past)).block();

        assertThat(pass.validUntil()).isEqualTo(past);
        assertThat(client.pass().findUnique(q -> q.where(w -> w.id(pass.id()))).block()).isNull();
        assertThat(commands.exists(key("Pass", pass.id()), key("Pass", "code=late"))).isZero();

        Pass other = client.pass().create(c -> c.code("p3")).block();
        client.pass().update(w -> w.id(other.id()), u -> u.validUntil(past)).block();
        assertThat(client.pass().findUnique(q -> q.where(w -> w.code("p3"))).block()).isNull();
        assertThat(commands.exists(key("Pass", other.id()), key("Pass", "code=p3"))).isZero();
    }

    @Test
    void anUpdateSettingTheExpiresAtFieldMovesTheExpiryOfTheRecordAndItsIndexKeys() {
        Pass pass = client.pass().create(c -> c.code("old")).block();
        Instant later = inMillis(3_600_000);

        client.pass().update(w -> w.id(pass.id()), u -> u.validUntil(later).code("new")).block();

        assertThat(expiresAt(key("Pass", pass.id()))).isEqualTo(later.toEpochMilli());
        assertThat(expiresAt(key("Pass", "code=new"))).isEqualTo(later.toEpochMilli());
        assertThat(commands.exists(key("Pass", "code=old"))).isZero();
    }

    @Test
    void anUpdateLeavingTheExpiresAtFieldAloneKeepsTheExpiry() {
        Instant later = inMillis(3_600_000);
        Pass pass = client.pass().create(c -> c.code("a").validUntil(later)).block();

        client.pass().update(w -> w.id(pass.id()), u -> u.code("b")).block();

        assertThat(expiresAt(key("Pass", pass.id()))).isEqualTo(later.toEpochMilli());
        assertThat(expiresAt(key("Pass", "code=b"))).isEqualTo(later.toEpochMilli());
    }

    @Test
    void clearingTheExpiresAtFieldFallsBackToTheModelsTtlCountedFromTheUpdate() {
        Pass pass = client.pass().create(c -> c.code("c").validUntil(inMillis(3_600_000))).block();

        Pass cleared = client.pass().update(w -> w.id(pass.id()), u -> u.validUntil(null)).block();

        assertThat(cleared.validUntil()).isNull();
        assertThat(commands.pttl(key("Pass", pass.id()))).isBetween(59_000L, 60_000L);
        assertThat(commands.pttl(key("Pass", "code=c"))).isBetween(59_000L, 60_000L);
    }

    @Test
    void aWritesOwnTtlOverridesTheModelsTtlForTheRecordAndItsIndexKeys() {
        Ticket ticket = client.ticket().create(c -> c.code("t1").owner("ann").ttl(Duration.ofMinutes(5))).block();

        assertThat(commands.pttl(key("Ticket", ticket.id()))).isBetween(290_000L, 300_000L);
        assertThat(commands.pttl(key("Ticket", "code=t1"))).isBetween(290_000L, 300_000L);

        client.ticket().update(w -> w.id(ticket.id()), u -> u.code("t2").ttl(Duration.ofMinutes(10))).block();

        assertThat(commands.pttl(key("Ticket", ticket.id()))).isBetween(590_000L, 600_000L);
        assertThat(commands.pttl(key("Ticket", "code=t2"))).isBetween(590_000L, 600_000L);
    }

    @Test
    void aRecordOfAModelWithoutTtlExpiresAfterItsWritesOwnTtl() throws InterruptedException {
        Session session = client.session().create(c -> c.userId("u").token("tok").ttl(Duration.ofMillis(600)))
                .block();
        Session lasting = client.session().create(c -> c.userId("u").token("stays")).block();
        assertThat(commands.pttl(key("Session", "token=tok"))).isBetween(1L, 600L);

        Thread.sleep(800);

        assertThat(client.session().findUnique(q -> q.where(w -> w.id(session.id()))).block()).isNull();
        assertThat(client.session().findUnique(q -> q.where(w -> w.token("tok"))).block()).isNull();
        assertThat(commands.exists(key("Session", session.id()), key("Session", "token=tok"))).isZero();
        assertThat(commands.exists(key("Session", lasting.id()), key("Session", "token=stays"))).isEqualTo(2);
        assertThat(commands.pttl(key("Session", lasting.id()))).as("no ttl, no expiry").isEqualTo(-1L);
    }

    @Test
    void anUpsertGivesTheRecordTheTtlOfTheHalfThatRan() {
        client.session().upsert(w -> w.token("up"), c -> c.userId("u").token("up").ttl(Duration.ofMinutes(1)),
                u -> u.hits(1).ttl(Duration.ofMinutes(2))).block();
        assertThat(commands.pttl(key("Session", "token=up"))).isBetween(50_000L, 60_000L);

        client.session().upsert(w -> w.token("up"), c -> c.userId("u").token("up").ttl(Duration.ofMinutes(1)),
                u -> u.hits(2).ttl(Duration.ofMinutes(2))).block();
        assertThat(commands.pttl(key("Session", "token=up"))).isBetween(110_000L, 120_000L);
    }

    @Test
    void aWriteGivingBothATtlAndAnExpiresAtInstantIsRefused() {
        assertThatThrownBy(() -> client.pass().create(c -> c.code("both").validUntil(inMillis(60_000))
                .ttl(Duration.ofSeconds(5))).block())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("gives both a ttl and validUntil (@expiresAt)");
        assertThat(commands.exists(key("Pass", "code=both"))).isZero();
    }
}
