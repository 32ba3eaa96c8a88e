package dev.refract.r2dbc.relations.sql;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.r2dbc.R2dbcAdapter;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.Row;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The relations schema pushed into a test namespace with a small publishing house in it, and a
 * PostgreSQL adapter that runs raw operations rendered by the {@link SqlRenderer}.
 *
 * <p>The data, by id:
 * <pre>
 * users     1 ann (no manager, profile "boss"), 2 bob (manager ann, profile "writer"),
 *           3 cat (manager ann), 4 dan (manager bob), 5 eve (no manager)
 * posts     10 "Java tips" published, 100 views, by ann, edited by bob   tags java, jvm
 *           11 "Kotlin"    draft,      50 views, by ann, no editor        tags jvm
 *           12 "Rust"      published,  70 views, by bob, edited by ann    tags systems
 *           13 "Go"        published,  10 views, by cat, no editor        no tags
 *           14 "Zig"       draft,       0 views, by cat, edited by cat    tags systems
 *           15 "Nim"       published,  30 views, by dan, no editor        no tags
 * comments  100 "nice" 5 likes on 10 by bob; 101 "meh" 0 likes on 10 by cat, a reply to 100;
 *           102 "great" 3 likes on 12 by ann; 103 "hmm" 1 like on 13 by cat; 104 "ok" 2 likes on 15 by eve
 * tags      1 java, 2 jvm, 3 systems, 4 unused
 * follows   bob and cat follow ann, cat follows bob, ann follows eve
 * shelves   (A, 1) top, (A, 2) bottom, (B, 1) top, (C, 9) empty
 * items     1 i1 and 2 i2 on (A, 1), 3 i3 on (B, 1), 4 i4 on no shelf, 5 i5 on (A, 2)
 * </pre>
 */
final class Publishing {

    static final SchemaMeta SCHEMA = RefractClientMetadata.SCHEMA;

    static final int USER = 0;
    static final int PROFILE = 1;
    static final int POST = 2;
    static final int TAG = 3;
    static final int COMMENT = 6;
    static final int SHELF = 7;
    static final int ITEM = 8;

    static final int USER_ID = 0;
    static final int USER_EMAIL = 1;
    static final int USER_NAME = 2;
    static final int USER_PROFILE = 3;
    static final int USER_POSTS = 4;
    static final int USER_COMMENTS = 6;
    static final int USER_MANAGER = 7;
    static final int USER_FOLLOWING = 10;
    static final int USER_FOLLOWED_BY = 11;
    static final int USER_FIELDS = 13;

    static final int PROFILE_BIO = 1;

    static final int POST_ID = 0;
    static final int POST_TITLE = 1;
    static final int POST_PUBLISHED = 2;
    static final int POST_VIEWS = 3;
    static final int POST_AUTHOR = 4;
    static final int POST_AUTHOR_ID = 5;
    static final int POST_EDITOR = 6;
    static final int POST_EDITOR_ID = 7;
    static final int POST_COMMENTS = 8;
    static final int POST_TAGS = 9;
    static final int POST_FIELDS = 12;

    static final int TAG_ID = 0;
    static final int TAG_NAME = 1;
    static final int TAG_POSTS = 2;

    static final int COMMENT_ID = 0;
    static final int COMMENT_BODY = 1;
    static final int COMMENT_LIKES = 2;
    static final int COMMENT_POST = 3;
    static final int COMMENT_POST_ID = 4;
    static final int COMMENT_AUTHOR = 5;
    static final int COMMENT_AUTHOR_ID = 6;

    static final int SHELF_AISLE = 0;
    static final int SHELF_NUMBER = 1;
    static final int SHELF_LABEL = 2;
    static final int SHELF_ITEMS = 3;

    static final int ITEM_ID = 0;
    static final int ITEM_SKU = 1;
    static final int ITEM_SHELF = 2;

    private Publishing() {
    }

    /** Creates the tables of the schema in {@code postgres}. */
    static void push(PostgresNamespace postgres) {
        DbPush.push(SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofSeconds(30));
    }

