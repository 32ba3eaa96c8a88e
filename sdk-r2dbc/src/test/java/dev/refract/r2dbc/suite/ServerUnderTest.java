package dev.refract.r2dbc.suite;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.sql.Dialect;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.test.isolation.PostgresNamespace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server the relational suite runs against in this module: PostgreSQL, each test class in a
 * schema of its own. The MySQL suite module has a class of the same name for MySQL/MariaDB.
 */
final class ServerUnderTest extends SuiteDatabase {

    private final PostgresNamespace namespace;

    private ServerUnderTest(PostgresNamespace namespace) {
        this.namespace = namespace;
    }

    /** A new schema named after {@code label} on this JVM's PostgreSQL server. */
    static ServerUnderTest create(String label) {
        return new ServerUnderTest(PostgresNamespace.create(label));
    }

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public String r2dbcUrl() {
        return namespace.r2dbcUrl();
    }

    @Override
    public Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public boolean sortsMissingValuesLastAscending() {
        return true;
    }

    @Override
    protected Connection connect() throws SQLException {
        return namespace.connect();
    }

    @Override
    protected List<String> emptying(List<String> tables) {
        return List.of("TRUNCATE " + tables.stream().map(table -> "\"" + table + "\"").collect(Collectors.joining(", "))
                + " RESTART IDENTITY CASCADE");
    }

    @Override
    protected String numberingIds(String table, long next) {
        return "SELECT setval(pg_get_serial_sequence('\"" + table + "\"', 'id'), " + next + ", false)";
    }

    @Override
    public void close() {
        namespace.close();
    }
}
