package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.keyvalue.db.RefractClient;
import com.example.keyvalue.db.Ticket;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @@ttl(1)} on Ticket: records and their index keys expire together, and a look-up never sees a gone record. */
@RefractTestDatabases
class ExpiryIT {

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

    private String base() {
        return redis.prefix() + "{Ticket}:";
    }

    @Test
    void aRecordAndItsIndexKeyExpireTogether() throws InterruptedException {
        Ticket ticket = client.ticket().create(c -> c.code("c1").owner("ann")).block();

        long recordTtl = commands.pttl(base() + ticket.id());
        long indexTtl = commands.pttl(base() + "code=c1");
        assertThat(recordTtl).isBetween(1L, 1000L);
        assertThat(indexTtl).isBetween(1L, 1000L);
        assertThat(client.ticket().findUnique(q -> q.where(w -> w.code("c1"))).block()).isEqualTo(ticket);

        Thread.sleep(1_300);

        assertThat(client.ticket().findUnique(q -> q.where(w -> w.id(ticket.id()))).block()).isNull();
        assertThat(client.ticket().findUnique(q -> q.where(w -> w.code("c1"))).block()).isNull();
        assertThat(client.ticket().count().block()).isZero();
        assertThat(redis.keys()).isEmpty();
    }

    @Test
    void anUpdateKeepsTheRecordsTimeToLiveAndGivesItToTheMovedIndexKey() {
        Ticket ticket = client.ticket().create(c -> c.code("old").owner("ann")).block();

        client.ticket().update(w -> w.id(ticket.id()), u -> u.code("new")).block();

        assertThat(commands.pttl(base() + ticket.id())).isBetween(1L, 1000L);
        assertThat(commands.pttl(base() + "code=new")).isBetween(1L, 1000L);
        assertThat(commands.exists(base() + "code=old")).isZero();
    }

    @Test
    void anIndexKeyLeftWithoutItsRecordFindsNothingAndDoesNotBlockTheValue() {
        Ticket ticket = client.ticket().create(c -> c.code("stale").owner("ann")).block();
        commands.del(base() + ticket.id());

        assertThat(client.ticket().findUnique(q -> q.where(w -> w.code("stale"))).block()).isNull();
        Ticket again = client.ticket().create(c -> c.code("stale").owner("bob")).block();
        assertThat(client.ticket().findUnique(q -> q.where(w -> w.code("stale"))).block()).isEqualTo(again);
    }
}
