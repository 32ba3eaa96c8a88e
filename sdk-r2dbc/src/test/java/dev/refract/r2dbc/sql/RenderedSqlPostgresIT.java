package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.json.Json;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs rendered statements on a real PostgreSQL, with each placeholder typed as a driver types the
 * bind's Java class (text as {@code varchar}, whole numbers as {@code int4}/{@code int8}, lists as
 * arrays), so a missing cast or a wrong operator fails here rather than in the executor.
 */
@RefractTestDatabases
class RenderedSqlPostgresIT {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void createTables(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TYPE \"Status\" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')");
            statement.execute("CREATE TABLE \"PipelineRun\" (\"id\" text PRIMARY KEY, \"name\" text NOT NULL,"
                    + " \"status\" \"Status\" NOT NULL DEFAULT 'PENDING', \"startedAt\" timestamp(3) NOT NULL DEFAULT now(),"
                    + " \"updatedAt\" timestamp(3) NOT NULL DEFAULT now(), \"cost\" double precision NOT NULL DEFAULT 0,"
                    + " \"metadata\" jsonb)");
            statement.execute("CREATE TABLE \"pipeline_steps\" (\"id\" text PRIMARY KEY, \"runId\" text NOT NULL"
                    + " REFERENCES \"PipelineRun\" (\"id\") ON DELETE CASCADE, \"position\" integer NOT NULL,"
                    + " \"name\" text NOT NULL DEFAULT '', \"status\" \"Status\" NOT NULL DEFAULT 'PENDING',"
                    + " \"attempts\" integer NOT NULL DEFAULT 0, \"durationMs\" bigint, \"output\" jsonb,"
                    + " \"createdAt\" timestamp(3) NOT NULL DEFAULT now(), UNIQUE (\"runId\", \"position\"))");
            statement.execute("CREATE TABLE \"tagged_items\" (\"id\" serial PRIMARY KEY, \"tags\" text[],"
                    + " \"scores\" integer[], \"labels\" \"Status\"[], \"the_note\" text, \"price\" numeric(10, 2),"
                    + " \"code\" text NOT NULL UNIQUE, \"ref\" uuid, \"codes\" varchar(8)[])");
            statement.execute("INSERT INTO \"PipelineRun\" (\"id\", \"name\", \"status\", \"cost\", \"metadata\") VALUES"
                    + " ('r1', 'video 50% off', 'RUNNING', 2.5, '{\"topic\": {\"kind\": \"a_b c\"}, \"tags\": [\"x\", \"y\"]}'),"
                    + " ('r2', 'video 50 off', 'FAILED', 1, '{\"topic\": {\"kind\": 5}}'),"
                    + " ('r3', 'Audio', 'COMPLETED', 0, null)");
            // 12 steps of r1: positions 0..11, createdAt in 3 groups, so sort keys tie and break ties differently
            for (int i = 0; i < 12; i++) {
                statement.execute("INSERT INTO \"pipeline_steps\" (\"id\", \"runId\", \"position\", \"name\", \"createdAt\","
                        + " \"durationMs\") VALUES ('s" + (char) ('a' + i) + "', 'r1', " + i + ", 'step', timestamp '2026-01-0"
                        + (1 + i % 3) + " 00:00:00', " + (i % 4 == 0 ? "null" : String.valueOf(i * 10)) + ")");
            }
            statement.execute("INSERT INTO \"tagged_items\" (\"tags\", \"scores\", \"labels\", \"the_note\", \"code\", \"ref\","
                    + " \"codes\") VALUES ('{a,b}', '{1,2,3}', '{FAILED}', 'n1', 'c1',"
                    + " '00000000-0000-0000-0000-00000000000a', '{x,y}'), ('{}', '{}', '{}', null, 'c2', null, '{}')");
        }
    }

    @Test
    void everyRenderedReadIsValidAndFindsWhatItShould(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect()) {
            assertThat(ids(connection, new Operation.FindMany(RUN, where(compare(RUN_NAME, Operator.CONTAINS, "50%")))))
                    .containsExactly("r1");
            assertThat(ids(connection, new Operation.FindMany(RUN, where(insensitive(RUN_NAME, Operator.STARTS_WITH, "aUD")))))
                    .containsExactly("r3");
            assertThat(ids(connection, new Operation.FindMany(RUN, where(insensitive(RUN_NAME, Operator.IN,
                    List.of("AUDIO", "none")))))).containsExactly("r3");
            assertThat(ids(connection, new Operation.FindMany(RUN, where(compare(RUN_STATUS, Operator.IN,
                    List.of("RUNNING", "FAILED")))))).containsExactlyInAnyOrder("r1", "r2");
            assertThat(ids(connection, new Operation.FindMany(RUN, where(compare(RUN_STATUS, Operator.NOT_IN, List.of())))))
                    .hasSize(3);
            assertThat(ids(connection, new Operation.FindMany(RUN, where(new Filter.JsonPath(RUN_METADATA,
                    List.of("topic", "kind"), Filter.JsonOperator.STRING_CONTAINS, "_b"))))).containsExactly("r1");
            assertThat(ids(connection, new Operation.FindMany(RUN, where(new Filter.JsonPath(RUN_METADATA,
                    List.of("topic", "kind"), Filter.JsonOperator.EQUALS, Json.of(5)))))).containsExactly("r2");
            assertThat(ids(connection, new Operation.FindMany(RUN, where(new Filter.JsonPath(RUN_METADATA,
                    List.of("tags"), Filter.JsonOperator.ARRAY_CONTAINS, Json.of("y")))))).containsExactly("r1");
            assertThat(ids(connection, new Operation.FindMany(RUN, where(
                    new Filter.FieldComparison(RUN_UPDATED_AT, Operator.GTE, RUN_STARTED_AT))))).hasSize(3);
            assertThat(ids(connection, new Operation.FindMany(RUN, where(compare(RUN_STARTED_AT, Operator.LT,
                    Instant.parse("2000-01-01T00:00:00Z")))))).isEmpty();
            assertThat(ids(connection, new Operation.FindMany(TAGGED, where(compare(TAGGED_TAGS, Operator.HAS, "b")))))
                    .containsExactly("1");
            assertThat(ids(connection, new Operation.FindMany(TAGGED, where(compare(TAGGED_SCORES, Operator.HAS_EVERY,
                    List.of(1, 3)))))).containsExactly("1");
            assertThat(ids(connection, new Operation.FindMany(TAGGED, where(compare(TAGGED_LABELS, Operator.HAS_SOME,
                    List.of("FAILED", "PENDING")))))).containsExactly("1");
            assertThat(ids(connection, new Operation.FindMany(TAGGED, where(compare(TAGGED_TAGS, Operator.IS_EMPTY, null)))))
                    .containsExactly("2");
            assertThat(ids(connection, new Operation.FindMany(TAGGED, where(eq(TAGGED_REF,
                    "00000000-0000-0000-0000-00000000000a"))))).containsExactly("1");
            assertThat(ids(connection, new Operation.FindMany(TAGGED, where(compare(TAGGED_CODES, Operator.HAS, "y")))))
                    .containsExactly("1");
            assertThat(ids(connection, new Operation.FindMany(TAGGED, where(compare(TAGGED_CODES, Operator.HAS_EVERY,
                    List.of("x", "y")))))).containsExactly("1");
            assertThat(ids(connection, new Operation.FindMany(TAGGED, where(compare(TAGGED_PRICE, Operator.GT,
                    BigDecimal.ONE))))).isEmpty();
            assertThat(rows(connection, new Operation.Count(STEP, new Query(Filter.ALL, List.of(), 0, null, null,
                    List.of(STEP_CREATED_AT), Selection.ALL)))).containsExactly(List.of("3"));
            assertThat(rows(connection, new Operation.Count(STEP, new Query(Filter.ALL, List.of(), 10, 5, null,
                    List.of(), Selection.ALL)))).containsExactly(List.of("2"));
        }
    }

    @Test
    void cursorPagesFollowTheOrderWhateverTheDirections(PostgresNamespace postgres) throws SQLException {
        List<List<OrderBy>> orders = List.of(
                List.of(asc(STEP_CREATED_AT)),
                List.of(desc(STEP_CREATED_AT), asc(STEP_POSITION)),
                List.of(asc(STEP_CREATED_AT), desc(STEP_POSITION)),
                List.of(desc(STEP_DURATION_MS)),
                List.of(new OrderBy(STEP_DURATION_MS, OrderBy.Direction.ASC, OrderBy.Nulls.FIRST), desc(STEP_ID)),
                List.of(new OrderBy(STEP_DURATION_MS, OrderBy.Direction.DESC, OrderBy.Nulls.LAST)));
        try (Connection connection = postgres.connect()) {
            for (List<OrderBy> order : orders) {
                List<String> all = ids(connection, new Operation.FindMany(STEP,
                        new Query(Filter.ALL, order, 0, null, null, List.of(), fields(STEP_ID))));
                // the whole order must be total for the expectation to be unique
                List<OrderBy> total = new ArrayList<>(order);
                if (order.stream().noneMatch(sort -> sort.key().equals(new OrderBy.Key.Field(STEP_ID)))) {
                    total.add(asc(STEP_ID));
                }
                List<String> sorted = ids(connection, new Operation.FindMany(STEP,
                        new Query(Filter.ALL, total, 0, null, null, List.of(), fields(STEP_ID))));
                assertThat(all).hasSize(12);
                for (int from = 0; from < sorted.size(); from++) {
                    List<String> page = ids(connection, new Operation.FindMany(STEP, new Query(Filter.ALL, order, 0, 4,
                            eq(STEP_ID, sorted.get(from)), List.of(), fields(STEP_ID))));
                    assertThat(page).as("page from %s under %s", sorted.get(from), order)
                            .isEqualTo(sorted.subList(from, Math.min(from + 4, sorted.size())));
                }
            }
        }
    }

    @Test
    void distinctKeepsTheFirstOfEachGroupInTheQueryOrder(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect()) {
            List<List<String>> rows = rows(connection, new Operation.FindMany(STEP, new Query(Filter.ALL,
                    List.of(desc(STEP_POSITION)), 0, null, null, List.of(STEP_CREATED_AT), fields(STEP_POSITION))));
            assertThat(rows).containsExactly(List.of("11"), List.of("10"), List.of("9"));
            // from the cursor step on (position 7 and lower, descending), the first of each createdAt group
            List<List<String>> fromCursor = rows(connection, new Operation.FindMany(STEP, new Query(Filter.ALL,
                    List.of(desc(STEP_POSITION)), 0, null, eq(STEP_ID, "sh"), List.of(STEP_CREATED_AT),
                    fields(STEP_POSITION))));
            assertThat(fromCursor).containsExactly(List.of("7"), List.of("6"), List.of("5"));
            assertThat(rows(connection, new Operation.Count(STEP, new Query(Filter.ALL, List.of(desc(STEP_POSITION)),
                    0, null, eq(STEP_ID, "sh"), List.of(STEP_CREATED_AT), Selection.ALL))))
                    .containsExactly(List.of("3"));
            assertThat(rows(connection, new Operation.Count(STEP, new Query(eq(STEP_RUN_ID, "r1"),
                    List.of(asc(STEP_POSITION)), 0, null, eq(STEP_ID, "sh"), List.of(), Selection.ALL))))
                    .containsExactly(List.of("5"));
            assertThat(rows(connection, new Operation.Aggregate(STEP, new Query(eq(STEP_RUN_ID, "r1"),
                    List.of(asc(STEP_POSITION)), 1, null, eq(STEP_ID, "sh"), List.of(), Selection.ALL),
                    new Aggregations(false, List.of(), List.of(), List.of(STEP_POSITION), List.of()))))
                    .containsExactly(List.of("8"));
        }
    }

    @Test
    void aggregatesAndGroupsComputeWhatTheyShould(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect()) {
            assertThat(rows(connection, new Operation.Aggregate(STEP, where(eq(STEP_RUN_ID, "r1")),
                    new Aggregations(true, List.of(STEP_DURATION_MS), List.of(STEP_POSITION), List.of(STEP_STATUS),
                            List.of(STEP_CREATED_AT)))))
                    .containsExactly(List.of("12", "540", "5.5", "PENDING", "2026-01-03 00:00:00"));
            assertThat(rows(connection, new Operation.Aggregate(STEP, new Query(eq(STEP_RUN_ID, "r1"),
                    List.of(desc(STEP_POSITION)), 1, 2, null, List.of(), Selection.ALL),
                    new Aggregations(false, List.of(STEP_POSITION), List.of(), List.of(), List.of()))))
                    .containsExactly(List.of("19"));
            assertThat(rows(connection, new Operation.Aggregate(STEP, Query.ALL, Aggregations.NONE)))
                    .containsExactly(java.util.Arrays.asList((String) null));
            int count = Aggregations.countIndex(10);
            assertThat(rows(connection, new Operation.GroupBy(STEP, List.of(STEP_CREATED_AT), eq(STEP_RUN_ID, "r1"),
                    and(compare(count, Operator.GTE, 4L), compare(Aggregations.index(Aggregations.Function.MAX,
                            STEP_POSITION, 10, 10), Operator.GT, 9)),
                    List.of(desc(STEP_CREATED_AT)), 0, null,
                    new Aggregations(true, List.of(), List.of(), List.of(), List.of(STEP_POSITION)))))
                    .containsExactly(List.of("2026-01-03 00:00:00", "4", "11"), List.of("2026-01-02 00:00:00", "4", "10"));
        }
    }

    @Test
    void everyRenderedWriteIsValidAndDoesWhatItShould(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect()) {
            assertThat(rows(connection, new Operation.Create(RUN, data(set(RUN_ID, "w1"), set(RUN_NAME, "it's"),
                    set(RUN_STATUS, "FAILED"), set(RUN_METADATA, Json.of(Map.of("a", 1)))), fields(RUN_ID, RUN_STATUS))))
                    .containsExactly(List.of("w1", "FAILED"));
            assertThat(rows(connection, new Operation.CreateMany(STEP, List.of(
                    data(set(STEP_ID, "w1a"), set(STEP_RUN_ID, "w1"), set(STEP_POSITION, 1)),
                    data(set(STEP_ID, "w1b"), set(STEP_RUN_ID, "w1"), set(STEP_POSITION, 2), set(STEP_NAME, "b"))),
                    false))).containsExactly(List.of("2"));
            assertThat(rows(connection, new Operation.CreateMany(STEP, List.of(
                    data(set(STEP_ID, "w1a"), set(STEP_RUN_ID, "w1"), set(STEP_POSITION, 1)),
                    data(set(STEP_ID, "w1c"), set(STEP_RUN_ID, "w1"), set(STEP_POSITION, 3))), true)))
                    .containsExactly(List.of("1"));
            assertThat(rows(connection, new Operation.CreateMany(STEP, List.of(), true))).containsExactly(List.of("0"));
            assertThat(rows(connection, new Operation.Update(STEP, and(eq(STEP_ID, "w1a"), eq(STEP_ATTEMPTS, 0)),
                    data(op(STEP_ATTEMPTS, WriteOp.INCREMENT, 2), set(STEP_STATUS, "RUNNING"), set(STEP_OUTPUT, null)),
                    fields(STEP_ATTEMPTS, STEP_STATUS)))).containsExactly(List.of("2", "RUNNING"));
            assertThat(rows(connection, new Operation.Update(STEP, and(eq(STEP_ID, "w1a"), eq(STEP_ATTEMPTS, 0)),
                    data(op(STEP_ATTEMPTS, WriteOp.INCREMENT, 1)), fields(STEP_ATTEMPTS)))).isEmpty();
            assertThat(rows(connection, new Operation.UpdateMany(STEP, eq(STEP_RUN_ID, "w1"),
                    data(op(STEP_ATTEMPTS, WriteOp.MULTIPLY, 3), op(STEP_POSITION, WriteOp.DECREMENT, 0)))))
                    .containsExactly(List.of("3"));
            Operation.Upsert upsert = new Operation.Upsert(STEP, and(eq(STEP_RUN_ID, "w1"), eq(STEP_POSITION, 9)),
                    data(set(STEP_ID, "w1z"), set(STEP_RUN_ID, "w1"), set(STEP_POSITION, 9)),
                    data(op(STEP_ATTEMPTS, WriteOp.INCREMENT, 1)), fields(STEP_ID, STEP_ATTEMPTS));
            assertThat(rows(connection, upsert)).containsExactly(List.of("w1z", "0"));
            assertThat(rows(connection, upsert)).containsExactly(List.of("w1z", "1"));
            assertThat(rows(connection, new Operation.Upsert(TAGGED, eq(TAGGED_CODE, "c3"),
                    data(set(TAGGED_CODE, "c3"), set(TAGGED_TAGS, List.of("q")), set(TAGGED_LABELS, List.of("RUNNING"))),
                    data(), fields(TAGGED_CODE)))).containsExactly(List.of("c3"));
            assertThat(rows(connection, new Operation.Delete(STEP, eq(STEP_ID, "w1z"), fields(STEP_ID))))
                    .containsExactly(List.of("w1z"));
            assertThat(rows(connection, new Operation.DeleteMany(RUN, eq(RUN_ID, "w1")))).containsExactly(List.of("1"));
        }
    }

    private static List<String> ids(Connection connection, Operation operation) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (List<String> row : rows(connection, operation)) {
            ids.add(row.get(0));
        }
        return ids;
    }

    /** Prepares the statement with typed parameters, executes it with the binds as literals, and reads the rows (or the count). */
    private static List<List<String>> rows(Connection connection, Operation operation) throws SQLException {
        SqlStatement rendered = RENDERER.render(operation);
        String name = "rendered_" + NAMES.incrementAndGet();
        StringBuilder prepare = new StringBuilder("PREPARE ").append(name);
        StringBuilder execute = new StringBuilder("EXECUTE ").append(name);
        if (!rendered.parameters().isEmpty()) {
            prepare.append(" (");
            execute.append(" (");
            for (int i = 0; i < rendered.parameters().size(); i++) {
                Bind bind = rendered.parameters().get(i);
                prepare.append(i == 0 ? "" : ", ").append(pgType(bind));
                execute.append(i == 0 ? "" : ", ").append(literal(bind.value())).append("::").append(pgType(bind));
            }
            prepare.append(')');
            execute.append(')');
        }
        prepare.append(" AS ").append(rendered.sql());
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute(prepare.toString());
            try {
                if (statement.execute(execute.toString())) {
                    try (ResultSet result = statement.getResultSet()) {
                        int columns = result.getMetaData().getColumnCount();
                        while (result.next()) {
                            List<String> row = new ArrayList<>(columns);
                            for (int c = 1; c <= columns; c++) {
                                row.add(result.getString(c));
                            }
                            rows.add(row);
                        }
                    }
                } else {
                    rows.add(List.of(String.valueOf(statement.getUpdateCount())));
                }
            } finally {
                statement.execute("DEALLOCATE " + name);
            }
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n  in: " + rendered.sql(), e);
        }
        return rows;
    }

    /** How the driver would type the bind. */
    private static String pgType(Bind bind) {
        Class<?> type = bind.type();
        if (type == List.class) {
            List<?> list = (List<?>) bind.value();
            return list == null || list.isEmpty() || list.get(0) instanceof String ? "varchar[]"
                    : list.get(0) instanceof Integer ? "int4[]" : "int8[]";
        }
        if (type == String.class) {
            return "varchar";
        }
        if (type == Integer.class) {
            return "int4";
        }
        if (type == Long.class) {
            return "int8";
        }
        if (type == Double.class) {
            return "float8";
        }
        if (type == BigDecimal.class) {
            return "numeric";
        }
        if (type == Instant.class) {
            return "timestamptz";
        }
        if (type == Json.class) {
            return "text";
        }
        throw new IllegalArgumentException("no PostgreSQL type for " + type);
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof List<?> list) {
            StringBuilder array = new StringBuilder("ARRAY[");
            for (int i = 0; i < list.size(); i++) {
                array.append(i == 0 ? "" : ", ").append(literal(list.get(i)));
            }
            return array.append(']').toString();
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

}
