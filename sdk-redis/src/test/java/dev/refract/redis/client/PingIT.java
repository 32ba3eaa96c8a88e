package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.keyvalue.db.RefractClient;
import dev.refract.error.ConnectionFailedException;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The Redis adapter's health ping, through the client as a health check asks it. */
@RefractTestDatabases
class PingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aPingOfAServerThatAnswersCompletes(RedisNamespace redis) {
        try (RefractClient client = RefractClient.builder().datasource("kv", redis.redisUrl()).build()) {
            StepVerifier.create(client.core().ping("kv")).expectComplete().verify(WAIT);
            StepVerifier.create(client.core().ping("kv")).expectComplete().verify(WAIT);
        }
    }

    @Test
    void aPingOfAServerThatIsNotThereIsAConnectionFailureWithoutThePassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (RefractClient client = RefractClient.builder()
                .datasource("kv", "redis://app:hunter2@127.0.0.1:" + port).build()) {
            assertThatThrownBy(() -> client.core().ping("kv").block(WAIT))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageNotContaining("hunter2");
        }
    }
}
