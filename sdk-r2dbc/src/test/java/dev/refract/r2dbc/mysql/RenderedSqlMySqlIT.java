package dev.refract.r2dbc.mysql;

import static dev.refract.r2dbc.mysql.Relations.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.json.Json;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.sql.MySqlDialect;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.spi.Row;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Runs rendered reads on the test server through r2dbc-mysql, against the pushed MySQL test
 * schemas and a small data set: filters, the collation's case rules, emulated nulls order, distinct
 * by row number, cursors, relation filters and counts, related records by bound key lists,
 * aggregates of the promised types and JSON paths. A wrong operator or function fails here.
 */
@RefractTestDatabases
class RenderedSqlMySqlIT {

    private static final SchemaMeta TYPES = com.example.types.mysql.db.RefractClientMetadata.SCHEMA;

    private static ConnectionFactory connections;
    private static Connection connection;
    private static SqlRenderer relations;
    private static SqlRenderer types;

    @BeforeAll
    static void pushAndSeed(MysqlNamespace mysql) throws SQLException {
        connections = ConnectionFactories.get(mysql.r2dbcUrl());
        DbPush.push(SCHEMA, 0, connections).block();
        DbPush.push(TYPES, 0, connections).block();
        try (java.sql.Connection jdbc = mysql.connect(); Statement statement = jdbc.createStatement()) {
            statement.execute("INSERT INTO `User` (`id`, `email`, `name`, `managerId`) VALUES (1, 'ann@x', 'Ann', NULL),"
                    + " (2, 'bob@x', 'Bob', 1), (3, 'cat@x', 'cat', 1)");
            statement.execute("INSERT INTO `Post` (`id`, `title`, `published`, `views`, `authorId`, `editorId`) VALUES"
                    + " (1, '50% off', 1, 10, 1, 2), (2, '50 off', 0, 5, 1, NULL), (3, 'Hello', 1, 7, 2, NULL),"
                    + " (4, 'World', 0, 0, 2, 3)");
            statement.execute("INSERT INTO `Tag` (`id`, `name`) VALUES (1, 'java'), (2, 'sql')");
            statement.execute("INSERT INTO `_PostToTag` (`A`, `B`) VALUES (1, 1), (1, 2), (3, 2)");
            statement.execute("INSERT INTO `Shelf` (`aisle`, `number`, `label`) VALUES ('A', 1, 'a1'), ('B', 2, 'b2')");
            statement.execute("INSERT INTO `Item` (`id`, `sku`, `shelfAisle`, `shelfNumber`) VALUES"
                    + " (1, 'sku1', 'A', 1), (2, 'sku2', 'A', 1), (3, 'sku3', NULL, NULL)");
            statement.execute("INSERT INTO `Sample` (`label`, `big`, `ratio`, `amount`, `atMicros`, `doc`, `blob`)"
                    + " VALUES ('s1', 1, 0.5, 1.25, NOW(6),"
                    + " '{\"topic\": {\"kind\": \"a_b c\"}, \"tags\": [\"x\", \"y\"], \"n\": 5}', x'00')");
        }
        connection = Mono.from(connections.create()).block();
        MySqlDialect dialect = new MySqlDialect(MySqlStatements.server(connection));
        relations = new SqlRenderer(SCHEMA, dialect);
        types = new SqlRenderer(TYPES, dialect);
    }

    @AfterAll
    static void close() {
        Mono.from(connection.close()).block();
    }

    private static List<Row> rows(SqlRenderer renderer, SchemaMeta schema, Operation operation) {
        return new MySqlStatements(schema, connection).rows(renderer.render(operation));
    }

    private static List<Object> ids(String model, Filter where, List<OrderBy> order, int skip, Integer take,
            List<Integer> distinct) {
        List<Object> ids = new ArrayList<>();
        for (Row row : rows(relations, SCHEMA, new Operation.FindMany(index(model),
                new Query(where, order, skip, take, null, distinct, fields(model, "id"))))) {
            ids.add(((Number) row.get(field(model, "id"))).intValue());
        }
        return ids;
    }

    private static List<Object> ids(String model, Filter where) {
        return ids(model, where, List.of(new OrderBy(field(model, "id"), OrderBy.Direction.ASC,
                OrderBy.Nulls.DEFAULT)), 0, null, List.of());
    }

    private static Filter compare(String model, String field, Filter.Operator operator, Object value,
            Filter.Mode mode) {
        return new Filter.Comparison(field(model, field), operator, value, mode);
    }

    private static OrderBy order(String model, String field, OrderBy.Direction direction, OrderBy.Nulls nulls) {
        return new OrderBy(field(model, field), direction, nulls);
    }

