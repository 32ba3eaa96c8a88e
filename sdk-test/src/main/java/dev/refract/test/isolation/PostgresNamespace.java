package dev.refract.test.isolation;

import dev.refract.test.services.PostgresService;
import dev.refract.test.services.ServerEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A fresh PostgreSQL schema for one test class. Its URLs put the schema first on the search
 * path, so unqualified tables are created and found there.
 */
public final class PostgresNamespace extends AbstractTestNamespace implements TestNamespace {

    private PostgresNamespace(ServerEndpoint endpoint, String schema) {
        super(endpoint, schema);
    }

    /** Creates a schema named after {@code label} on this JVM's PostgreSQL server. */
    public static PostgresNamespace create(String label) {
        return create(PostgresService.endpoint(), label);
    }

    /** Creates a schema named after {@code label} on {@code endpoint}. */
    public static PostgresNamespace create(ServerEndpoint endpoint, String label) {
        String schema = NamespaceNames.generate(label);
        SqlStatements.run(PostgresService::connect, endpoint, "create the PostgreSQL schema " + schema, "",
                List.of("create schema \"" + schema + "\""));
        return new PostgresNamespace(endpoint, schema);
    }

    /** The schema's name. */
    public String schema() {
        return name();
    }

    /** e.g. {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test?schema=rt_myit_3fa9c2e17b04}. */
    public String r2dbcUrl() {
        return endpoint().withParameter("schema", schema()).r2dbcUrl();
    }

    /** e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=rt_myit_3fa9c2e17b04}. */
    public String jdbcUrl() {
        return endpoint().withParameter("currentSchema", schema()).jdbcUrl();
    }

    /** A JDBC connection whose search path is this schema, for setting up and checking data; the caller closes it. */
    public Connection connect() throws SQLException {
        return PostgresService.connect(endpoint().withParameter("currentSchema", schema()));
    }

    @Override
    void drop() {
        SqlStatements.run(PostgresService::connect, endpoint(), "drop the PostgreSQL schema " + schema(),
                " (is a connection of the test still using it?)", List.of(
                        // a connection the test left open inside the schema must not make the drop wait forever
                        "set lock_timeout = '15s'",
                        "drop schema if exists \"" + schema() + "\" cascade"));
    }
}
