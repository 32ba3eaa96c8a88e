package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.keyvalue.db.ItemCreate;
import com.example.keyvalue.db.RefractClient;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A findMany without order streams its scan: a subscriber that takes three records reads only a few. */
@RefractTestDatabases
class ScanStreamingIT {

    private static final Pattern HGETALL_CALLS = Pattern.compile("cmdstat_hgetall:calls=(\\d+)");

    @Test
    void aScanReadsRecordsOnlyAsTheSubscriberAsks(RedisNamespace redis) {
        try (RefractClient client = KeyValueDatabase.open(redis)) {
            List<ItemCreate> items = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                items.add(new ItemCreate().label("item-" + i).count_(i));
            }
            assertThat(client.item().createMany(items).block()).isEqualTo(2_000);
            RedisClient lettuce = RedisClient.create(redis.redisUrl());
            try (StatefulRedisConnection<String, String> connection = lettuce.connect()) {
                long before = hgetallCalls(connection);

                StepVerifier.create(client.item().findMany(q -> q.where(w -> w.count_().gte(0))), 3)
                        .expectNextCount(3)
                        .thenCancel()
                        .verify(Duration.ofSeconds(10));

                long read = hgetallCalls(connection) - before;
                assertThat(read).isGreaterThanOrEqualTo(3).isLessThan(500);
            } finally {
                lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
            assertThat(client.item().count(q -> q.where(w -> w.count_().lt(100))).block()).isEqualTo(100);
        }
    }

    private static long hgetallCalls(StatefulRedisConnection<String, String> connection) {
        Matcher calls = HGETALL_CALLS.matcher(connection.sync().info("commandstats"));
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }
}
