package dev.refract.r2dbc.suite.relations.client;

import static dev.refract.r2dbc.suite.relations.client.RelationsClientDatabase.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.relations.db.PostCreate;
import com.example.relations.db.RefractClient;
import com.example.relations.db.TagCreate;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * A nested write through the generated client happens whole or not at all: one that fails half-way
 * leaves every table it touched as it was, and its error is typed and names the relation that
 * failed; so does a {@code createMany}, which skips duplicates only. (A nested write across datasources cannot be written with this schema, whose models
 * share one datasource.)
 */
@RelationalSuite
class NestedWriteAtomicityIT {

    private static RelationsClientDatabase database;
    private static RefractClient db;

    @BeforeAll
    static void open(SuiteDatabase server) {
        database = RelationsClientDatabase.open(server);
        db = database.client();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** Users 1 ada and 2 bob, bob with profile 1; post 1 p1 by ada tagged java (tag 1); ada follows bob. */
    @BeforeEach
    void arrange() {
        database.empty();
        database.sql("INSERT INTO \"User\" (email, name) VALUES ('ada@x', 'Ada'), ('bob@x', 'Bob')",
                "INSERT INTO \"Profile\" (bio, \"userId\") VALUES ('bob bio', 2)",
                "INSERT INTO \"Post\" (title, \"authorId\") VALUES ('p1', 1)",
                "INSERT INTO \"Tag\" (name) VALUES ('java')",
                "INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (1, 1)",
                "INSERT INTO \"_Follows\" (\"A\", \"B\") VALUES (2, 1)");
        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
    }

    private static final List<String> ARRANGED = List.of("User=2", "Profile=1", "Post=1", "Tag=1", "Category=0",
            "PostCategory=0", "Comment=0", "Shelf=0", "Item=0", "_PostToTag=1", "_Follows=1");

    private static List<String> users() {
        return db.user().findMany(q -> q.orderBy(o -> o.id().asc())).map(u -> u.id() + "|" + u.name()).collectList()
                .block(WAIT);
    }

    private static List<String> posts() {
        return db.post().findMany(q -> q.orderBy(o -> o.id().asc()).include(i -> i.tags()))
                .map(p -> p.id() + "|" + p.title() + "|" + p.authorId() + "|"
                        + p.tags().get().stream().map(t -> t.name()).toList())
                .collectList().block(WAIT);
    }

    // ------------------------------------------------------------------ many rows in one statement

    @Test
    void skipDuplicatesSkipsOnlyDuplicatesAndAMissingRelatedRecordUndoesTheWholeInsert() {
        StepVerifier.create(db.tag().createMany(List.of(new TagCreate().name("java"), new TagCreate().name("go")), true))
                .expectNext(1L)
                .verifyComplete();
        assertThat(db.tag().findMany(q -> q.orderBy(o -> o.name().asc())).map(t -> t.name()).collectList().block(WAIT))
                .containsExactly("go", "java");

        StepVerifier.create(db.post().createMany(List.of(new PostCreate().title("kept?").authorId(1),
                        new PostCreate().title("orphan").authorId(99)), true))
                .expectError(ForeignKeyViolationException.class)
                .verify(WAIT);
        assertThat(posts()).as("neither post was stored").containsExactly("1|p1|1|[java]");
    }

    // ------------------------------------------------------------------ creates that fail half-way

    @Test
    void aCreateWhoseThirdNestedCommentConnectsAMissingAuthorStoresNothing() {
        assertThatThrownBy(() -> db.user().create(c -> c.email("cy@x").name("Cy")
                .profile(p -> p.create(pc -> pc.bio("cy bio")))
                .following(f -> f.connect(w -> w.id(1)))
                .posts(p -> p.create(pc -> pc.title("cy-1").tags(t -> t.create(tc -> tc.name("sql"))))
                        .create(pc -> pc.title("cy-2").comments(cm -> cm
                                .create(cc -> cc.body("one").authorId(1))
                                .create(cc -> cc.body("two").authorId(2))
                                .create(cc -> cc.body("three").author(a -> a.connect(w -> w.id(99)))))))).block(WAIT))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("User"))
                .hasMessageContaining("Comment.author")
                .hasMessageContaining("connect");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
        assertThat(users()).containsExactly("1|Ada", "2|Bob");
    }

