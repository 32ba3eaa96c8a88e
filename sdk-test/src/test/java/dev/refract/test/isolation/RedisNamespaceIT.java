package dev.refract.test.isolation;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RedisNamespaceIT {

    private RedisNamespace namespace;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;

    @BeforeEach
    void connect() {
        namespace = RedisNamespace.create("RedisNamespaceIT");
        client = RedisClient.create(namespace.redisUrl());
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterEach
    void disconnect() {
        namespace.close();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void keysWrittenUnderThePrefixAreReadBackAndListed() {
        redis.set(namespace.key("session:1"), "alice");
        redis.hset(namespace.key("user:1"), "name", "Alice");

        assertThat(redis.get(namespace.key("session:1"))).isEqualTo("alice");
        assertThat(namespace.keys()).containsExactlyInAnyOrder(namespace.key("session:1"), namespace.key("user:1"));
        assertThat(namespace.prefix()).matches("rt_redisnamespaceit_[0-9a-f]{12}:");
    }

    @Test
    void twoNamespacesDoNotSeeEachOthersKeys() {
        try (RedisNamespace other = RedisNamespace.create("RedisNamespaceIT")) {
            redis.set(namespace.key("k"), "mine");
            redis.set(other.key("k"), "theirs");

            assertThat(namespace.keys()).containsExactly(namespace.key("k"));
            assertThat(other.keys()).containsExactly(other.key("k"));
            assertThat(redis.get(other.key("k"))).isEqualTo("theirs");
        }
    }

    @Test
    void closingDeletesEveryKeyUnderThePrefixAndNoOtherKey() {
        IntStream.range(0, 1_200).forEach(i -> redis.set(namespace.key("bulk:" + i), "v"));
        String bystander = "rt_bystander_" + System.nanoTime();
        redis.set(bystander, "stays");
        try {
            namespace.close();
            namespace.close();

            assertThat(redis.keys(namespace.prefix() + "*")).isEmpty();
            assertThat(redis.get(bystander)).isEqualTo("stays");
        } finally {
            redis.del(bystander);
        }
    }
}
