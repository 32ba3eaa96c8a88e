package dev.refract.r2dbc.migrate.diff;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;

/** The schema evolution walk on PostgreSQL, in a schema of its own; each fresh push gets another. */
@RefractTestDatabases
class PostgresSchemaEvolutionIT extends SchemaEvolutionWalk {

    private PostgresNamespace postgres;

    @BeforeEach
    void namespace(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    @Override
    Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    ConnectionFactory live() {
        return ConnectionFactories.get(postgres.r2dbcUrl());
    }

    @Override
    Catalog pushedIntoAFreshNamespace(SchemaMeta schema) {
        try (PostgresNamespace fresh = PostgresNamespace.create(postgres.endpoint(), "evolution-push")) {
            ConnectionFactory connections = ConnectionFactories.get(fresh.r2dbcUrl());
            push(schema, connections);
            return read(connections);
        }
    }

    @Override
    void execute(String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    long number(String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    String quote(String name) {
        return PostgresDialect.INSTANCE.quote(name);
    }
}
