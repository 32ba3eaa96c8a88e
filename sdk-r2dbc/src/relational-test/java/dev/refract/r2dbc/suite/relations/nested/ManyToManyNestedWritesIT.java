package dev.refract.r2dbc.suite.relations.nested;

import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.CATEGORY;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.ITEM;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.POST;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.POST_CATEGORY;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.SHELF;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.TAG;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.USER;
import static dev.refract.r2dbc.suite.relations.nested.Writes.connect;
import static dev.refract.r2dbc.suite.relations.nested.Writes.connectOrCreate;
import static dev.refract.r2dbc.suite.relations.nested.Writes.create;
import static dev.refract.r2dbc.suite.relations.nested.Writes.createMany;
import static dev.refract.r2dbc.suite.relations.nested.Writes.delete;
import static dev.refract.r2dbc.suite.relations.nested.Writes.deleteMany;
import static dev.refract.r2dbc.suite.relations.nested.Writes.disconnect;
import static dev.refract.r2dbc.suite.relations.nested.Writes.set;
import static dev.refract.r2dbc.suite.relations.nested.Writes.startsWith;
import static dev.refract.r2dbc.suite.relations.nested.Writes.update;
import static dev.refract.r2dbc.suite.relations.nested.Writes.updateMany;
import static dev.refract.r2dbc.suite.relations.nested.Writes.upsert;
import static dev.refract.r2dbc.suite.relations.nested.Writes.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.RecordNotFoundException;
import dev.refract.query.Filter;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nested writes through many-to-many relations: implicit join tables (Post.tags, the self relation
 * User.following), an explicit join model (Post.categories through PostCategory), and a to-many
 * relation keyed by a compound foreign key (Shelf.items).
 */
@RelationalSuite
class ManyToManyNestedWritesIT {

    /** Which post has which tag, by title and name. */
    private static final String POST_TAGS = "SELECT p.title, t.name FROM \"_PostToTag\" j JOIN \"Post\" p ON p.id = j.\"A\""
            + " JOIN \"Tag\" t ON t.id = j.\"B\" ORDER BY p.title, t.name";
    private static final String TAGS = "SELECT id, name FROM \"Tag\" ORDER BY id";
    private static final String ITEMS = "SELECT sku, \"shelfAisle\", \"shelfNumber\" FROM \"Item\" ORDER BY id";

    private static RelationsDatabase db;

    @BeforeAll
    static void open(SuiteDatabase server) {
        db = RelationsDatabase.open(server);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** User 1 (ada) wrote posts 1 (p1) and 2 (p2); tags 1 (java), 2 (sql), 3 (go); p1 has java and sql, p2 has java. */
    @BeforeEach
    void arrange() {
        db.empty();
        db.sql("INSERT INTO \"User\" (email, name) VALUES ('ada@x', 'Ada'), ('bob@x', 'Bob'), ('cy@x', 'Cy')",
                "INSERT INTO \"Post\" (title, \"authorId\") VALUES ('p1', 1), ('p2', 1)",
                "INSERT INTO \"Tag\" (name) VALUES ('java'), ('sql'), ('go')",
                "INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (1, 1), (1, 2), (2, 1)");
    }

    // --------------------------------------------------------------------------- implicit join table

    @Test
    void createLinksNewAndExistingTargets() {
        db.create(POST, Writes.of(POST).set("title", "p3").set("authorId", 2).relation("tags",
                create(Writes.of(TAG).set("name", "rust")), connect(where(TAG, "name", "go")),
                connectOrCreate(where(TAG, "name", "sql"), Writes.of(TAG).set("name", "sql")),
                connectOrCreate(where(TAG, "name", "kotlin"), Writes.of(TAG).set("name", "kotlin"))));

        assertThat(db.rows(TAGS)).containsExactly("1|java", "2|sql", "3|go", "4|rust", "5|kotlin");
        assertThat(db.rows(POST_TAGS)).containsExactly("p1|java", "p1|sql", "p2|java", "p3|go", "p3|kotlin",
                "p3|rust", "p3|sql");
    }

    @Test
    void createManyLinksTheRecordsItInserted() {
        db.update(POST, where(POST, "id", 2), Writes.of(POST).relation("tags",
                createMany(true, Writes.of(TAG).set("name", "c"), Writes.of(TAG).set("name", "java"),
                        Writes.of(TAG).set("name", "d"))));

        // the skipped duplicate java uses up an id on PostgreSQL, not on MySQL
        assertThat(db.rows(TAGS)).hasSize(5).startsWith("1|java", "2|sql", "3|go", "4|c")
                .last().asString().matches("[56]\\|d");
        assertThat(db.rows(POST_TAGS)).containsExactly("p1|java", "p1|sql", "p2|c", "p2|d", "p2|java");
    }

    @Test
    void connectOfATargetLinkedAlreadyKeepsOneLink() {
        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("tags",
                connect(where(TAG, "id", 1), where(TAG, "id", 3))));

        assertThat(db.rows(POST_TAGS)).containsExactly("p1|go", "p1|java", "p1|sql", "p2|java");
    }

