package dev.refract.test.isolation;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresNamespaceIT {

    @Test
    void tablesCreatedThroughTheJdbcUrlLandInTheSchemaAndAreReadThroughTheR2dbcUrl() throws SQLException {
        try (PostgresNamespace namespace = PostgresNamespace.create("PostgresNamespaceIT")) {
            try (Connection connection = DriverManager.getConnection(namespace.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table item (id int primary key, name text not null)");
                statement.execute("insert into item values (1, 'first'), (2, 'second')");
            }
            assertThat(countOnServer(namespace, "select count(*) from \"" + namespace.schema() + "\".item")).isEqualTo(2);
            assertThat(namesThroughR2dbc(namespace.r2dbcUrl())).containsExactly("first", "second");
        }
    }

    @Test
    void twoNamespacesDoNotSeeEachOthersTables() throws SQLException {
        try (PostgresNamespace first = PostgresNamespace.create("PostgresNamespaceIT");
             PostgresNamespace second = PostgresNamespace.create("PostgresNamespaceIT")) {
            assertThat(first.schema()).isNotEqualTo(second.schema());
            for (PostgresNamespace namespace : List.of(first, second)) {
                try (Connection connection = namespace.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("create table item (name text)");
                    statement.execute("insert into item values ('" + namespace.schema() + "')");
                }
            }
            assertThat(namesThroughR2dbc(first.r2dbcUrl())).containsExactly(first.schema());
            assertThat(namesThroughR2dbc(second.r2dbcUrl())).containsExactly(second.schema());
        }
    }

    @Test
    void closingDropsTheSchemaWithItsTablesAndTwiceDoesNoHarm() throws SQLException {
        PostgresNamespace namespace = PostgresNamespace.create("PostgresNamespaceIT");
        try (Connection connection = namespace.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table item (name text)");
        }
        assertThat(schemaExists(namespace)).isTrue();

        namespace.close();
        namespace.close();

        assertThat(schemaExists(namespace)).isFalse();
    }

    @Test
    void namesTheSchemaAfterItsOwnerSafely() {
        try (PostgresNamespace namespace = PostgresNamespace.create("Orders \"quoted\"; drop table x")) {
            assertThat(namespace.schema()).matches("rt_orders_quoted_drop_table_x_[0-9a-f]{12}");
        }
    }

    private static List<String> namesThroughR2dbc(String r2dbcUrl) {
        ConnectionFactory factory = ConnectionFactories.get(r2dbcUrl);
        return Flux.usingWhen(factory.create(),
                        connection -> Flux.from(connection.createStatement("select name from item order by name").execute())
                                .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class))),
                        io.r2dbc.spi.Connection::close)
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    private static boolean schemaExists(PostgresNamespace namespace) throws SQLException {
        return countOnServer(namespace, "select count(*) from information_schema.schemata where schema_name = '"
                + namespace.schema() + "'") == 1;
    }

    /** Runs a count on the server's own database, outside the namespace's search path. */
    private static int countOnServer(PostgresNamespace namespace, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(namespace.endpoint().jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }
}
