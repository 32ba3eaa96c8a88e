package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.keyvalue.db.Item;
import com.example.keyvalue.db.RefractClient;
import dev.refract.redis.script.Scripts;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The write scripts load themselves where the server lost them, and compare-and-set arithmetic loses no update. */
@RefractTestDatabases
class ScriptLoadingIT {

    private RefractClient client;
    private RedisClient lettuce;
    private StatefulRedisConnection<String, String> connection;

    @BeforeEach
    void open(RedisNamespace redis) {
        client = KeyValueDatabase.open(redis);
        lettuce = RedisClient.create(redis.redisUrl());
        connection = lettuce.connect();
    }

    @AfterEach
    void close() {
        client.close();
        connection.close();
        lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void aServerThatForgotTheScriptsIsSentThemAgain() {
        RedisCommands<String, String> commands = connection.sync();
        client.item().create(c -> c.label("before")).block();
        commands.scriptFlush();
        assertThat(commands.scriptExists(Scripts.CREATE.sha())).containsExactly(false);

        Item after = client.item().create(c -> c.label("after")).block();

        assertThat(after.label()).isEqualTo("after");
        assertThat(commands.scriptExists(Scripts.CREATE.sha())).containsExactly(true);
    }

    @Test
    void concurrentDecimalIncrementsAndMultipliesAreAllApplied() {
        Item item = client.item().create(c -> c.label("sum").amount(new BigDecimal("0.00")).count_(1)).block();

        Flux.range(0, 50).flatMap(n -> client.item().update(w -> w.id(item.id()),
                u -> u.amount().increment(new BigDecimal("0.01"))), 50).blockLast();
        Flux.range(0, 10).flatMap(n -> client.item().update(w -> w.id(item.id()), u -> u.count_().multiply(2)), 10)
                .blockLast();

        Item done = client.item().findUnique(q -> q.where(w -> w.id(item.id()))).block();
        assertThat(done.amount()).isEqualTo(new BigDecimal("0.50"));
        assertThat(done.count()).isEqualTo(1024);
    }
}