    @Test
    void aCreateWhoseThirdPostConnectsAMissingTagStoresNothing() {
        assertThatThrownBy(() -> db.user().create(c -> c.email("cy@x").name("Cy").posts(p -> p
                .create(pc -> pc.title("cy-1").tags(t -> t.connect(w -> w.name("java"))))
                .create(pc -> pc.title("cy-2").tags(t -> t.create(tc -> tc.name("sql"))))
                .create(pc -> pc.title("cy-3").tags(t -> t.connect(w -> w.name("cobol")))))).block(WAIT))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("Tag"))
                .hasMessageContaining("Post.tags")
                .hasMessageContaining("connect");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
        assertThat(posts()).containsExactly("1|p1|1|[java]");
    }

    @Test
    void aCreateWhoseThirdNestedTagBreaksAUniqueKeyStoresNothing() {
        assertThatThrownBy(() -> db.post().create(c -> c.title("p2").authorId(2).tags(t -> t
                .create(tc -> tc.name("a"))
                .create(tc -> tc.name("b"))
                .create(tc -> tc.name("java")))).block(WAIT))
                .isInstanceOfSatisfying(UniqueConstraintViolationException.class,
                        e -> assertThat(e.model()).isEqualTo("Tag"))
                .hasMessageContaining("(name) of Tag")
                .hasMessageContaining("in the nested writes of Post.tags");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
    }

    @Test
    void aNestedCreateManyWithADuplicateStoresNothingUnlessAskedToSkipIt() {
        assertThatThrownBy(() -> db.post().update(w -> w.id(1), d -> d.title("changed").tags(t -> t
                .createMany(List.of(new TagCreate().name("sql"), new TagCreate().name("java"))))).block(WAIT))
                .isInstanceOf(UniqueConstraintViolationException.class)
                .hasMessageContaining("Post.tags");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
        assertThat(posts()).containsExactly("1|p1|1|[java]");
    }

    @Test
    void aUniqueKeyBrokenTwoLevelsDownNamesTheInnermostRelation() {
        assertThatThrownBy(() -> db.user().create(c -> c.email("cy@x").name("Cy").posts(p -> p
                .create(pc -> pc.title("cy-1"))
                .create(pc -> pc.title("cy-2").editor(e -> e.create(uc -> uc.email("ada@x").name("Ada 2")))))).block(WAIT))
                .isInstanceOfSatisfying(UniqueConstraintViolationException.class,
                        e -> assertThat(e.model()).isEqualTo("User"))
                .hasMessageContaining("(email) of User")
                .hasMessageContaining("in the nested writes of Post.editor")
                .hasMessageNotContaining("User.posts");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
    }

    // ---------------------------------------------------------------- updates that fail half-way

    @Test
    void anUpdateThatFailsAfterEarlierNestedChangesRollsThemAllBack() {
        assertThatThrownBy(() -> db.user().update(w -> w.id(1), d -> d.name("Changed")
                .profile(p -> p.create(pc -> pc.bio("ada bio")))
                .following(f -> f.disconnect(w -> w.id(2)).connect(w -> w.id(1)))
                .posts(p -> p.update(w -> w.id(1), u -> u.title("p1 revised").tags(t -> t.setNone()))
                        .create(pc -> pc.title("p2"))
                        .delete(w -> w.id(42)))).block(WAIT))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("Post"))
                .hasMessageContaining("User.posts")
                .hasMessageContaining("nested delete");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
        assertThat(users()).containsExactly("1|Ada", "2|Bob");
        assertThat(posts()).containsExactly("1|p1|1|[java]");
        assertThat(database.rows("SELECT \"A\", \"B\" FROM \"_Follows\"")).containsExactly("2|1");
    }

    @Test
    void anUpdateWhoseLastNestedCreateBreaksAUniqueKeyRollsBackTheEarlierOnes() {
        assertThatThrownBy(() -> db.post().update(w -> w.id(1), d -> d.title("p1 revised").views().increment(5)
                .author(a -> a.update(u -> u.name("Ada L")))
                .tags(t -> t.create(tc -> tc.name("go")).disconnect(w -> w.name("java")).create(tc -> tc.name("java"))))
                .block(WAIT))
                .isInstanceOf(UniqueConstraintViolationException.class)
                .hasMessageContaining("Post.tags");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
        assertThat(users()).containsExactly("1|Ada", "2|Bob");
        assertThat(db.post().findUnique(q -> q.where(w -> w.id(1))).map(p -> p.title() + "|" + p.views()).block(WAIT))
                .isEqualTo("p1|0");
    }

    // ------------------------------------------------------------------------------------ errors

    @Test
    void connectOfAMissingRecordIsARecordNotFoundNamingTheRelation() {
        assertThatThrownBy(() -> db.post().update(w -> w.id(1), d -> d.tags(t -> t.connect(w -> w.name("cobol"))))
                .block(WAIT))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("Tag"))
                .hasMessageContaining("Post.tags");
        assertThatThrownBy(() -> db.post().update(w -> w.id(1), d -> d.author(a -> a.connect(w -> w.email("nobody@x"))))
                .block(WAIT))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("User"))
                .hasMessageContaining("Post.author");
        assertThatThrownBy(() -> db.user().update(w -> w.id(1), d -> d.profile(p -> p.connect(w -> w.id(7)))).block(WAIT))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("Profile"))
                .hasMessageContaining("User.profile");
        assertThatThrownBy(() -> db.post().create(c -> c.title("p2").author(a -> a.connect(w -> w.id(9)))).block(WAIT))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Post.author");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
    }

    @Test
    void disconnectOfARequiredRelationIsAnInvalidQueryNamingTheRelationAndItsKey() {
        // Post.author is required: its update builder has no disconnect() to call
        assertThatThrownBy(() -> db.user().update(w -> w.id(1), d -> d.posts(p -> p.disconnect(w -> w.id(1)))).block(WAIT))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.model()).isEqualTo("User");
                    assertThat(e.fields()).containsExactly("posts");
                })
                .hasMessageContaining("User.posts")
                .hasMessageContaining("Post.authorId");
        assertThatThrownBy(() -> db.user().update(w -> w.id(1), d -> d.posts(p -> p.setNone())).block(WAIT))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.posts");
        assertThatThrownBy(() -> db.user().update(w -> w.id(2), d -> d.name("Robert").profile(p -> p.disconnect()))
                .block(WAIT))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.profile")
                .hasMessageContaining("Profile.userId");

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
        assertThat(users()).containsExactly("1|Ada", "2|Bob");
    }

    @Test
    void aNestedUpdateOfAMissingParentIsARecordNotFoundOfTheParent() {
        assertThatThrownBy(() -> db.user().update(w -> w.id(7), d -> d.posts(p -> p.create(pc -> pc.title("orphan"))))
                .block(WAIT))
                .isInstanceOfSatisfying(RecordNotFoundException.class, e -> assertThat(e.model()).isEqualTo("User"));

        assertThat(database.tableCounts()).containsExactlyElementsOf(ARRANGED);
    }
}