    @Test
    void patternsMatchTheirLiteralTextAndInsensitiveModeFoldsCase() {
        assertThat(ids("Post", compare("Post", "title", Filter.Operator.CONTAINS, "50%", Filter.Mode.DEFAULT)))
                .containsExactly(1);
        assertThat(ids("User", compare("User", "name", Filter.Operator.STARTS_WITH, "CA", Filter.Mode.INSENSITIVE)))
                .containsExactly(3);
        assertThat(ids("User", compare("User", "name", Filter.Operator.IN, List.of("ANN", "BOB"),
                Filter.Mode.INSENSITIVE))).containsExactly(1, 2);
    }

    @Test
    void defaultModeFollowsTheCaseInsensitiveCollation() {
        // utf8mb4_unicode_ci: equals and contains ignore case without insensitive mode
        assertThat(ids("User", eq("User", "name", "ANN"))).containsExactly(1);
        assertThat(ids("Post", compare("Post", "title", Filter.Operator.CONTAINS, "WORLD", Filter.Mode.DEFAULT)))
                .containsExactly(4);
    }

    @Test
    void nullsGoWhereTheSortKeySays() {
        assertThat(ids("Post", Filter.ALL, List.of(order("Post", "editorId", OrderBy.Direction.ASC, OrderBy.Nulls.LAST),
                order("Post", "id", OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0, null, List.of()))
                .containsExactly(1, 4, 2, 3);
        assertThat(ids("Post", Filter.ALL, List.of(order("Post", "editorId", OrderBy.Direction.DESC, OrderBy.Nulls.FIRST),
                order("Post", "id", OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0, null, List.of()))
                .containsExactly(2, 3, 4, 1);
    }

    @Test
    void anOffsetWithoutATakeSkipsAndAPageTakes() {
        List<OrderBy> byId = List.of(order("Post", "id", OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT));

        assertThat(ids("Post", Filter.ALL, byId, 3, null, List.of())).containsExactly(4);
        assertThat(ids("Post", Filter.ALL, byId, 1, 2, List.of())).containsExactly(2, 3);
    }

    @Test
    void distinctKeepsTheFirstRecordOfEachGroupInTheQuerysOrder() {
        assertThat(ids("Post", Filter.ALL, List.of(order("Post", "views", OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT)),
                0, null, List.of(field("Post", "authorId")))).containsExactly(1, 3);
    }

    @Test
    void aCursorStartsAtItsRecordUnderTheOrder() {
        List<Row> rows = rows(relations, SCHEMA, new Operation.FindMany(index("Post"), new Query(Filter.ALL,
                List.of(order("Post", "editorId", OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0, 10,
                eq("Post", "id", 3), List.of(), fields("Post", "id"))));

        // nulls first ascending: 2, 3 (no editor), then 1 (editor 2), 4 (editor 3)
        assertThat(rows).extracting(row -> ((Number) row.get(field("Post", "id"))).intValue()).containsExactly(3, 1, 4);
    }

    @Test
    void relationFiltersAndCountsFollowTheLinks() {
        int posts = field("User", "posts");
        assertThat(ids("User", new Filter.Related(posts, Filter.Quantifier.SOME, eq("Post", "published", true))))
                .containsExactly(1, 2);
        assertThat(ids("User", new Filter.Related(posts, Filter.Quantifier.NONE, Filter.ALL))).containsExactly(3);
        assertThat(ids("Tag", new Filter.Related(field("Tag", "posts"), Filter.Quantifier.EVERY,
                eq("Post", "published", true)))).containsExactly(1, 2);

        List<Row> counted = rows(relations, SCHEMA, new Operation.FindMany(index("User"), new Query(Filter.ALL,
                List.of(new OrderBy(new OrderBy.Key.RelationCount(List.of(posts)), OrderBy.Direction.DESC,
                        OrderBy.Nulls.DEFAULT), order("User", "id", OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)),
                0, null, null, List.of(), new Selection(List.of(field("User", "id")), List.of(),
                        List.of(new Selection.RelationCount(posts, Filter.ALL))))));
        int fieldCount = model("User").fieldCount();
        assertThat(counted).extracting(row -> row.getCounts(fieldCount).get(posts)).containsExactly(2L, 2L, 0L);
    }

    @Test
    void aPagedCountCountsThePage() {
        SqlStatement count = relations.render(new Operation.Count(index("Post"), new Query(Filter.ALL, List.of(), 1, 2,
                null, List.of(), Selection.ALL)));

        assertThat(new MySqlStatements(SCHEMA, connection).table(count)).containsExactly(List.of(2L));
    }

    @Test
    void aggregatesHaveThePromisedTypes() {
        int views = field("Post", "views");
        SqlStatement aggregate = relations.render(new Operation.Aggregate(index("Post"), Query.ALL,
                new Aggregations(true, List.of(views), List.of(views), List.of(views), List.of(views))));

        List<Object> row = new MySqlStatements(SCHEMA, connection).table(aggregate).get(0);
        assertThat(row.get(0)).isEqualTo(4L);
        assertThat(row.get(1)).isEqualTo(22L);
        assertThat(row.get(2)).isEqualTo(5.5);
        assertThat(row).hasSize(5);
    }

    @Test
    void groupsAreFilteredAndSortedByTheirAggregates() {
        int views = field("Post", "views");
        int fieldCount = model("Post").fieldCount();
        int avgViews = Aggregations.index(Aggregations.Function.AVG, views, fieldCount, fieldCount);
        SqlStatement groupBy = relations.render(new Operation.GroupBy(index("Post"), List.of(field("Post", "authorId")),
                Filter.ALL, new Filter.Comparison(avgViews, Filter.Operator.GT, 1.0, Filter.Mode.DEFAULT),
                List.of(new OrderBy(new OrderBy.Key.Aggregate(Aggregations.Function.AVG, views), OrderBy.Direction.DESC,
                        OrderBy.Nulls.LAST)), 0, null,
                new Aggregations(true, List.of(views), List.of(views), List.of(), List.of())));

        assertThat(new MySqlStatements(SCHEMA, connection).table(groupBy)).containsExactly(
                List.of(1, 2L, 15L, 7.5), List.of(2, 2L, 7L, 3.5));
    }

    @Test
    void relatedRecordsOfManyParentsComeByBoundKeys() {
        MySqlStatements statements = new MySqlStatements(SCHEMA, connection);
        List<Row> posts = statements.rows(relations.render(new Operation.FindRelated(index("Post"), index("User"),
                field("User", "posts"), List.of(1, 2, 3), new Query(Filter.ALL, List.of(), 0, 1, null, List.of(),
                fields("Post", "id")))));
        List<Row> items = statements.rows(relations.render(new Operation.FindRelated(index("Item"), index("Shelf"),
                field("Shelf", "items"), List.of(List.of("A", 1), List.of("B", 2)), new Query(Filter.ALL, List.of(),
                0, null, null, List.of(), fields("Item", "id")))));
        List<Row> tags = statements.rows(relations.render(new Operation.FindRelated(index("Tag"), index("Post"),
                field("Post", "tags"), List.of(1, 3), Query.ALL)));

        assertThat(posts).extracting(row -> ((Number) row.get(field("Post", "id"))).intValue()).containsExactly(1, 3);
        assertThat(items).extracting(row -> ((Number) row.get(field("Item", "id"))).intValue()).containsExactly(1, 2);
        assertThat(tags).extracting(row -> row.get(field("Tag", "name"))).containsExactly("java", "sql", "sql");
    }

    @Test
    void jsonPathsAndWholeValuesCompareAsJson() {
        int doc = com.example.types.mysql.db.RefractClientMetadata.SAMPLE.fields().stream()
                .map(f -> f.name()).toList().indexOf("doc");
        int sample = com.example.types.mysql.db.RefractClientMetadata.SAMPLE.index();
        Map<String, Filter> matching = Map.of(
                "equals", new Filter.JsonPath(doc, List.of("topic", "kind"), Filter.JsonOperator.EQUALS, Json.of("a_b c")),
                "number", new Filter.JsonPath(doc, List.of("n"), Filter.JsonOperator.EQUALS, Json.of(5)),
                "object", new Filter.JsonPath(doc, List.of("topic"), Filter.JsonOperator.EQUALS,
                        Json.of(Map.of("kind", "a_b c"))),
                "array contains", new Filter.JsonPath(doc, List.of("tags"), Filter.JsonOperator.ARRAY_CONTAINS,
                        Json.of(List.of("y"))),
                "starts with", new Filter.JsonPath(doc, List.of("topic", "kind"), Filter.JsonOperator.STRING_STARTS_WITH,
                        "a_"),
                "whole value", new Filter.Comparison(doc, Filter.Operator.EQUALS, Json.parse(
                        "{\"n\": 5, \"tags\": [\"x\", \"y\"], \"topic\": {\"kind\": \"a_b c\"}}"), Filter.Mode.DEFAULT));
        Map<String, Filter> missing = Map.of(
                "escaped pattern", new Filter.JsonPath(doc, List.of("topic", "kind"),
                        Filter.JsonOperator.STRING_STARTS_WITH, "a%"),
                "not a string", new Filter.JsonPath(doc, List.of("n"), Filter.JsonOperator.STRING_CONTAINS, "5"),
                "not an array", new Filter.JsonPath(doc, List.of("topic"), Filter.JsonOperator.ARRAY_CONTAINS,
                        Json.of("a_b c")),
                "other value", new Filter.JsonPath(doc, List.of("n"), Filter.JsonOperator.EQUALS, Json.of(6)));

        matching.forEach((name, filter) -> assertThat(rows(types, TYPES, new Operation.FindMany(sample,
                new Query(filter, List.of(), 0, null, null, List.of(), Selection.ALL)))).as(name).hasSize(1));
        missing.forEach((name, filter) -> assertThat(rows(types, TYPES, new Operation.FindMany(sample,
                new Query(filter, List.of(), 0, null, null, List.of(), Selection.ALL)))).as(name).isEmpty());
    }
}
