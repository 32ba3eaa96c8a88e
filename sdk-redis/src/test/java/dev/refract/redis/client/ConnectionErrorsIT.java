package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.keyvalue.db.RefractClient;
import dev.refract.error.ConnectionFailedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A server that cannot be reached is a typed error naming the datasource, its URL without the password. */
class ConnectionErrorsIT {

    @Test
    void aRefusedConnectionIsConnectionFailedWithThePasswordHidden() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "redis://app:hunter2@127.0.0.1:" + port + "?prefix=nowhere";

        try (RefractClient client = RefractClient.builder().datasource("kv", url).build()) {
            assertThatThrownBy(() -> client.session().count().block())
                    .isInstanceOfSatisfying(ConnectionFailedException.class, e -> {
                        assertThat(e.datasource()).isEqualTo("kv");
                        assertThat(e.getCause()).isNull();
                    })
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageNotContaining("hunter2");
        }
    }
}
