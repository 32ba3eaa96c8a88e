package dev.refract.r2dbc.mysql;

import static dev.refract.r2dbc.mysql.Relations.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ForeignKeyViolationException;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.error.ErrorTranslator;
import dev.refract.r2dbc.sql.MySqlDialect;
import dev.refract.r2dbc.sql.MySqlServer;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * Runs the plans of writes that return records against the test server through r2dbc-mysql: for
 * the server's own flavor, and, on MariaDB, for MySQL's flavor too (whose plans read back what
 * MariaDB could have returned), so both kinds of plan are proven on a real database.
 */
@RefractTestDatabases
class MySqlPlansIT {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static ConnectionFactory connections;
    private static MySqlServer server;

    private Connection connection;

    @BeforeAll
    static void push(MysqlNamespace mysql) {
        connections = ConnectionFactories.get(mysql.r2dbcUrl());
        DbPush.push(SCHEMA, 0, connections).block();
        Connection connection = Mono.from(connections.create()).block();
        try {
            server = MySqlStatements.server(connection);
        } finally {
            Mono.from(connection.close()).block();
        }
    }

    static Stream<MySqlServer> flavors() {
        return server.isMariaDb() ? Stream.of(server, MySqlServer.mysql(8, 0, 36)) : Stream.of(server);
    }

    @BeforeEach
    void open() {
        connection = Mono.from(connections.create()).block();
    }

    @AfterEach
    void close() {
        Mono.from(connection.close()).block();
    }

    private Result run(MySqlServer flavor, Operation operation) {
        return new MySqlStatements(SCHEMA, connection).run(new SqlRenderer(SCHEMA, new MySqlDialect(flavor))
                .plan(operation));
    }

    private static String unique(String prefix) {
        return prefix + NAMES.incrementAndGet();
    }

    private Object user(MySqlServer flavor) {
        String email = unique("u") + "@example.com";
        return run(flavor, new Operation.Create(index("User"), set("User", "email", email, "name", "Ann"),
                fields("User", "id"))).rows().get(0).get(field("User", "id"));
    }

