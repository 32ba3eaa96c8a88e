package dev.refract.r2dbc.suite.relations.nested;

import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.COMMENT;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.POST;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.USER;
import static dev.refract.r2dbc.suite.relations.nested.Writes.connect;
import static dev.refract.r2dbc.suite.relations.nested.Writes.connectOrCreate;
import static dev.refract.r2dbc.suite.relations.nested.Writes.create;
import static dev.refract.r2dbc.suite.relations.nested.Writes.createMany;
import static dev.refract.r2dbc.suite.relations.nested.Writes.delete;
import static dev.refract.r2dbc.suite.relations.nested.Writes.deleteMany;
import static dev.refract.r2dbc.suite.relations.nested.Writes.disconnect;
import static dev.refract.r2dbc.suite.relations.nested.Writes.field;
import static dev.refract.r2dbc.suite.relations.nested.Writes.set;
import static dev.refract.r2dbc.suite.relations.nested.Writes.startsWith;
import static dev.refract.r2dbc.suite.relations.nested.Writes.update;
import static dev.refract.r2dbc.suite.relations.nested.Writes.updateMany;
import static dev.refract.r2dbc.suite.relations.nested.Writes.upsert;
import static dev.refract.r2dbc.suite.relations.nested.Writes.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.RecordNotFoundException;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Row;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nested writes through to-many relations whose foreign key the related records hold: User.posts
 * (required key), User.edited (optional key) and Post.comments, nested two levels deep.
 */
@RelationalSuite
class ToManyNestedWritesIT {

    private static final String POSTS = "SELECT id, title, \"authorId\", \"editorId\", views FROM \"Post\" ORDER BY id";

    private static RelationsDatabase db;

    @BeforeAll
    static void open(SuiteDatabase server) {
        db = RelationsDatabase.open(server);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Users 1 (ada) and 2 (bob); bob wrote posts 1 and 2. */
    @BeforeEach
    void arrange() {
        db.empty();
        db.sql("INSERT INTO \"User\" (email, name) VALUES ('ada@x', 'Ada'), ('bob@x', 'Bob')",
                "INSERT INTO \"Post\" (title, \"authorId\") VALUES ('bob-1', 2), ('bob-2', 2)");
    }

    @Test
    void createWritesAUserWithPostsWithCommentsSettingEveryForeignKeyFromItsParent() {
        Row user = db.create(USER, Writes.of(USER).set("email", "cy@x").set("name", "Cy").relation("posts",
                create(Writes.of(POST).set("title", "cy-1").relation("comments",
                                create(Writes.of(COMMENT).set("body", "first").relation("author", connect(where(USER, "id", 2))),
                                        Writes.of(COMMENT).set("body", "second").set("authorId", 1))),
                        Writes.of(POST).set("title", "cy-2"))));

        assertThat(user.get(field(USER, "email"))).isEqualTo("cy@x");
        assertThat(user.get(field(USER, "id"))).isEqualTo(3);
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null|0", "2|bob-2|2|null|0", "3|cy-1|3|null|0",
                "4|cy-2|3|null|0");
        assertThat(db.rows("SELECT id, body, \"postId\", \"authorId\" FROM \"Comment\" ORDER BY id"))
                .containsExactly("1|first|3|2", "2|second|3|1");
        assertThat(db.rows("SELECT DISTINCT \"createdAt\" FROM \"Comment\" UNION SELECT \"createdAt\" FROM \"Post\""
                + " WHERE \"authorId\" = 3 UNION SELECT \"createdAt\" FROM \"User\" WHERE id = 3"))
                .as("every record of one nested write carries the instant read once").hasSize(1);
        Instant createdAt = (Instant) user.get(field(USER, "createdAt"));
        assertThat(createdAt).isNotNull();
    }

