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

class MysqlNamespaceIT {

    @Test
    void tablesCreatedThroughTheJdbcUrlLandInTheDatabaseAndAreReadThroughTheR2dbcUrl() throws SQLException {
        try (MysqlNamespace namespace = MysqlNamespace.create("MysqlNamespaceIT")) {
            try (Connection connection = DriverManager.getConnection(namespace.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table item (id int primary key, name varchar(40) not null)");
                statement.execute("insert into item values (1, 'first'), (2, 'second')");
            }
            assertThat(countOnServer(namespace, "select count(*) from `" + namespace.database() + "`.item")).isEqualTo(2);
            assertThat(namesThroughR2dbc(namespace.r2dbcUrl())).containsExactly("first", "second");
        }
    }

    @Test
    void twoNamespacesDoNotSeeEachOthersTables() throws SQLException {
        try (MysqlNamespace first = MysqlNamespace.create("MysqlNamespaceIT");
             MysqlNamespace second = MysqlNamespace.create("MysqlNamespaceIT")) {
            assertThat(first.database()).isNotEqualTo(second.database());
            for (MysqlNamespace namespace : List.of(first, second)) {
                try (Connection connection = namespace.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("create table item (name varchar(64))");
                    statement.execute("insert into item values ('" + namespace.database() + "')");
                }
            }
            assertThat(namesThroughR2dbc(first.r2dbcUrl())).containsExactly(first.database());
            assertThat(namesThroughR2dbc(second.r2dbcUrl())).containsExactly(second.database());
        }
    }

    @Test
    void closingDropsTheDatabaseWithItsTablesAndTwiceDoesNoHarm() throws SQLException {
        MysqlNamespace namespace = MysqlNamespace.create("MysqlNamespaceIT");
        try (Connection connection = namespace.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table item (name varchar(10))");
        }
        String exists = "select count(*) from information_schema.schemata where schema_name = '" + namespace.database() + "'";
        assertThat(countOnServer(namespace, exists)).isEqualTo(1);

        namespace.close();
        namespace.close();

        assertThat(countOnServer(namespace, exists)).isZero();
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

    /** Runs a count on the server, outside the namespace's database. */
    private static int countOnServer(MysqlNamespace namespace, String query) throws SQLException {
        try (Connection connection = dev.refract.test.services.MysqlService.connect(namespace.endpoint());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }
}
