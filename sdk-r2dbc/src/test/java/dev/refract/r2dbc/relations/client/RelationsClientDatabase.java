package dev.refract.r2dbc.relations.client;

import com.example.relations.db.RefractClient;
import com.example.relations.db.RefractClientMetadata;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.relation.Relation;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The relations schema pushed into a test's PostgreSQL namespace with a generated client on it,
 * JDBC to arrange rows and count them, and a way to print generated records with their loaded
 * relations so that a test compares whole results.
 */
final class RelationsClientDatabase implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Every table of the models the relation tests write, and the two implicit join tables. */
    static final List<String> TABLES = List.of("User", "Profile", "Post", "Tag", "Category", "PostCategory", "Comment",
            "Shelf", "Item", "_PostToTag", "_Follows");

    private final PostgresNamespace postgres;
    private final RefractClient client;

    private RelationsClientDatabase(PostgresNamespace postgres, RefractClient client) {
        this.postgres = postgres;
        this.client = client;
    }

    /** Creates the schema's tables in {@code postgres} and a generated client on them. */
    static RelationsClientDatabase open(PostgresNamespace postgres) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block(WAIT);
        return new RelationsClientDatabase(postgres,
                RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build());
    }

    RefractClient client() {
        return client;
    }

    /** Empties every table and restarts the id sequences, so that a test's records are numbered from 1. */
    void empty() {
        sql("TRUNCATE " + String.join(", ", TABLES.stream().map(table -> "\"" + table + "\"").toList())
                + " RESTART IDENTITY CASCADE");
    }

    /**
     * Empties every table and stores the house the include tests read:
     * <pre>
     * users      1 ada, 2 bob (reports to ada), 3 cy (reports to ada), 4 dee (reports to bob)
     * profiles   1 "ada's" of ada, 2 "bob's" of bob
     * posts      10 a1 (ada, published, 5 views, edited by bob), 11 a2 (ada, draft, 9 views),
     *            12 a3 (ada, published, 1 view, edited by cy), 13 b1 (bob, published, 7, edited by ada),
     *            14 b2 (bob, published, 3, edited by ada)
     * tags       1 java on a1 and b1, 2 sql on a1 and a2, 3 go on nothing
     * categories 1 news on a1, 2 tech on a1 and b1
     * comments   100 c1 on a1 by bob (2 likes), 101 c2 on a1 by cy, 102 r1 on a1 by ada replying to c1 (1 like),
     *            103 r2 on a1 by cy replying to c1 (5 likes), 104 c3 on b1 by ada, 105 rr1 on a1 by bob replying to r1
     * follows    ada follows bob and cy, bob follows ada
     * shelves    A/1 top (items x1, x2), A/2 middle (none), B/1 floor (item x3); item x4 on no shelf
     * </pre>
     * Every timestamp is 2026-01-01; new records are numbered from 101 (comments from 201).
     */
    void seedHouse() {
        String at = "TIMESTAMP '2026-01-01 00:00:00'";
        empty();
        sql("INSERT INTO \"User\" (id, email, name, \"managerId\", \"createdAt\") VALUES"
                        + " (1, 'ada@example.com', 'ada', NULL, " + at + "), (2, 'bob@example.com', 'bob', 1, " + at + "),"
                        + " (3, 'cy@example.com', 'cy', 1, " + at + "), (4, 'dee@example.com', 'dee', 2, " + at + ")",
                "INSERT INTO \"Profile\" (id, bio, \"userId\") VALUES (1, 'ada''s', 1), (2, 'bob''s', 2)",
                "INSERT INTO \"Post\" (id, title, published, views, \"authorId\", \"editorId\", \"createdAt\") VALUES"
                        + " (10, 'a1', true, 5, 1, 2, " + at + "), (11, 'a2', false, 9, 1, NULL, " + at + "),"
                        + " (12, 'a3', true, 1, 1, 3, " + at + "), (13, 'b1', true, 7, 2, 1, " + at + "),"
                        + " (14, 'b2', true, 3, 2, 1, " + at + ")",
                "INSERT INTO \"Tag\" (id, name) VALUES (1, 'java'), (2, 'sql'), (3, 'go')",
                // A holds the post, B the tag
                "INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (10, 1), (13, 1), (10, 2), (11, 2)",
                "INSERT INTO \"Category\" (id, name) VALUES (1, 'news'), (2, 'tech')",
                "INSERT INTO \"PostCategory\" (\"postId\", \"categoryId\", \"assignedAt\") VALUES"
                        + " (10, 1, " + at + "), (10, 2, " + at + "), (13, 2, " + at + ")",
                "INSERT INTO \"Comment\" (id, body, likes, \"postId\", \"authorId\", \"parentId\", \"createdAt\") VALUES"
                        + " (100, 'c1', 2, 10, 2, NULL, " + at + "), (101, 'c2', 0, 10, 3, NULL, " + at + "),"
                        + " (102, 'r1', 1, 10, 1, 100, " + at + "), (103, 'r2', 5, 10, 3, 100, " + at + "),"
                        + " (104, 'c3', 0, 13, 1, NULL, " + at + "), (105, 'rr1', 0, 10, 2, 102, " + at + ")",
                // the followed user in A, the follower in B
                "INSERT INTO \"_Follows\" (\"A\", \"B\") VALUES (2, 1), (3, 1), (1, 2)",
                "INSERT INTO \"Shelf\" (aisle, number, label) VALUES ('A', 1, 'top'), ('A', 2, 'middle'), ('B', 1, 'floor')",
                "INSERT INTO \"Item\" (id, sku, \"shelfAisle\", \"shelfNumber\") VALUES"
                        + " (1, 'x1', 'A', 1), (2, 'x2', 'A', 1), (3, 'x3', 'B', 1), (4, 'x4', NULL, NULL)",
                "SELECT setval(pg_get_serial_sequence('\"User\"', 'id'), 100)",
                "SELECT setval(pg_get_serial_sequence('\"Post\"', 'id'), 100)",
                "SELECT setval(pg_get_serial_sequence('\"Comment\"', 'id'), 200)",
                "SELECT setval(pg_get_serial_sequence('\"Tag\"', 'id'), 100)",
                "SELECT setval(pg_get_serial_sequence('\"Category\"', 'id'), 100)",
                "SELECT setval(pg_get_serial_sequence('\"Profile\"', 'id'), 100)",
                "SELECT setval(pg_get_serial_sequence('\"Item\"', 'id'), 100)");
    }

    /** Runs SQL statements over JDBC, e.g. to arrange rows. */
    void sql(String... statements) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + String.join("; ", statements), e);
        }
    }

    /** The rows {@code query} reads over JDBC, each as its columns joined by {@code |}. */
    List<String> rows(String query) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> read = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rows.getString(i)));
                }
                read.add(row.toString());
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("reading failed: " + query, e);
        }
    }

    /** The number of rows of each of {@link #TABLES}, as {@code table=count}. */
    List<String> tableCounts() {
        List<String> counts = new ArrayList<>();
        for (String table : TABLES) {
            counts.add(table + "=" + rows("SELECT count(*) FROM \"" + table + "\"").get(0));
        }
        return counts;
    }

    /**
     * A generated record as text: {@code Model{field=value, ...}} with its non-null fields but
     * timestamps (which the database sets), its loaded relations nested ({@code none} for a loaded
     * to-one relation without a record), relations not loaded left out, and its relation counts
     * last as {@code _count={relation=n, ...}} with the relations counted.
     */
    static String describe(Object record) {
        StringJoiner parts = new StringJoiner(", ", record.getClass().getSimpleName() + "{", "}");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = read(component, record);
            if (value == null || value instanceof Instant || value instanceof Relation.NotLoaded<?>) {
                continue;
            }
            if (value instanceof Relation.Loaded<?> loaded) {
                parts.add(component.getName() + "=" + describeRelated(loaded.value()));
            } else if (value.getClass().isRecord()) {
                parts.add("_count=" + counts(value));
            } else {
                parts.add(component.getName() + "=" + value);
            }
        }
        return parts.toString();
    }

    /** Each of {@code records} described. */
    static List<String> describe(List<?> records) {
        return records.stream().map(RelationsClientDatabase::describe).toList();
    }

    private static String describeRelated(Object related) {
        if (related == null) {
            return "none";
        }
        return related instanceof List<?> records ? describe(records).toString() : describe(related);
    }

    private static String counts(Object counts) {
        StringJoiner named = new StringJoiner(", ", "{", "}");
        for (RecordComponent component : counts.getClass().getRecordComponents()) {
            Object count = read(component, counts);
            if (count != null) {
                named.add(component.getName() + "=" + count);
            }
        }
        return named.toString();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    @Override
    public void close() {
        client.closeAsync().block(WAIT);
    }
}
