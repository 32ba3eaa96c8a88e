package dev.refract.redis.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void aPlainUrlIsOneServerAndThePrefixDefaultsToTheDatasourceName() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://cache.local:6380/2", "kv", TIMEOUT);

        assertThat(endpoint.cluster()).isFalse();
        assertThat(endpoint.prefix()).isEqualTo("kv");
        RedisURI node = endpoint.nodes().get(0);
        assertThat(node.getHost()).isEqualTo("cache.local");
        assertThat(node.getPort()).isEqualTo(6380);
        assertThat(node.getDatabase()).isEqualTo(2);
        assertThat(node.isSsl()).isFalse();
    }

    @Test
    void thePrefixParameterAndCredentialsAreRead() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://app:s%40cret@h?prefix=shop", "kv", TIMEOUT);

        assertThat(endpoint.prefix()).isEqualTo("shop");
        RedisURI node = endpoint.nodes().get(0);
        assertThat(node.isSsl()).isTrue();
        assertThat(node.getPort()).isEqualTo(6379);
        RedisCredentials credentials = node.getCredentialsProvider().resolveCredentials().block();
        assertThat(credentials.getUsername()).isEqualTo("app");
        assertThat(new String(credentials.getPassword())).isEqualTo("s@cret");
        assertThat(endpoint.redacted()).doesNotContain("cret");
    }

    @Test
    void aClusterIsNamedByItsSchemeOrByListingSeveralNodes() {
        RedisEndpoint named = RedisEndpoint.parse("redis-cluster://10.0.0.1:7000", "kv", TIMEOUT);
        RedisEndpoint listed = RedisEndpoint.parse("redis://10.0.0.1:7000,10.0.0.2:7001", "kv", TIMEOUT);

        assertThat(named.cluster()).isTrue();
        assertThat(listed.cluster()).isTrue();
        assertThat(listed.nodes()).extracting(RedisURI::getPort).containsExactly(7000, 7001);
    }

    @Test
    void aBadUrlIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> RedisEndpoint.parse("http://u:hunter2@h", "kv", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2")
                .hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://u:hunter2@h?prefx=a", "kv", TIMEOUT))
                .hasMessageNotContaining("hunter2").hasMessageContaining("prefx");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis-cluster://h:1,h:2/3", "kv", TIMEOUT))
                .hasMessageContaining("database 0");
    }

    @Test
    void theCacheTimeoutsDefaultToAQuarterSecondForReadsAndASecondForWrites() {
        RedisEndpoint plain = RedisEndpoint.parse("redis://h", "kv", TIMEOUT);
        RedisEndpoint given = RedisEndpoint.parse("redis://h?cacheReadTimeout=80ms&prefix=p&cacheWriteTimeout=2s",
                "kv", TIMEOUT);
        RedisEndpoint bare = RedisEndpoint.parse("redis://h?cacheReadTimeout=120", "kv", TIMEOUT);

        assertThat(plain.cacheReadTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(plain.cacheWriteTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(given.cacheReadTimeout()).isEqualTo(Duration.ofMillis(80));
        assertThat(given.cacheWriteTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(given.prefix()).isEqualTo("p");
        assertThat(bare.cacheReadTimeout()).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void aCacheTimeoutThatIsNoPositiveTimeIsRefused() {
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://u:hunter2@h?cacheReadTimeout=fast", "kv", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2")
                .hasMessageContaining("its cacheReadTimeout is 'fast', not a positive time such as 250ms or 2s");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://h?cacheWriteTimeout=0ms", "kv", TIMEOUT))
                .hasMessageContaining("cacheWriteTimeout is '0ms'");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://h?cacheTimeout=1s", "kv", TIMEOUT))
                .hasMessageContaining("the parameters are prefix, cacheReadTimeout, cacheWriteTimeout");
    }
}
