package dev.refract.test.services;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The choice between URL, local and embedded server, with fake probes and starters where the
 * choice alone is under test and the real probes against ports where nothing (or no database)
 * listens, so no real server has to be stopped.
 */
class ServiceResolverTest {

    private static final ServiceSettings NOTHING_SET = ServiceSettings.from(Map.<String, String>of()::get);

    private final AtomicInteger embeddedStarts = new AtomicInteger();

    @Test
    void configuredUrlWinsOverALocalServerThatAnswers() {
        ServiceResolver resolver = new ServiceResolver(ServerKind.POSTGRESQL, List.of(local(ServerKind.POSTGRESQL, 5432)),
                (endpoint, timeout) -> { }, this::fakeEmbeddedPostgres);
        Resolution resolution = resolver.resolve(ServiceSettings.from(
                Map.of("REFRACT_TEST_POSTGRES_URL", "postgresql://ci:pw@db.ci:5433/app")::get));

        assertThat(resolution.endpoint().origin()).isEqualTo(ServerOrigin.URL);
        assertThat(resolution.endpoint().address()).isEqualTo("db.ci:5433");
        assertThat(resolution.embedded()).isEmpty();
        assertThat(embeddedStarts).hasValue(0);
    }

    @Test
    void localServerThatAnswersIsChosenBeforeAnEmbeddedOne() {
        List<String> probed = new ArrayList<>();
        ServiceResolver resolver = new ServiceResolver(ServerKind.POSTGRESQL,
                List.of(local(ServerKind.POSTGRESQL, 5432), local(ServerKind.POSTGRESQL, 5432).withDatabase("postgres")),
                (endpoint, timeout) -> {
                    probed.add(endpoint.database());
                    if (endpoint.database().equals("test")) {
                        throw new IllegalStateException("database \"test\" does not exist");
                    }
                },
                this::fakeEmbeddedPostgres);
        Resolution resolution = resolver.resolve(NOTHING_SET);

        assertThat(probed).containsExactly("test", "postgres");
        assertThat(resolution.endpoint().origin()).isEqualTo(ServerOrigin.LOCAL);
        assertThat(resolution.endpoint().database()).isEqualTo("postgres");
        assertThat(embeddedStarts).hasValue(0);
        assertThat(resolution.announcement()).isEqualTo("refract-test: postgresql -> local 127.0.0.1:5432 (database postgres)");
    }

    @Test
    void embeddedServerStartsWhenNothingListensOnTheLocalPort() throws IOException {
        int deadPort = portWhereNothingListens();
        for (ServerKind kind : List.of(ServerKind.POSTGRESQL, ServerKind.MYSQL, ServerKind.REDIS)) {
            ServiceResolver resolver = new ServiceResolver(kind, realCandidates(kind, deadPort), realProbe(kind),
                    () -> fakeEmbedded(kind));
            long started = System.nanoTime();
            Resolution resolution = resolver.resolve(NOTHING_SET);

            assertThat(resolution.endpoint().origin()).as(kind.label()).isEqualTo(ServerOrigin.EMBEDDED);
            assertThat(resolution.embedded()).as(kind.label()).isPresent();
            assertThat(resolution.announcement()).as(kind.label())
                    .contains("-> embedded 127.0.0.1:1")
                    .contains("no local server answered on 127.0.0.1:" + deadPort);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(kind.label()).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(embeddedStarts).hasValue(3);
    }

    @Test
    void anOpenPortThatSpeaksNoDatabaseProtocolIsNotTakenForAServer() throws Exception {
        try (ServerSocket impostor = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerWithHttp(impostor), "impostor");
            answering.setDaemon(true);
            answering.start();
            for (ServerKind kind : List.of(ServerKind.POSTGRESQL, ServerKind.MYSQL, ServerKind.REDIS)) {
                ServiceResolver resolver = new ServiceResolver(kind, realCandidates(kind, impostor.getLocalPort()),
                        realProbe(kind), () -> fakeEmbedded(kind));
                assertThat(resolver.resolve(NOTHING_SET).endpoint().origin()).as(kind.label()).isEqualTo(ServerOrigin.EMBEDDED);
            }
            answering.interrupt();
        }
    }

