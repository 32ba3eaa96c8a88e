package dev.refract.test.isolation;

import dev.refract.test.services.MysqlService;
import dev.refract.test.services.ServerEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/** A fresh MySQL/MariaDB database for one test class; its URLs name it as the default database. */
public final class MysqlNamespace implements TestNamespace {

    private final ServerEndpoint endpoint;
    private final String database;
    private final AtomicBoolean dropped = new AtomicBoolean();

    private MysqlNamespace(ServerEndpoint endpoint, String database) {
        this.endpoint = endpoint;
        this.database = database;
    }

    /** Creates a database named after {@code label} on this JVM's MySQL server. */
    public static MysqlNamespace create(String label) {
        return create(MysqlService.endpoint(), label);
    }

    /** Creates a database named after {@code label} on {@code endpoint}. */
    public static MysqlNamespace create(ServerEndpoint endpoint, String label) {
        String database = NamespaceNames.generate(label);
        try (Connection connection = MysqlService.connect(endpoint);
             Statement statement = connection.createStatement()) {
            statement.execute("create database `" + database + "` character set utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the MySQL database " + database + " on "
                    + endpoint.describe() + ": " + e.getMessage(), e);
        }
        return new MysqlNamespace(endpoint, database);
    }

    /** The database's name. */
    public String database() {
        return database;
    }

    @Override
    public String name() {
        return database;
    }

    @Override
    public ServerEndpoint endpoint() {
        return endpoint;
    }

    /** e.g. {@code r2dbc:mysql://root@127.0.0.1:3306/rt_myit_3fa9c2e17b04}. */
    public String r2dbcUrl() {
        return endpoint.withDatabase(database).r2dbcUrl();
    }

    /** e.g. {@code jdbc:mariadb://127.0.0.1:3306/rt_myit_3fa9c2e17b04?user=root}. */
    public String jdbcUrl() {
        return endpoint.withDatabase(database).jdbcUrl();
    }

    /** A JDBC connection to this database, for setting up and checking data; the caller closes it. */
    public Connection connect() throws SQLException {
        return MysqlService.connect(endpoint.withDatabase(database));
    }

    @Override
    public void close() {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        try (Connection connection = MysqlService.connect(endpoint);
             Statement statement = connection.createStatement()) {
            // a connection the test left open inside the database must not make the drop wait forever
            statement.execute("set session lock_wait_timeout = 15");
            statement.execute("drop database if exists `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the MySQL database " + database + " on "
                    + endpoint.describe() + " (is a connection of the test still using it?): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MysqlNamespace[" + database + " on " + endpoint.describe() + "]";
    }
}
