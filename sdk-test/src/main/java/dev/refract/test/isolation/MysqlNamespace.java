package dev.refract.test.isolation;

import dev.refract.test.services.MysqlService;
import dev.refract.test.services.ServerEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A fresh MySQL/MariaDB database for one test class; its URLs name it as the default database. */
public final class MysqlNamespace extends AbstractTestNamespace implements TestNamespace {

    private MysqlNamespace(ServerEndpoint endpoint, String database) {
        super(endpoint, database);
    }

    /** Creates a database named after {@code label} on this JVM's MySQL server. */
    public static MysqlNamespace create(String label) {
        return create(MysqlService.endpoint(), label);
    }

    /** Creates a database named after {@code label} on {@code endpoint}. */
    public static MysqlNamespace create(ServerEndpoint endpoint, String label) {
        String database = NamespaceNames.generate(label);
        SqlStatements.run(MysqlService::connect, endpoint, "create the MySQL database " + database, "",
                List.of("create database `" + database + "` character set utf8mb4"));
        return new MysqlNamespace(endpoint, database);
    }

    /** The database's name. */
    public String database() {
        return name();
    }

    /** e.g. {@code r2dbc:mysql://root@127.0.0.1:3306/rt_myit_3fa9c2e17b04}. */
    public String r2dbcUrl() {
        return endpoint().withDatabase(database()).r2dbcUrl();
    }

    /** e.g. {@code jdbc:mariadb://127.0.0.1:3306/rt_myit_3fa9c2e17b04?user=root}. */
    public String jdbcUrl() {
        return endpoint().withDatabase(database()).jdbcUrl();
    }

    /** A JDBC connection to this database, for setting up and checking data; the caller closes it. */
    public Connection connect() throws SQLException {
        return MysqlService.connect(endpoint().withDatabase(database()));
    }

    @Override
    void drop() {
        SqlStatements.run(MysqlService::connect, endpoint(), "drop the MySQL database " + database(),
                " (is a connection of the test still using it?)", List.of(
                        // a connection the test left open inside the database must not make the drop wait forever
                        "set session lock_wait_timeout = 15",
                        "drop database if exists `" + database() + "`"));
    }
}
