package dev.refract.r2dbc.migrate.diff;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.sql.MySqlDialect;
import dev.refract.r2dbc.sql.MySqlServer;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;

/** The schema evolution walk on MariaDB or MySQL, in a database of its own; each fresh push gets another. */
@RefractTestDatabases
class MySqlSchemaEvolutionIT extends SchemaEvolutionWalk {

    private static final MySqlDialect QUOTING = new MySqlDialect(MySqlServer.OLDEST_MYSQL);

    private MysqlNamespace mysql;

    @BeforeEach
    void namespace(MysqlNamespace mysql) {
        this.mysql = mysql;
    }

    @Override
    Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    ConnectionFactory live() {
        return ConnectionFactories.get(mysql.r2dbcUrl());
    }

    @Override
    Catalog pushedIntoAFreshNamespace(SchemaMeta schema) {
        try (MysqlNamespace fresh = MysqlNamespace.create(mysql.endpoint(), "evolution-push")) {
            ConnectionFactory connections = ConnectionFactories.get(fresh.r2dbcUrl());
            push(schema, connections);
            return read(connections);
        }
    }

    @Override
    void execute(String sql) throws SQLException {
        try (Connection connection = mysql.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    long number(String sql) throws SQLException {
        try (Connection connection = mysql.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    String quote(String name) {
        return QUOTING.quote(name);
    }
}
