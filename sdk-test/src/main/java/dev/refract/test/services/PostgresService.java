package dev.refract.test.services;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The PostgreSQL server of this test run, chosen once per JVM: {@code REFRACT_TEST_POSTGRES_URL}
 * if set; else a local server on 127.0.0.1:5432 that answers {@code select 1} (user
 * {@code postgres} or the OS user, database {@code test} or {@code postgres}); else an embedded
 * PostgreSQL started from Maven Central and stopped when the JVM exits.
 */
public final class PostgresService {

    private static final JdbcConnector JDBC = PostgresService::connect;

    private PostgresService() {
    }

    /**
     * The server for this JVM, resolved on first call.
     *
     * @throws IllegalStateException saying why when no server can be had
     */
    public static ServerEndpoint endpoint() {
        return Shared.SERVER.endpoint();
    }

    /**
     * Opens a JDBC connection to {@code endpoint} (blocking; for test setup only), with timeouts
     * so a stuck server fails the test instead of hanging it.
     */
    public static Connection connect(ServerEndpoint endpoint) throws SQLException {
        return JDBC.connect(endpoint);
    }

    private static final class Shared {
        static final SharedServer SERVER = SharedServer.resolveOnce(resolver());
    }

    static ServiceResolver resolver() {
        return ServiceResolver.onStandardPort(ServerKind.POSTGRESQL, PostgresService::localCandidates, PostgresService::check,
                PostgresService::startEmbedded);
    }

    static List<ServerEndpoint> localCandidates(int port) {
        Set<String> users = new LinkedHashSet<>(List.of("postgres", System.getProperty("user.name", "postgres")));
        List<ServerEndpoint> candidates = new ArrayList<>();
        for (String database : List.of("test", "postgres")) {
            for (String user : users) {
                candidates.add(new ServerEndpoint(ServerKind.POSTGRESQL, ServerOrigin.LOCAL, "127.0.0.1", port,
                        user, "", database, ""));
            }
        }
        return candidates;
    }

    static void check(ServerEndpoint endpoint, Duration timeout) throws SQLException {
        JDBC.check(endpoint, timeout);
    }

    static EmbeddedServer startEmbedded() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                // our own shutdown hook stops it, so a test can also stop it early
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.POSTGRESQL, ServerOrigin.EMBEDDED, "localhost",
                postgres.getPort(), "postgres", "", "postgres", "");
        return EmbeddedServer.of(endpoint, postgres::close);
    }

    private static Connection connect(ServerEndpoint endpoint, Duration connectTimeout, Duration socketTimeout)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        properties.setProperty("loginTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        properties.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
        properties.setProperty("ApplicationName", "refract-test");
        return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
    }
}