    @Test
    void setReplacesTheLinksAndDisconnectRemovesThemKeepingTheRecords() {
        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("tags", set(where(TAG, "id", 3), where(TAG, "id", 1))));
        assertThat(db.rows(POST_TAGS)).containsExactly("p1|go", "p1|java", "p2|java");

        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("tags",
                disconnect(where(TAG, "name", "go"), where(TAG, "name", "sql"))));
        assertThat(db.rows(POST_TAGS)).containsExactly("p1|java", "p2|java");

        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("tags", set()));
        assertThat(db.rows(POST_TAGS)).containsExactly("p2|java");
        assertThat(db.rows(TAGS)).containsExactly("1|java", "2|sql", "3|go");
    }

    @Test
    void updateAndUpdateManyReachOnlyLinkedTargets() {
        db.update(POST, where(POST, "id", 2), Writes.of(POST).relation("tags",
                update(where(TAG, "name", "java"), Writes.of(TAG).set("name", "java 21"))));
        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("tags",
                updateMany(new Filter.Or(List.of(startsWith(TAG, "name", "s"), startsWith(TAG, "name", "g"))),
                        Writes.of(TAG).set("name", "sql:2023"))));

        assertThat(db.rows(TAGS)).containsExactly("1|java 21", "2|sql:2023", "3|go");
        assertThat(db.rows(POST_TAGS)).containsExactly("p1|java 21", "p1|sql:2023", "p2|java 21");
        assertThatThrownBy(() -> db.update(POST, where(POST, "id", 2), Writes.of(POST).relation("tags",
                update(where(TAG, "name", "go"), Writes.of(TAG).set("name", "golang")))))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Post.tags")
                .hasMessageContaining("nested update");
        assertThat(db.rows(TAGS)).contains("3|go");
    }

    @Test
    void upsertUpdatesALinkedTargetOrCreatesAndLinksOne() {
        db.update(POST, where(POST, "id", 2), Writes.of(POST).relation("tags",
                upsert(where(TAG, "name", "java"), Writes.of(TAG).set("name", "no"), Writes.of(TAG).set("name", "jvm")),
                upsert(where(TAG, "name", "zig"), Writes.of(TAG).set("name", "zig"), Writes.of(TAG).set("name", "no"))));

        assertThat(db.rows(TAGS)).containsExactly("1|jvm", "2|sql", "3|go", "4|zig");
        assertThat(db.rows(POST_TAGS)).containsExactly("p1|jvm", "p1|sql", "p2|jvm", "p2|zig");
    }

    @Test
    void deleteAndDeleteManyRemoveTheLinkedTargetsOnly() {
        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("tags",
                delete(where(TAG, "name", "sql"))));
        assertThat(db.rows(TAGS)).containsExactly("1|java", "3|go");

        db.update(POST, where(POST, "id", 2), Writes.of(POST).relation("tags", deleteMany(Filter.ALL)));
        assertThat(db.rows(TAGS)).as("go matches but is not linked to p2").containsExactly("3|go");
        assertThat(db.rows(POST_TAGS)).isEmpty();

        assertThatThrownBy(() -> db.update(POST, where(POST, "id", 2), Writes.of(POST).relation("tags",
                delete(where(TAG, "name", "go")))))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Post.tags")
                .hasMessageContaining("nested delete");
        assertThat(db.rows(TAGS)).containsExactly("3|go");
    }

    @Test
    void aSelfRelationLinksFromEitherSide() {
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("following",
                connect(where(USER, "id", 2), where(USER, "id", 3))));
        db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("followedBy", connect(where(USER, "id", 3))));
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("following", disconnect(where(USER, "id", 3))));

        String follows = "SELECT f.name || ' follows ' || t.name FROM \"_Follows\" j JOIN \"User\" f ON f.id = j.\"B\""
                + " JOIN \"User\" t ON t.id = j.\"A\" ORDER BY 1";
        assertThat(db.rows(follows)).containsExactly("Ada follows Bob", "Cy follows Bob");
    }

    // ------------------------------------------------------------------------- explicit join model

    @Test
    void anExplicitJoinModelIsWrittenThroughBothOfItsForeignKeys() {
        db.sql("INSERT INTO \"Category\" (name) VALUES ('news')");

        db.create(POST, Writes.of(POST).set("title", "p3").set("authorId", 1).relation("categories",
                create(Writes.of(POST_CATEGORY).relation("category", connect(where(CATEGORY, "name", "news"))),
                        Writes.of(POST_CATEGORY).relation("category", create(Writes.of(CATEGORY).set("name", "tech"))))));
        String filed = "SELECT p.title, c.name FROM \"PostCategory\" pc JOIN \"Post\" p ON p.id = pc.\"postId\""
                + " JOIN \"Category\" c ON c.id = pc.\"categoryId\" ORDER BY c.name";
        assertThat(db.rows(filed)).containsExactly("p3|news", "p3|tech");
        assertThat(db.rows("SELECT count(*) FROM \"PostCategory\" WHERE \"assignedAt\" IS NOT NULL")).containsExactly("2");

        db.update(POST, where(POST, "id", 3), Writes.of(POST).relation("categories",
                delete(where(POST_CATEGORY, "postId", 3, "categoryId", 1))));
        assertThat(db.rows(filed)).containsExactly("p3|tech");
    }

    // ------------------------------------------------------------------------ compound foreign key

    @Test
    void aCompoundForeignKeyRelatesAndReleasesItems() {
        db.sql("INSERT INTO \"Item\" (sku) VALUES ('loose')");

        db.create(SHELF, Writes.of(SHELF).set("aisle", "A").set("number", 1).set("label", "tools").relation("items",
                create(Writes.of(ITEM).set("sku", "hammer"), Writes.of(ITEM).set("sku", "saw")),
                connect(where(ITEM, "sku", "loose"))));
        assertThat(db.rows(ITEMS)).containsExactly("loose|A|1", "hammer|A|1", "saw|A|1");

        db.update(SHELF, where(SHELF, "aisle", "A", "number", 1), Writes.of(SHELF).relation("items",
                disconnect(where(ITEM, "sku", "loose")),
                update(where(ITEM, "sku", "saw"), Writes.of(ITEM).set("sku", "saw 2")),
                upsert(where(ITEM, "sku", "drill"), Writes.of(ITEM).set("sku", "drill"), Writes.of(ITEM).set("sku", "no"))));
        assertThat(db.rows(ITEMS)).containsExactly("loose|null|null", "hammer|A|1", "saw 2|A|1", "drill|A|1");

        db.update(SHELF, where(SHELF, "aisle", "A", "number", 1), Writes.of(SHELF).relation("items",
                updateMany(startsWith(ITEM, "sku", "saw"), Writes.of(ITEM).set("sku", "saw 3")),
                delete(where(ITEM, "sku", "hammer")),
                set(where(ITEM, "sku", "loose"), where(ITEM, "sku", "drill"))));
        assertThat(db.rows(ITEMS)).containsExactly("loose|A|1", "saw 3|null|null", "drill|A|1");

        db.update(SHELF, where(SHELF, "aisle", "A", "number", 1), Writes.of(SHELF).relation("items",
                deleteMany(Filter.ALL)));
        assertThat(db.rows(ITEMS)).containsExactly("saw 3|null|null");
    }
}