    @Test
    void createManyRelatesEveryRecordItInsertsAndSkipsDuplicatesWhenAsked() {
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("posts",
                createMany(false, Writes.of(POST).set("title", "ada-1"), Writes.of(POST).set("title", "ada-2").set("views", 5))));
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("posts",
                createMany(true, Writes.of(POST).set("id", 3).set("title", "duplicate"), Writes.of(POST).set("title", "ada-3"))));

        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null|0", "2|bob-2|2|null|0", "3|ada-1|1|null|0",
                "4|ada-2|1|null|5", "5|ada-3|1|null|0");
    }

    @Test
    void connectMovesExistingRecordsToTheParentAndConnectOrCreateCreatesTheMissingOnes() {
        Row ada = db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("posts",
                connect(where(POST, "id", 1)),
                connectOrCreate(where(POST, "id", 2), Writes.of(POST).set("title", "not created")),
                connectOrCreate(where(POST, "id", 40), Writes.of(POST).set("title", "ada-new"))));

        assertThat(ada.get(field(USER, "name"))).isEqualTo("Ada");
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|1|null|0", "2|bob-2|1|null|0", "3|ada-new|1|null|0");
    }

    @Test
    void setReplacesTheRelatedRecordsAndDisconnectClearsTheirOptionalKey() {
        db.sql("UPDATE \"Post\" SET \"editorId\" = 1 WHERE id = 1");

        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("edited", set(where(POST, "id", 2))));
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null|0", "2|bob-2|2|1|0");

        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("edited", set()));
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null|0", "2|bob-2|2|null|0");

        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("edited",
                connect(where(POST, "id", 1), where(POST, "id", 2)), disconnect(where(POST, "id", 2))));
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|1|0", "2|bob-2|2|null|0");
    }

    @Test
    void disconnectOfARecordNotRelatedLeavesItAlone() {
        db.sql("UPDATE \"Post\" SET \"editorId\" = 2 WHERE id = 1");

        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("edited", disconnect(where(POST, "id", 1))));

        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|2|0", "2|bob-2|2|null|0");
    }

    @Test
    void updateAndUpdateManyChangeOnlyTheRecordsRelatedToTheParent() {
        db.sql("INSERT INTO \"Post\" (title, \"authorId\") VALUES ('ada-1', 1)");

        db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("posts",
                update(where(POST, "id", 1), Writes.of(POST).set("title", "bob-1 revised")),
                updateMany(startsWith(POST, "title", ""), Writes.of(POST).increment("views", 10))));

        assertThat(db.rows(POSTS)).containsExactly("1|bob-1 revised|2|null|10", "2|bob-2|2|null|10",
                "3|ada-1|1|null|0");
        assertThatThrownBy(() -> db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("posts",
                update(where(POST, "id", 3), Writes.of(POST).set("title", "stolen")))))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("User.posts")
                .hasMessageContaining("nested update");
        assertThat(db.rows(POSTS)).contains("3|ada-1|1|null|0");
    }

    @Test
    void upsertUpdatesTheRelatedRecordOrCreatesItRelated() {
        db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("posts",
                upsert(where(POST, "id", 1), Writes.of(POST).set("title", "not created"),
                        Writes.of(POST).set("title", "bob-1 upserted")),
                upsert(where(POST, "id", 9), Writes.of(POST).set("title", "bob-3"),
                        Writes.of(POST).set("title", "not updated"))));

        assertThat(db.rows(POSTS)).containsExactly("1|bob-1 upserted|2|null|0", "2|bob-2|2|null|0",
                "3|bob-3|2|null|0");
    }

    @Test
    void deleteAndDeleteManyRemoveOnlyRecordsRelatedToTheParent() {
        db.sql("INSERT INTO \"Comment\" (body, likes, \"postId\", \"authorId\") VALUES ('a', 0, 1, 1), ('b', 3, 1, 1),"
                + " ('c', 0, 2, 1), ('d', 0, 1, 2)");

        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("comments",
                deleteMany(where(COMMENT, "likes", 0)), delete(where(COMMENT, "id", 2))));

        assertThat(db.rows("SELECT id, body, \"postId\" FROM \"Comment\" ORDER BY id")).containsExactly("3|c|2");
        assertThatThrownBy(() -> db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("comments",
                delete(where(COMMENT, "id", 3)))))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Post.comments")
                .hasMessageContaining("nested delete");
        assertThat(db.rows("SELECT id FROM \"Comment\"")).containsExactly("3");
    }

    @Test
    void nestedWritesInsideANestedUpdateReachTheGrandchildren() {
        db.sql("INSERT INTO \"Comment\" (body, \"postId\", \"authorId\") VALUES ('old', 1, 1)");

        db.update(USER, where(USER, "id", 2), Writes.of(USER).set("name", "Robert").relation("posts",
                update(where(POST, "id", 1), Writes.of(POST).relation("comments",
                        update(where(COMMENT, "id", 1), Writes.of(COMMENT).set("body", "edited")),
                        create(Writes.of(COMMENT).set("body", "new").set("authorId", 2))))));

        assertThat(db.rows("SELECT name FROM \"User\" WHERE id = 2")).containsExactly("Robert");
        assertThat(db.rows("SELECT id, body, \"postId\", \"authorId\" FROM \"Comment\" ORDER BY id"))
                .containsExactly("1|edited|1|1", "2|new|1|2");
    }
}
