package dev.refract.r2dbc.suite.relations.nested;

import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.COMMENT;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.POST;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.TAG;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.USER;
import static dev.refract.r2dbc.suite.relations.nested.Writes.connect;
import static dev.refract.r2dbc.suite.relations.nested.Writes.create;
import static dev.refract.r2dbc.suite.relations.nested.Writes.delete;
import static dev.refract.r2dbc.suite.relations.nested.Writes.disconnect;
import static dev.refract.r2dbc.suite.relations.nested.Writes.field;
import static dev.refract.r2dbc.suite.relations.nested.Writes.set;
import static dev.refract.r2dbc.suite.relations.nested.Writes.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A nested write happens whole or not at all: one that fails half-way leaves no row behind in any
 * table, and its errors are typed and name the relation.
 */
@RelationalSuite
class NestedWriteAtomicityIT {

    private static RelationsDatabase db;

    @BeforeAll
    static void open(SuiteDatabase server) {
        db = RelationsDatabase.open(server);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** User 1 (ada) with post 1 tagged java (tag 1). */
    @BeforeEach
    void arrange() {
        db.empty();
        db.sql("INSERT INTO \"User\" (email, name) VALUES ('ada@x', 'Ada')",
                "INSERT INTO \"Post\" (title, \"authorId\") VALUES ('p1', 1)",
                "INSERT INTO \"Tag\" (name) VALUES ('java')",
                "INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (1, 1)");
    }

    private static final List<String> ARRANGED = List.of("User=1", "Profile=0", "Post=1", "Tag=1", "Category=0",
            "PostCategory=0", "Comment=0", "Shelf=0", "Item=0", "_PostToTag=1", "_Follows=0");

    @Test
    void aNestedCreateWhoseThirdCommentConnectsAMissingAuthorStoresNothing() {
        Writes user = Writes.of(USER).set("email", "bob@x").set("name", "Bob").relation("posts",
                create(Writes.of(POST).set("title", "b1").relation("tags", create(Writes.of(TAG).set("name", "sql"))),
                        Writes.of(POST).set("title", "b2").relation("comments", create(
                                Writes.of(COMMENT).set("body", "one").set("authorId", 1),
                                Writes.of(COMMENT).set("body", "two").set("authorId", 1),
                                Writes.of(COMMENT).set("body", "three").relation("author", connect(where(USER, "id", 99)))))));

        assertThatThrownBy(() -> db.create(USER, user))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("User"))
                .hasMessageContaining("Comment.author")
                .hasMessageContaining("connect");
        assertThat(db.counts()).containsExactlyElementsOf(ARRANGED);
    }

    @Test
    void aNestedCreateWhoseThirdTagViolatesAUniqueKeyStoresNothing() {
        Writes post = Writes.of(POST).set("title", "p2").set("authorId", 1).relation("tags",
                create(Writes.of(TAG).set("name", "a"), Writes.of(TAG).set("name", "b"), Writes.of(TAG).set("name", "java")));

        assertThatThrownBy(() -> db.create(POST, post)).isInstanceOf(UniqueConstraintViolationException.class);
        assertThat(db.counts()).containsExactlyElementsOf(ARRANGED);
    }

    @Test
    void aNestedUpdateThatFailsLeavesTheRecordAndItsRelationsAsTheyWere() {
        assertThatThrownBy(() -> db.update(USER, where(USER, "id", 1), Writes.of(USER).set("name", "Changed")
                .relation("posts", create(Writes.of(POST).set("title", "p2")), delete(where(POST, "id", 42)))))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("User.posts");
        assertThat(db.rows("SELECT name FROM \"User\"")).containsExactly("Ada");
        assertThat(db.counts()).containsExactlyElementsOf(ARRANGED);
    }

    @Test
    void connectOfAMissingRecordIsARecordNotFoundNamingTheRelation() {
        assertThatThrownBy(() -> db.update(POST, where(POST, "id", 1), Writes.of(POST)
                .relation("tags", connect(where(TAG, "name", "cobol")))))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("Tag"))
                .hasMessageContaining("Post.tags")
                .hasMessageContaining("check the unique values");
    }

    @Test
    void disconnectOfARequiredRelationIsAnInvalidQueryNamingTheRelation() {
        assertThatThrownBy(() -> db.update(USER, where(USER, "id", 1), Writes.of(USER)
                .relation("posts", disconnect(where(POST, "id", 1)))))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.model()).isEqualTo("User");
                    assertThat(e.fields()).containsExactly("posts");
                })
                .hasMessageContaining("User.posts")
                .hasMessageContaining("Post.authorId");
        assertThatThrownBy(() -> db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("posts", set())))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.posts");
        assertThat(db.counts()).containsExactlyElementsOf(ARRANGED);
    }

    @Test
    void aNestedUpdateOfAMissingParentIsARecordNotFound() {
        assertThatThrownBy(() -> db.update(USER, where(USER, "id", 7), Writes.of(USER)
                .relation("posts", create(Writes.of(POST).set("title", "orphan")))))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("User"));
        assertThat(db.counts()).containsExactlyElementsOf(ARRANGED);
    }

    @Test
    void theResultIsTheParentReadBackWithTheCallersSelection() {
        Result result = db.execute(new Operation.Create(USER.index(), Writes.of(USER).set("email", "bob@x")
                .set("name", "Bob").relation("posts", create(Writes.of(POST).set("title", "b1"))).data(),
                new Selection(List.of(field(USER, "email")), List.of())));

        assertThat(result.rows()).hasSize(1);
        Row row = result.rows().get(0);
        assertThat(row.get(field(USER, "email"))).isEqualTo("bob@x");
        assertThat(row.get(field(USER, "name"))).isNull();
        assertThat(db.rows("SELECT title, \"authorId\" FROM \"Post\" ORDER BY id")).containsExactly("p1|1", "b1|2");
    }

    @Test
    void anUpsertWithNestedWritesCreatesOrUpdatesTheParentWithThem() {
        db.upsert(USER, where(USER, "email", "bob@x"),
                Writes.of(USER).set("email", "bob@x").set("name", "Bob").relation("posts",
                        create(Writes.of(POST).set("title", "b1"))),
                Writes.of(USER).set("name", "not updated"));
        db.upsert(USER, where(USER, "email", "ada@x"),
                Writes.of(USER).set("email", "ada@x").set("name", "not created"),
                Writes.of(USER).set("name", "Ada L").relation("posts", Writes.update(where(POST, "id", 1),
                        Writes.of(POST).set("title", "p1 revised"))));

        assertThat(db.rows("SELECT id, email, name FROM \"User\" ORDER BY id")).containsExactly("1|ada@x|Ada L",
                "2|bob@x|Bob");
        assertThat(db.rows("SELECT title, \"authorId\" FROM \"Post\" ORDER BY id")).containsExactly("p1 revised|1", "b1|2");
    }
}
