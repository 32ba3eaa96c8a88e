package dev.refract.r2dbc.suite.relations;

import dev.refract.r2dbc.suite.SuiteDatabase;
import java.util.List;

/**
 * The two small publishing houses the relation tests read, written into the relations schema's
 * tables in SQL that runs on every server of the suite. Each fill empties every table first.
 */
public final class PublishingHouses {

    /** Every table of the publishing models, the two implicit join tables included. */
    public static final List<String> TABLES = List.of("User", "Profile", "Post", "Tag", "Category", "PostCategory",
            "Comment", "Shelf", "Item", "_PostToTag", "_Follows");

    private PublishingHouses() {
    }

    /**
     * Ann's house, which the filter, ordering, count and aggregate tests read:
     * <pre>
     * users       1 ann (no manager, profile 1 "boss"), 2 bob (manager ann, profile 2 "writer"),
     *             3 cat (manager ann), 4 dan (manager bob), 5 eve (no manager)
     * posts       10 "Java tips" published, 100 views, by ann, edited by bob   tags java, jvm    category tech
     *             11 "Kotlin"    draft,      50 views, by ann, no editor        tags jvm
     *             12 "Rust"      published,  70 views, by bob, edited by ann    tags systems      news, tech
     *             13 "Go"        published,  10 views, by cat, no editor        no tags           news
     *             14 "Zig"       draft,       0 views, by cat, edited by cat    tags systems      tech
     *             15 "Nim"       published,  30 views, by dan, no editor        no tags
     * comments    100 "nice" 5 likes on 10 by bob; 101 "meh" 0 likes on 10 by cat, a reply to 100;
     *             102 "great" 3 likes on 12 by ann; 103 "hmm" 1 like on 13 by cat; 104 "ok" 2 likes on 15 by eve
     * tags        1 java, 2 jvm, 3 systems, 4 unused
     * categories  1 news, 2 tech, 3 empty
     * follows     bob and cat follow ann, cat follows bob, ann follows eve
     * shelves     (A, 1) top, (A, 2) bottom, (B, 1) top, (C, 9) empty
     * items       1 i1 and 2 i2 on (A, 1), 3 i3 on (B, 1), 4 i4 on no shelf, 5 i5 on (A, 2)
     * </pre>
     * Records a test creates get ids from 1000 on.
     */
    public static void fillAnnsHouse(SuiteDatabase database) {
        database.empty(TABLES);
        database.sql("INSERT INTO \"User\" (id, email, name, \"managerId\") VALUES (1, 'ann@x', 'ann', NULL),"
                        + " (5, 'eve@x', 'eve', NULL)",
                "INSERT INTO \"User\" (id, email, name, \"managerId\") VALUES (2, 'bob@x', 'bob', 1), (3, 'cat@x', 'cat', 1)",
                "INSERT INTO \"User\" (id, email, name, \"managerId\") VALUES (4, 'dan@x', 'dan', 2)",
                "INSERT INTO \"Profile\" (id, bio, \"userId\") VALUES (1, 'boss', 1), (2, 'writer', 2)",
                "INSERT INTO \"Post\" (id, title, published, views, \"authorId\", \"editorId\") VALUES"
                        + " (10, 'Java tips', true, 100, 1, 2), (11, 'Kotlin', false, 50, 1, NULL),"
                        + " (12, 'Rust', true, 70, 2, 1), (13, 'Go', true, 10, 3, NULL), (14, 'Zig', false, 0, 3, 3),"
                        + " (15, 'Nim', true, 30, 4, NULL)",
                "INSERT INTO \"Comment\" (id, body, likes, \"postId\", \"authorId\", \"parentId\") VALUES"
                        + " (100, 'nice', 5, 10, 2, NULL), (102, 'great', 3, 12, 1, NULL), (103, 'hmm', 1, 13, 3, NULL),"
                        + " (104, 'ok', 2, 15, 5, NULL)",
                "INSERT INTO \"Comment\" (id, body, likes, \"postId\", \"authorId\", \"parentId\") VALUES"
                        + " (101, 'meh', 0, 10, 3, 100)",
                "INSERT INTO \"Tag\" (id, name) VALUES (1, 'java'), (2, 'jvm'), (3, 'systems'), (4, 'unused')",
                // A holds the post, B the tag: Post sorts before Tag
                "INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (10, 1), (10, 2), (11, 2), (12, 3), (14, 3)",
                "INSERT INTO \"Category\" (id, name) VALUES (1, 'news'), (2, 'tech'), (3, 'empty')",
                "INSERT INTO \"PostCategory\" (\"postId\", \"categoryId\") VALUES (10, 2), (12, 1), (12, 2), (13, 1),"
                        + " (14, 2)",
                // followedBy sorts before following, so A is the one followed and B the follower
                "INSERT INTO \"_Follows\" (\"A\", \"B\") VALUES (1, 2), (1, 3), (2, 3), (5, 1)",
                "INSERT INTO \"Shelf\" (aisle, number, label) VALUES ('A', 1, 'top'), ('A', 2, 'bottom'), ('B', 1, 'top'),"
                        + " ('C', 9, 'empty')",
                "INSERT INTO \"Item\" (id, sku, \"shelfAisle\", \"shelfNumber\") VALUES (1, 'i1', 'A', 1), (2, 'i2', 'A', 1),"
                        + " (3, 'i3', 'B', 1), (4, 'i4', NULL, NULL), (5, 'i5', 'A', 2)");
        for (String table : List.of("User", "Profile", "Post", "Comment", "Tag", "Category", "Item")) {
            database.numberIdsFrom(table, 1000);
        }
    }

