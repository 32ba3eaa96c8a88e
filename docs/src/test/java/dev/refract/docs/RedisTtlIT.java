package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.kv.db.Pass;
import com.example.kv.db.RefractClient;
import com.example.kv.db.Session;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The samples of the page "Redis": records that expire on their own. */
@RefractTestDatabases
class RedisTtlIT {

    @Test
    void eachWriteSettlesWhenItsRecordExpires(RedisNamespace redis) {
        try (RefractClient db = RefractClient.builder().datasource("kv", PipelineDatabases.redisUrl(redis)).build()) {
            // tag::ttl[]
            Mono<Pass> pass = db.pass().create(c -> c.code("p1").validUntil(Instant.now().plus(Duration.ofDays(1))));
            Mono<Session> created = db.session().create(c -> c.userId("u").token("t").ttl(Duration.ofMinutes(5)));   // not @@ttl's hour
            Mono<Session> updated = db.session().update(w -> w.token("t"), u -> u.hits(1).ttl(Duration.ofMinutes(5))); // five minutes from now
            // end::ttl[]

            String passId = pass.block().id();
            String sessionId = created.block().id();
            assertThat(updated.block().hits()).isEqualTo(1);
            assertThat(secondsToLive(redis, passId)).isBetween(Duration.ofHours(23).toSeconds(), Duration.ofDays(1).toSeconds());
            assertThat(secondsToLive(redis, sessionId)).isBetween(1L, Duration.ofMinutes(5).toSeconds());
        }
    }

    /** The time to live of the one key under the namespace's prefix that ends with {@code id}. */
    private static long secondsToLive(RedisNamespace redis, String id) {
        String key = redis.keys().stream().filter(k -> k.endsWith(id)).findFirst().orElseThrow();
        RedisClient client = RedisClient.create(redis.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().ttl(key);
        } finally {
            client.shutdown();
        }
    }
}