    /** Creates the tables and fills them with the data above. */
    static void pushAndFill(PostgresNamespace postgres) throws SQLException {
        push(postgres);
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"User\" (\"id\", \"email\", \"name\", \"managerId\") VALUES"
                    + " (1, 'ann@x', 'ann', NULL), (2, 'bob@x', 'bob', 1), (3, 'cat@x', 'cat', 1),"
                    + " (4, 'dan@x', 'dan', 2), (5, 'eve@x', 'eve', NULL)");
            statement.execute("INSERT INTO \"Profile\" (\"bio\", \"userId\") VALUES ('boss', 1), ('writer', 2)");
            statement.execute("INSERT INTO \"Post\" (\"id\", \"title\", \"published\", \"views\", \"authorId\","
                    + " \"editorId\") VALUES (10, 'Java tips', true, 100, 1, 2), (11, 'Kotlin', false, 50, 1, NULL),"
                    + " (12, 'Rust', true, 70, 2, 1), (13, 'Go', true, 10, 3, NULL), (14, 'Zig', false, 0, 3, 3),"
                    + " (15, 'Nim', true, 30, 4, NULL)");
            statement.execute("INSERT INTO \"Comment\" (\"id\", \"body\", \"likes\", \"postId\", \"authorId\","
                    + " \"parentId\") VALUES (100, 'nice', 5, 10, 2, NULL), (101, 'meh', 0, 10, 3, 100),"
                    + " (102, 'great', 3, 12, 1, NULL), (103, 'hmm', 1, 13, 3, NULL), (104, 'ok', 2, 15, 5, NULL)");
            statement.execute("INSERT INTO \"Tag\" (\"id\", \"name\") VALUES (1, 'java'), (2, 'jvm'), (3, 'systems'),"
                    + " (4, 'unused')");
            // A holds the post, B the tag: Post sorts before Tag
            statement.execute("INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (10, 1), (10, 2), (11, 2), (12, 3),"
                    + " (14, 3)");
            // followedBy sorts before following, so A is the one followed and B the follower
            statement.execute("INSERT INTO \"_Follows\" (\"A\", \"B\") VALUES (1, 2), (1, 3), (2, 3), (5, 1)");
            statement.execute("INSERT INTO \"Shelf\" (\"aisle\", \"number\", \"label\") VALUES ('A', 1, 'top'),"
                    + " ('A', 2, 'bottom'), ('B', 1, 'top'), ('C', 9, 'empty')");
            statement.execute("INSERT INTO \"Item\" (\"id\", \"sku\", \"shelfAisle\", \"shelfNumber\") VALUES"
                    + " (1, 'i1', 'A', 1), (2, 'i2', 'A', 1), (3, 'i3', 'B', 1), (4, 'i4', NULL, NULL), (5, 'i5', 'A', 2)");
            for (String table : List.of("User", "Post", "Comment")) {
                // records created by a test get ids of their own
                statement.execute("ALTER TABLE \"" + table + "\" ALTER COLUMN \"id\" RESTART WITH 1000");
            }
        }
    }

    /** An adapter on {@code postgres} whose statements the SQL renderer writes. */
    static R2dbcAdapter adapter(PostgresNamespace postgres) {
        SqlRenderer renderer = new SqlRenderer(SCHEMA, PostgresDialect.INSTANCE);
        return new R2dbcAdapter(new AdapterConfig(SCHEMA, SCHEMA.datasource(0), postgres.r2dbcUrl(),
                PoolMeta.DEFAULTS), renderer::render);
    }

    static Filter eq(int field, Object value) {
        return new Filter.Comparison(field, Filter.Operator.EQUALS, value, Filter.Mode.DEFAULT);
    }

    static Filter compare(int field, Filter.Operator operator, Object value) {
        return new Filter.Comparison(field, operator, value, Filter.Mode.DEFAULT);
    }

    static Filter and(Filter... filters) {
        return new Filter.And(List.of(filters));
    }

    static Filter related(int field, Filter.Quantifier quantifier, Filter filter) {
        return new Filter.Related(field, quantifier, filter);
    }

    static OrderBy asc(int field) {
        return new OrderBy(field, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT);
    }

    static OrderBy desc(int field) {
        return new OrderBy(field, OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT);
    }

    static OrderBy sort(OrderBy.Key key, OrderBy.Direction direction, OrderBy.Nulls nulls) {
        return new OrderBy(key, direction, nulls);
    }

    /** The records matching {@code where}, sorted by {@code order}, reading field {@code field} and counting {@code counts}. */
    static Query query(Filter where, List<OrderBy> order, List<Integer> fields, List<Selection.RelationCount> counts) {
        return new Query(where, order, 0, null, null, List.of(), new Selection(fields, List.of(), counts));
    }

    /** The whole-number values at {@code position} of {@code rows}, in row order. */
    static List<Integer> ints(List<Row> rows, int position) {
        List<Integer> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(((Number) row.get(position)).intValue());
        }
        return values;
    }
}
