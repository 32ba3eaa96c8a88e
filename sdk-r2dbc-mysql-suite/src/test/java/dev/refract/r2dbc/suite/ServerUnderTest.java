package dev.refract.r2dbc.suite;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.sql.Dialect;
import dev.refract.r2dbc.sql.MySqlDialect;
import dev.refract.r2dbc.sql.MySqlServer;
import dev.refract.test.isolation.MysqlNamespace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The server the relational suite runs against in this module: MySQL or MariaDB, each test class
 * in a database of its own. sdk-r2dbc has a class of the same name for PostgreSQL.
 */
final class ServerUnderTest extends SuiteDatabase {

    private final MysqlNamespace namespace;
    private final MySqlDialect dialect;

    private ServerUnderTest(MysqlNamespace namespace, MySqlDialect dialect) {
        this.namespace = namespace;
        this.dialect = dialect;
    }

    /** A new database named after {@code label} on this JVM's MySQL server. */
    static ServerUnderTest create(String label) {
        MysqlNamespace namespace = MysqlNamespace.create(label);
        try (Connection connection = namespace.connect(); Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT VERSION()")) {
            version.next();
            return new ServerUnderTest(namespace, new MySqlDialect(MySqlServer.parse(version.getString(1))
                    .requireSupported()));
        } catch (SQLException | RuntimeException e) {
            namespace.close();
            throw new IllegalStateException("could not learn the version of the MySQL server of " + namespace, e);
        }
    }

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public String r2dbcUrl() {
        return namespace.r2dbcUrl();
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public boolean sortsMissingValuesLastAscending() {
        return false;
    }

    @Override
    protected Connection connect() throws SQLException {
        Connection connection = namespace.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES,PIPES_AS_CONCAT')");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** TRUNCATE numbers ids from 1 again; the foreign keys between the tables would refuse it. */
    @Override
    protected List<String> emptying(List<String> tables) {
        List<String> statements = new ArrayList<>();
        statements.add("SET FOREIGN_KEY_CHECKS = 0");
        for (String table : tables) {
            statements.add("TRUNCATE TABLE \"" + table + "\"");
        }
        statements.add("SET FOREIGN_KEY_CHECKS = 1");
        return statements;
    }

    @Override
    protected String numberingIds(String table, long next) {
        return "ALTER TABLE \"" + table + "\" AUTO_INCREMENT = " + next;
    }

    @Override
    public void close() {
        namespace.close();
    }
}