    /**
     * Ada's house, which the include tests read:
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
    public static void fillAdasHouse(SuiteDatabase database) {
        String at = "TIMESTAMP '2026-01-01 00:00:00'";
        database.empty(TABLES);
        database.sql("INSERT INTO \"User\" (id, email, name, \"managerId\", \"createdAt\") VALUES"
                        + " (1, 'ada@example.com', 'ada', NULL, " + at + ")",
                "INSERT INTO \"User\" (id, email, name, \"managerId\", \"createdAt\") VALUES"
                        + " (2, 'bob@example.com', 'bob', 1, " + at + "), (3, 'cy@example.com', 'cy', 1, " + at + ")",
                "INSERT INTO \"User\" (id, email, name, \"managerId\", \"createdAt\") VALUES"
                        + " (4, 'dee@example.com', 'dee', 2, " + at + ")",
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
                        + " (104, 'c3', 0, 13, 1, NULL, " + at + ")",
                "INSERT INTO \"Comment\" (id, body, likes, \"postId\", \"authorId\", \"parentId\", \"createdAt\") VALUES"
                        + " (102, 'r1', 1, 10, 1, 100, " + at + "), (103, 'r2', 5, 10, 3, 100, " + at + ")",
                "INSERT INTO \"Comment\" (id, body, likes, \"postId\", \"authorId\", \"parentId\", \"createdAt\") VALUES"
                        + " (105, 'rr1', 0, 10, 2, 102, " + at + ")",
                // the followed user in A, the follower in B
                "INSERT INTO \"_Follows\" (\"A\", \"B\") VALUES (2, 1), (3, 1), (1, 2)",
                "INSERT INTO \"Shelf\" (aisle, number, label) VALUES ('A', 1, 'top'), ('A', 2, 'middle'), ('B', 1, 'floor')",
                "INSERT INTO \"Item\" (id, sku, \"shelfAisle\", \"shelfNumber\") VALUES"
                        + " (1, 'x1', 'A', 1), (2, 'x2', 'A', 1), (3, 'x3', 'B', 1), (4, 'x4', NULL, NULL)");
        for (String table : List.of("User", "Post", "Tag", "Category", "Profile", "Item")) {
            database.numberIdsFrom(table, 101);
        }
        database.numberIdsFrom("Comment", 201);
    }
}