    private static List<Object> column(Result result, String model, String field) {
        List<Object> values = new ArrayList<>();
        for (Row row : result.rows()) {
            values.add(row.get(field(model, field)));
        }
        return values;
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void createReturnsTheRecordWithTheIdTheDatabaseNumbered(MySqlServer flavor) {
        String email = unique("c") + "@example.com";
        Result created = run(flavor, new Operation.Create(index("User"), set("User", "email", email, "name", "Cy"),
                Selection.ALL));

        assertThat(created.rows()).hasSize(1);
        assertThat(created.rows().get(0).get(field("User", "id"))).isNotNull();
        assertThat(created.rows().get(0).get(field("User", "email"))).isEqualTo(email);
        assertThat(created.rows().get(0).get(field("User", "createdAt"))).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void createManyAndReturnReturnsEveryRecordInTheOrderGiven(MySqlServer flavor) {
        List<String> names = List.of(unique("t"), unique("t"), unique("t"));
        List<WriteData> rows = names.stream().map(name -> set("Tag", "name", name)).toList();

        Result created = run(flavor, new Operation.CreateManyAndReturn(index("Tag"), rows, false, Selection.ALL));

        assertThat(column(created, "Tag", "name")).containsExactlyElementsOf(names);
        assertThat(column(created, "Tag", "id")).doesNotContainNull().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void skippingDuplicatesSkipsThemAndNothingElse(MySqlServer flavor) {
        String existing = unique("t");
        String fresh = unique("t");
        run(flavor, new Operation.CreateMany(index("Tag"), List.of(set("Tag", "name", existing)), false));

        Result returned = run(flavor, new Operation.CreateManyAndReturn(index("Tag"), List.of(set("Tag", "name",
                existing), set("Tag", "name", fresh)), true, fields("Tag", "name")));
        Result counted = run(flavor, new Operation.CreateMany(index("Tag"), List.of(set("Tag", "name", existing),
                set("Tag", "name", unique("t"))), true));

        assertThat(column(returned, "Tag", "name")).containsExactly(fresh);
        assertThat(counted.count()).isEqualTo(1);
        Object author = user(flavor);
        assertThatThrownBy(() -> run(flavor, new Operation.CreateMany(index("Post"), List.of(
                set("Post", "title", "kept?", "authorId", author), set("Post", "title", "orphan", "authorId", 999_999)),
                true)))
                .satisfies(error -> assertThat(new ErrorTranslator(SCHEMA, "db").translate(error, model("Post")))
                        .isInstanceOf(ForeignKeyViolationException.class)
                        .hasMessageContaining("relation author of Post"));
        assertThat(run(flavor, new Operation.FindMany(index("Post"), new dev.refract.query.Query(
                eq("Post", "title", "kept?"), List.of(), 0, null, null, List.of(), Selection.ALL))).rows()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void updateReturnsTheRecordAsUpdatedAndNothingWhenNoneMatches(MySqlServer flavor) {
        Object author = user(flavor);
        Object post = run(flavor, new Operation.Create(index("Post"), set("Post", "title", "a", "authorId", author),
                fields("Post", "id"))).rows().get(0).get(field("Post", "id"));

        Result updated = run(flavor, new Operation.Update(index("Post"), eq("Post", "id", post), new WriteData(List.of(
                new WriteData.FieldWrite(field("Post", "views"), WriteData.WriteOp.INCREMENT, 5),
                new WriteData.FieldWrite(field("Post", "title"), WriteData.WriteOp.SET, "b"))),
                fields("Post", "title", "views")));
        Result missing = run(flavor, new Operation.Update(index("Post"), eq("Post", "id", -1), set("Post", "title", "x"),
                fields("Post", "id")));

        assertThat(column(updated, "Post", "title")).containsExactly("b");
        assertThat(column(updated, "Post", "views")).containsExactly(5);
        assertThat(missing.rows()).isEmpty();
        assertThat(missing.count()).isZero();
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void updateManyAndReturnReturnsEveryRecordChanged(MySqlServer flavor) {
        Object author = user(flavor);
        run(flavor, new Operation.CreateMany(index("Post"), List.of(set("Post", "title", "x", "authorId", author),
                set("Post", "title", "y", "authorId", author)), false));

        Result published = run(flavor, new Operation.UpdateManyAndReturn(index("Post"), eq("Post", "authorId", author),
                set("Post", "published", true), fields("Post", "title", "published")));

        assertThat(column(published, "Post", "title")).containsExactlyInAnyOrder("x", "y");
        assertThat(column(published, "Post", "published")).allSatisfy(value -> assertThat(value).isIn(true, 1, (byte) 1));
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void upsertCreatesThenUpdatesTheSameRecord(MySqlServer flavor) {
        String name = unique("t");
        Operation upsert = new Operation.Upsert(index("Tag"), eq("Tag", "name", name), set("Tag", "name", name),
                set("Tag", "name", name + "!"), Selection.ALL);

        Result created = run(flavor, upsert);
        Result updated = run(flavor, new Operation.Upsert(index("Tag"), eq("Tag", "name", name),
                set("Tag", "name", name), set("Tag", "name", name + "!"), Selection.ALL));

        assertThat(column(created, "Tag", "name")).containsExactly(name);
        assertThat(column(updated, "Tag", "name")).containsExactly(name + "!");
        assertThat(column(updated, "Tag", "id")).isEqualTo(column(created, "Tag", "id"));
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void upsertWithAGuardLocksFindsAndUpdatesOrInserts(MySqlServer flavor) {
        String email = unique("g") + "@example.com";
        Operation upsert = new Operation.Upsert(index("User"), new Filter.And(List.of(eq("User", "email", email),
                eq("User", "name", "Gil"))), set("User", "email", email, "name", "Gil"),
                set("User", "name", "Gil"), fields("User", "id", "name"));

        Result inserted = run(flavor, upsert);
        Result found = run(flavor, upsert);

        assertThat(column(found, "User", "id")).isEqualTo(column(inserted, "User", "id")).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void deleteReturnsTheRecordItDeleted(MySqlServer flavor) {
        String name = unique("t");
        run(flavor, new Operation.CreateMany(index("Tag"), List.of(set("Tag", "name", name)), false));

        Result deleted = run(flavor, new Operation.Delete(index("Tag"), eq("Tag", "name", name), fields("Tag", "name")));
        Result again = run(flavor, new Operation.Delete(index("Tag"), eq("Tag", "name", name), fields("Tag", "name")));

        assertThat(column(deleted, "Tag", "name")).containsExactly(name);
        assertThat(again.rows()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void linkAddsMissingPairsAndUnlinkReturnsTheTargetsItRemoved(MySqlServer flavor) {
        Object author = user(flavor);
        Object post = run(flavor, new Operation.Create(index("Post"), set("Post", "title", "p", "authorId", author),
                fields("Post", "id"))).rows().get(0).get(field("Post", "id"));
        Result tags = run(flavor, new Operation.CreateManyAndReturn(index("Tag"), List.of(set("Tag", "name", unique("t")),
                set("Tag", "name", unique("t"))), false, fields("Tag", "id", "name")));
        List<Object> ids = column(tags, "Tag", "id");
        int postTags = field("Post", "tags");

        Result linked = run(flavor, new Operation.Link(index("Post"), postTags, post, ids));
        Result again = run(flavor, new Operation.Link(index("Post"), postTags, post, ids));
        Result unlinked = run(flavor, new Operation.Unlink(index("Post"), postTags, post,
                eq("Tag", "name", column(tags, "Tag", "name").get(0))));

        assertThat(linked.count()).isEqualTo(2);
        assertThat(again.count()).isZero();
        assertThat(column(unlinked, "Tag", "id")).containsExactly(ids.get(0));
    }
}