    @Test
    void forcedEmbeddedModeIgnoresTheUrlAndTheLocalServer() {
        AtomicInteger probes = new AtomicInteger();
        ServiceResolver resolver = new ServiceResolver(ServerKind.POSTGRESQL, List.of(local(ServerKind.POSTGRESQL, 5432)),
                (endpoint, timeout) -> probes.incrementAndGet(), this::fakeEmbeddedPostgres);
        Resolution resolution = resolver.resolve(ServiceSettings.from(Map.of(
                "REFRACT_TEST_SERVICES", "embedded", "REFRACT_TEST_POSTGRES_URL", "postgresql://db.ci/app")::get));

        assertThat(resolution.endpoint().origin()).isEqualTo(ServerOrigin.EMBEDDED);
        assertThat(probes).hasValue(0);
        assertThat(resolution.announcement()).contains("forced by refract.test.services=embedded");
    }

    @Test
    void aConfiguredUrlWhereNothingAnswersFailsNamingTheVariable() throws IOException {
        int deadPort = portWhereNothingListens();
        ServiceResolver resolver = new ServiceResolver(ServerKind.POSTGRESQL, List.of(),
                PostgresService::check, this::fakeEmbeddedPostgres);
        ServiceSettings settings = ServiceSettings.from(
                Map.of("REFRACT_TEST_POSTGRES_URL", "postgresql://postgres:hunter2@127.0.0.1:" + deadPort + "/test")::get);

        assertThatThrownBy(() -> resolver.resolve(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("REFRACT_TEST_POSTGRES_URL names 127.0.0.1:" + deadPort
                        + ", but no postgresql server answers there")
                .hasMessageContaining("unset REFRACT_TEST_POSTGRES_URL")
                .message().doesNotContain("hunter2");
        assertThat(embeddedStarts).hasValue(0);
    }

    @Test
    void aFailedEmbeddedStartSaysWhatWasTriedAndWhatToDo() {
        ServiceResolver resolver = new ServiceResolver(ServerKind.MYSQL, List.of(local(ServerKind.MYSQL, 3306)),
                (endpoint, timeout) -> { throw new IOException("Connection refused"); },
                () -> { throw new IOException("mariadbd: Please consult the Knowledge Base to run as root"); });

        assertThatThrownBy(() -> resolver.resolve(NOTHING_SET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not start an embedded mysql server: mariadbd: Please consult")
                .hasMessageContaining("root@127.0.0.1:3306/test: Connection refused")
                .hasMessageEndingWith("Run a local server on 127.0.0.1:3306 or set REFRACT_TEST_MYSQL_URL to a server's URL.");
    }

    private static ServerEndpoint local(ServerKind kind, int port) {
        return new ServerEndpoint(kind, ServerOrigin.LOCAL, "127.0.0.1", port, "root", "", "test", "");
    }

    private static List<ServerEndpoint> realCandidates(ServerKind kind, int port) {
        return switch (kind) {
            case POSTGRESQL -> PostgresService.localCandidates(port);
            case MYSQL -> MysqlService.localCandidates(port);
            case REDIS -> RedisService.localCandidates(port);
            case MONGODB -> List.of();
        };
    }

    private static ServerProbe realProbe(ServerKind kind) {
        ServerProbe probe = switch (kind) {
            case POSTGRESQL -> PostgresService::check;
            case MYSQL -> MysqlService::check;
            case REDIS -> RedisService::check;
            case MONGODB -> MongoService::check;
        };
        // the resolver's own timeout would make the impostor test take seconds per candidate
        return (endpoint, timeout) -> probe.check(endpoint, Duration.ofMillis(500));
    }

    private EmbeddedServer fakeEmbeddedPostgres() {
        return fakeEmbedded(ServerKind.POSTGRESQL);
    }

    private EmbeddedServer fakeEmbedded(ServerKind kind) {
        embeddedStarts.incrementAndGet();
        return EmbeddedServer.of(new ServerEndpoint(kind, ServerOrigin.EMBEDDED, "127.0.0.1", 1, "", "", "0", ""), () -> { });
    }

    private static int portWhereNothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void answerWithHttp(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
