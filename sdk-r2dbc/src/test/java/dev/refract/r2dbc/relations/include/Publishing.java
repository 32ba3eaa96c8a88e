package dev.refract.r2dbc.relations.include;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.client.ClientCore;
import dev.refract.client.ClientOptions;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.client.ClientFixture.CapturingProvider;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.spi.Row;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The relations schema on PostgreSQL for the include tests: its tables, a small publishing house
 * to read, a client core whose adapter counts the statements it runs, and a way to print rows with
 * their relations so that a test compares whole results.
 */
final class Publishing {

    static final SchemaMeta SCHEMA = RefractClientMetadata.SCHEMA;
    static final int USER = RefractClientMetadata.USER.index();
    static final int PROFILE = RefractClientMetadata.PROFILE.index();
    static final int POST = RefractClientMetadata.POST.index();
    static final int TAG = RefractClientMetadata.TAG.index();
    static final int COMMENT = RefractClientMetadata.COMMENT.index();
    static final int SHELF = RefractClientMetadata.SHELF.index();
    static final int ITEM = RefractClientMetadata.ITEM.index();

    private static final String TABLES = "\"User\", \"Profile\", \"Post\", \"Tag\", \"Category\", \"PostCategory\","
            + " \"Comment\", \"Shelf\", \"Item\", \"_PostToTag\", \"_Follows\"";

    private Publishing() {
    }

    /** Creates the tables of the relations schema in {@code postgres}. */
    static void push(PostgresNamespace postgres) {
        DbPush.push(SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofSeconds(30));
    }

    /**
     * Empties every table and stores the house:
     * <pre>
     * users     1 ada, 2 bob (reports to ada), 3 cy (reports to ada), 4 dee (reports to bob)
     * profiles  ada's, bob's
     * posts     10 a1 (ada, published, 5 views, edited by bob), 11 a2 (ada, draft, 9 views),
     *           12 a3 (ada, published, 1 view, edited by cy), 13 b1 (bob, published, 7, edited by ada),
     *           14 b2 (bob, published, 3, edited by ada)
     * tags      1 java on a1 and b1, 2 sql on a1 and a2, 3 go on nothing
     * categories 1 news on a1, 2 tech on a1 and b1
     * comments  100 c1 on a1 by bob (2 likes), 101 c2 on a1 by cy, 102 r1 reply to c1 by ada (1 like),
     *           103 r2 reply to c1 by cy (5 likes), 104 c3 on b1 by ada, 105 rr1 reply to r1 by bob
     * follows   ada follows bob and cy, bob follows ada
     * shelves   A/1 top (items x1, x2), A/2 middle (none), B/1 floor (item x3); item x4 on no shelf
     * </pre>
     */
    static void seed(PostgresNamespace postgres) throws SQLException {
        String at = "TIMESTAMP '2026-01-01 00:00:00'";
        run(postgres, List.of(
                "TRUNCATE " + TABLES + " RESTART IDENTITY CASCADE",
                "INSERT INTO \"User\" (id, email, name, \"managerId\", \"createdAt\") VALUES"
                        + " (1, 'ada@example.com', 'ada', NULL, " + at + "), (2, 'bob@example.com', 'bob', 1, " + at + "),"
                        + " (3, 'cy@example.com', 'cy', 1, " + at + "), (4, 'dee@example.com', 'dee', 2, " + at + ")",
                "INSERT INTO \"Profile\" (id, bio, \"userId\") VALUES (1, 'ada''s', 1), (2, 'bob''s', 2)",
                "INSERT INTO \"Post\" (id, title, published, views, \"authorId\", \"editorId\", \"createdAt\") VALUES"
                        + " (10, 'a1', true, 5, 1, 2, " + at + "), (11, 'a2', false, 9, 1, NULL, " + at + "),"
                        + " (12, 'a3', true, 1, 1, 3, " + at + "), (13, 'b1', true, 7, 2, 1, " + at + "),"
                        + " (14, 'b2', true, 3, 2, 1, " + at + ")",
                "INSERT INTO \"Tag\" (id, name) VALUES (1, 'java'), (2, 'sql'), (3, 'go')",
                "INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (10, 1), (13, 1), (10, 2), (11, 2)",
                "INSERT INTO \"Category\" (id, name) VALUES (1, 'news'), (2, 'tech')",
                "INSERT INTO \"PostCategory\" (\"postId\", \"categoryId\", \"assignedAt\") VALUES"
                        + " (10, 1, " + at + "), (10, 2, " + at + "), (13, 2, " + at + ")",
                "INSERT INTO \"Comment\" (id, body, likes, \"postId\", \"authorId\", \"parentId\", \"createdAt\") VALUES"
                        + " (100, 'c1', 2, 10, 2, NULL, " + at + "), (101, 'c2', 0, 10, 3, NULL, " + at + "),"
                        + " (102, 'r1', 1, 10, 1, 100, " + at + "), (103, 'r2', 5, 10, 3, 100, " + at + "),"
                        + " (104, 'c3', 0, 13, 1, NULL, " + at + "), (105, 'rr1', 0, 10, 2, 102, " + at + ")",
                // following: the follower in B, the followed in A (see RelationLink)
                "INSERT INTO \"_Follows\" (\"A\", \"B\") VALUES (2, 1), (3, 1), (1, 2)",
                "INSERT INTO \"Shelf\" (aisle, number, label) VALUES ('A', 1, 'top'), ('A', 2, 'middle'), ('B', 1, 'floor')",
                "INSERT INTO \"Item\" (id, sku, \"shelfAisle\", \"shelfNumber\") VALUES"
                        + " (1, 'x1', 'A', 1), (2, 'x2', 'A', 1), (3, 'x3', 'B', 1), (4, 'x4', NULL, NULL)",
                "SELECT setval(pg_get_serial_sequence('\"User\"', 'id'), 100)",
                "SELECT setval(pg_get_serial_sequence('\"Post\"', 'id'), 100)"));
    }

