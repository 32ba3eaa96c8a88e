package dev.refract.test.isolation;

import dev.refract.test.services.ServerEndpoint;
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

/**
 * What every SQL namespace must do against its real server, written once: the JDBC and R2DBC URLs
 * and {@code connect()} reach the namespace, two namespaces are apart, and closing drops it. A
 * subclass says how its kind of namespace is made and reached.
 */
abstract class SqlNamespaceContract<N extends TestNamespace> {

    /** A fresh namespace named after {@code label}. */
    abstract N create(String label);

    abstract String jdbcUrl(N namespace);

    abstract String r2dbcUrl(N namespace);

    /** The namespace's own connection ({@code connect()}). */
    abstract Connection connect(N namespace) throws SQLException;

    /** A column type for short text in this dialect. */
    abstract String textType();

    /** {@code identifier} quoted in this dialect. */
    abstract String quote(String identifier);

    /** A connection to the server itself, outside the namespace. */
    abstract Connection connectToServer(ServerEndpoint endpoint) throws SQLException;

    private String label() {
        return getClass().getSimpleName();
    }

    @Test
    void tablesCreatedThroughTheJdbcUrlLandInTheNamespaceAndAreReadThroughTheR2dbcUrl() throws SQLException {
        try (N namespace = create(label())) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(namespace));
                 Statement statement = connection.createStatement()) {
                statement.execute("create table item (id int primary key, name " + textType() + " not null)");
                statement.execute("insert into item values (1, 'first'), (2, 'second')");
            }
            assertThat(countOnServer(namespace, "select count(*) from " + quote(namespace.name()) + ".item")).isEqualTo(2);
            assertThat(namesThroughR2dbc(r2dbcUrl(namespace))).containsExactly("first", "second");
        }
    }

    @Test
    void twoNamespacesDoNotSeeEachOthersTables() throws SQLException {
        try (N first = create(label()); N second = create(label())) {
            assertThat(first.name()).isNotEqualTo(second.name());
            for (N namespace : List.of(first, second)) {
                try (Connection connection = connect(namespace); Statement statement = connection.createStatement()) {
                    statement.execute("create table item (name " + textType() + ")");
                    statement.execute("insert into item values ('" + namespace.name() + "')");
                }
            }
            assertThat(namesThroughR2dbc(r2dbcUrl(first))).containsExactly(first.name());
            assertThat(namesThroughR2dbc(r2dbcUrl(second))).containsExactly(second.name());
        }
    }

    @Test
    void closingDropsTheNamespaceWithItsTablesAndTwiceDoesNoHarm() throws SQLException {
        N namespace = create(label());
        try (Connection connection = connect(namespace); Statement statement = connection.createStatement()) {
            statement.execute("create table item (name " + textType() + ")");
        }
        // MySQL lists its databases, PostgreSQL its schemas, as schemata
        String exists = "select count(*) from information_schema.schemata where schema_name = '" + namespace.name() + "'";
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

    private int countOnServer(N namespace, String query) throws SQLException {
        try (Connection connection = connectToServer(namespace.endpoint());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }
}
