package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.keyvalue.db.RefractClient;
import com.example.keyvalue.db.Session;
import com.example.keyvalue.db.SessionCreate;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A hundred updates of the same ten records at once, moving their unique tokens (some onto the
 * same value) and incrementing counters: afterwards every index key points at the record holding
 * its value, every record has its index key, no index key is left over, and no increment is lost.
 */
@RefractTestDatabases
class IndexConsistencyIT {

    @Test
    void concurrentUpdatesKeepEveryIndexKeyRight(RedisNamespace redis) {
        try (RefractClient client = KeyValueDatabase.open(redis)) {
            List<SessionCreate> seed = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                seed.add(new SessionCreate().id("s" + i).token("start-" + i).userId("u"));
            }
            client.session().createMany(seed).block();

            List<Integer> applied = Flux.range(0, 100)
                    .flatMap(n -> {
                        String id = "s" + (n % 10);
                        String token = n % 3 == 0 ? "shared-" + (n % 4) : "token-" + n;
                        return client.session().update(w -> w.id(id), u -> u.token(token).hits().increment(1))
                                .thenReturn(1)
                                .onErrorResume(UniqueConstraintViolationException.class, taken -> Mono.just(0));
                    }, 100)
                    .collectList().block();

            List<Session> sessions = client.session().findMany().collectList().block();
            int successes = applied.stream().mapToInt(Integer::intValue).sum();
            assertThat(sessions).hasSize(10);
            assertThat(sessions.stream().mapToInt(Session::hits).sum()).isEqualTo(successes);
            assertThat(successes).isGreaterThanOrEqualTo(70);
            assertThat(sessions.stream().map(Session::token).distinct()).hasSize(10);

            RedisClient lettuce = RedisClient.create(redis.redisUrl());
            try (StatefulRedisConnection<String, String> connection = lettuce.connect()) {
                RedisCommands<String, String> commands = connection.sync();
                String base = redis.prefix() + "{Session}:";
                List<String> indexKeys = redis.keys().stream().filter(key -> key.startsWith(base + "token="))
                        .collect(Collectors.toList());
                Map<String, String> tokenById = sessions.stream().collect(Collectors.toMap(Session::id,
                        Session::token));
                assertThat(indexKeys).hasSize(10);
                for (String indexKey : indexKeys) {
                    String id = commands.get(indexKey);
                    assertThat(tokenById).containsKey(id);
                    assertThat(indexKey).isEqualTo(base + "token=" + tokenById.get(id));
                }
                for (Session session : sessions) {
                    assertThat(commands.get(base + "token=" + session.token())).isEqualTo(session.id());
                }
            } finally {
                lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }
}
