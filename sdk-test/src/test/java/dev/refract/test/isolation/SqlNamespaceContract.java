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
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every SQL namespace must do against its real server, written once: the JDBC and R2DBC URLs
 * and {@code connect()} reach the namespace, two namespaces are apart, and closing drops it. A
 * subclass gives the {@link Kind} of its namespace.
 */
abstract class SqlNamespaceContract<N extends TestNamespace> {

    /** Opens a JDBC connection to {@code target}. */
    @FunctionalInterface
    interface Opener<T> {
        Connection open(T target) throws SQLException;
    }

    /**
     * How one kind of SQL namespace is made and reached.
     *
     * @param create          a fresh namespace named after a label
     * @param jdbcUrl         the namespace's JDBC URL
     * @param r2dbcUrl        the namespace's R2DBC URL
     * @param connect         the namespace's own {@code connect()}
     * @param textType        a column type for short text in this dialect
     * @param quote           an identifier quoted in this dialect
     * @param connectToServer a connection to the server itself, outside the namespace
     */
    record Kind<T>(Function<String, T> create, Function<T, String> jdbcUrl, Function<T, String> r2dbcUrl,
                   Opener<T> connect, String textType, UnaryOperator<String> quote,
                   Opener<ServerEndpoint> connectToServer) {
    }

    private final Kind<N> kind;

    SqlNamespaceContract(Kind<N> kind) {
        this.kind = kind;
    }

    private N create() {
        return kind.create().apply(getClass().getSimpleName());
    }

    @Test
    void tablesCreatedThroughTheJdbcUrlLandInTheNamespaceAndAreReadThroughTheR2dbcUrl() throws SQLException {
        try (N namespace = create()) {
            try (Connection connection = DriverManager.getConnection(kind.jdbcUrl().apply(namespace));
                 Statement statement = connection.createStatement()) {
                statement.execute("create table item (id int primary key, name " + kind.textType() + " not null)");
                statement.execute("insert into item values (1, 'first'), (2, 'second')");
            }
            assertThat(countOnServer(namespace, "select count(*) from " + kind.quote().apply(namespace.name()) + ".item")).isEqualTo(2);
            assertThat(namesThroughR2dbc(kind.r2dbcUrl().apply(namespace))).containsExactly("first", "second");
        }
    }

    @Test
    void twoNamespacesDoNotSeeEachOthersTables() throws SQLException {
        try (N first = create(); N second = create()) {
            assertThat(first.name()).isNotEqualTo(second.name());
            for (N namespace : List.of(first, second)) {
                try (Connection connection = kind.connect().open(namespace); Statement statement = connection.createStatement()) {
                    statement.execute("create table item (name " + kind.textType() + ")");
                    statement.execute("insert into item values ('" + namespace.name() + "')");
                }
            }
            assertThat(namesThroughR2dbc(kind.r2dbcUrl().apply(first))).containsExactly(first.name());
            assertThat(namesThroughR2dbc(kind.r2dbcUrl().apply(second))).containsExactly(second.name());
        }
    }

    @Test
    void closingDropsTheNamespaceWithItsTablesAndTwiceDoesNoHarm() throws SQLException {
        N namespace = create();
        try (Connection connection = kind.connect().open(namespace); Statement statement = connection.createStatement()) {
            statement.execute("create table item (name " + kind.textType() + ")");
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
        try (Connection connection = kind.connectToServer().open(namespace.endpoint());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }
}
