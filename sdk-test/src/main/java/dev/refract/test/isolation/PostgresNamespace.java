package dev.refract.test.isolation;

import dev.refract.test.services.PostgresService;
import dev.refract.test.services.ServerEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fresh PostgreSQL schema for one test class. Its URLs put the schema first on the search
 * path, so unqualified tables are created and found there.
 */
public final class PostgresNamespace implements TestNamespace {

    private final ServerEndpoint endpoint;
    private final String schema;
    private final AtomicBoolean dropped = new AtomicBoolean();

    private PostgresNamespace(ServerEndpoint endpoint, String schema) {
        this.endpoint = endpoint;
        this.schema = schema;
    }

    /** Creates a schema named after {@code label} on this JVM's PostgreSQL server. */
    public static PostgresNamespace create(String label) {
        return create(PostgresService.endpoint(), label);
    }

    /** Creates a schema named after {@code label} on {@code endpoint}. */
    public static PostgresNamespace create(ServerEndpoint endpoint, String label) {
        String schema = NamespaceNames.generate(label);
        try (Connection connection = PostgresService.connect(endpoint);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema \"" + schema + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the PostgreSQL schema " + schema + " on "
                    + endpoint.describe() + ": " + e.getMessage(), e);
        }
        return new PostgresNamespace(endpoint, schema);
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    @Override
    public String name() {
        return schema;
    }

    @Override
    public ServerEndpoint endpoint() {
        return endpoint;
    }

    /** e.g. {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test?schema=rt_myit_3fa9c2e17b04}. */
    public String r2dbcUrl() {
        return endpoint.withParameter("schema", schema).r2dbcUrl();
    }

    /** e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=rt_myit_3fa9c2e17b04}. */
    public String jdbcUrl() {
        return endpoint.withParameter("currentSchema", schema).jdbcUrl();
    }

    /** A JDBC connection whose search path is this schema, for setting up and checking data; the caller closes it. */
    public Connection connect() throws SQLException {
        return PostgresService.connect(endpoint.withParameter("currentSchema", schema));
    }

    @Override
    public void close() {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        try (Connection connection = PostgresService.connect(endpoint);
             Statement statement = connection.createStatement()) {
            // a connection the test left open inside the schema must not make the drop wait forever
            statement.execute("set lock_timeout = '15s'");
            statement.execute("drop schema if exists \"" + schema + "\" cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the PostgreSQL schema " + schema + " on "
                    + endpoint.describe() + " (is a connection of the test still using it?): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PostgresNamespace[" + schema + " on " + endpoint.describe() + "]";
    }
}