    /** Runs {@code statements} in order on one JDBC connection to the namespace. */
    static void run(PostgresNamespace postgres, List<String> statements) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A client core of the relations schema on {@code postgres}, its adapter made by {@code provider}. */
    static ClientCore core(PostgresNamespace postgres, CapturingProvider provider, int poolSize) {
        return ClientCore.create(SCHEMA, ClientOptions.builder().datasource("db", postgres.r2dbcUrl())
                .poolSize("db", poolSize).adapterProvider(provider).build());
    }

    /**
     * {@code row} of {@code model} as text: its non-null fields but timestamps (which the database
     * sets), its loaded relations nested, its relation counts as {@code _count}. Fails when the row
     * is wider than its model's fields and counts, as a parent's key must not reach the caller.
     */
    static String describe(int model, Row row) {
        ModelMeta meta = SCHEMA.model(model);
        if (row.size() > meta.fieldCount() + 1) {
            throw new AssertionError("A row of " + meta.name() + " is " + row.size() + " wide: " + row);
        }
        StringJoiner parts = new StringJoiner(", ", meta.name() + "{", "}");
        for (int i = 0; i < meta.fieldCount(); i++) {
            FieldMeta field = meta.field(i);
            Object value = row.get(i);
            if (value == null || field.scalarType() == ScalarType.DATETIME) {
                continue;
            }
            if (field.isRelation()) {
                int target = meta.relation(i).targetModel();
                parts.add(field.name() + "=" + (value instanceof List<?> rows
                        ? rows.stream().map(related -> describe(target, (Row) related)).toList()
                        : ((Optional<?>) value).map(related -> describe(target, (Row) related)).orElse("none")));
            } else {
                parts.add(field.name() + "=" + value);
            }
        }
        Map<Integer, Long> counts = row.getCounts(meta.fieldCount());
        if (counts != null) {
            Map<String, Long> named = new TreeMap<>();
            counts.forEach((field, count) -> named.put(meta.field(field).name(), count));
            parts.add("_count=" + named);
        }
        return parts.toString();
    }

    /** Each of {@code rows} of {@code model} described. */
    static List<String> describe(int model, List<Row> rows) {
        List<String> described = new ArrayList<>(rows.size());
        for (Row row : rows) {
            described.add(describe(model, row));
        }
        return described;
    }
}
