package dev.refract.r2dbc.suite.relations.nested;

import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.ITEM;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.POST;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.PROFILE;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.SHELF;
import static dev.refract.r2dbc.suite.relations.nested.RelationsDatabase.USER;
import static dev.refract.r2dbc.suite.relations.nested.Writes.connect;
import static dev.refract.r2dbc.suite.relations.nested.Writes.connectOrCreate;
import static dev.refract.r2dbc.suite.relations.nested.Writes.create;
import static dev.refract.r2dbc.suite.relations.nested.Writes.delete;
import static dev.refract.r2dbc.suite.relations.nested.Writes.disconnect;
import static dev.refract.r2dbc.suite.relations.nested.Writes.field;
import static dev.refract.r2dbc.suite.relations.nested.Writes.update;
import static dev.refract.r2dbc.suite.relations.nested.Writes.upsert;
import static dev.refract.r2dbc.suite.relations.nested.Writes.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.query.Filter;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nested writes through to-one relations: the record's own foreign key (Post.author required,
 * Post.editor optional, Profile.user one-to-one, Item.shelf compound, User.manager a self relation)
 * and the other side's (User.profile).
 */
@RelationalSuite
class ToOneNestedWritesIT {

    private static final String POSTS = "SELECT id, title, \"authorId\", \"editorId\" FROM \"Post\" ORDER BY id";
    private static final String USERS = "SELECT id, email, name, \"managerId\" FROM \"User\" ORDER BY id";
    private static final String PROFILES = "SELECT id, bio, \"userId\" FROM \"Profile\" ORDER BY id";

    private static RelationsDatabase db;

    @BeforeAll
    static void open(SuiteDatabase server) {
        db = RelationsDatabase.open(server);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Users 1 (ada) and 2 (bob); bob has profile 1 and wrote post 1. */
    @BeforeEach
    void arrange() {
        db.empty();
        db.sql("INSERT INTO \"User\" (email, name) VALUES ('ada@x', 'Ada'), ('bob@x', 'Bob')",
                "INSERT INTO \"Profile\" (bio, \"userId\") VALUES ('bob bio', 2)",
                "INSERT INTO \"Post\" (title, \"authorId\") VALUES ('bob-1', 2)");
    }

    // ------------------------------------------------------------------ foreign key on the record

    @Test
    void createWritesTheTargetFirstAndPointsTheRecordAtIt() {
        Row post = db.create(POST, Writes.of(POST).set("title", "by cy")
                .relation("author", create(Writes.of(USER).set("email", "cy@x").set("name", "Cy")))
                .relation("editor", connect(where(USER, "email", "ada@x"))));

        assertThat(post.get(field(POST, "authorId"))).isEqualTo(3);
        assertThat(db.rows(USERS)).containsExactly("1|ada@x|Ada|null", "2|bob@x|Bob|null", "3|cy@x|Cy|null");
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null", "2|by cy|3|1");
    }

    @Test
    void connectOrCreateConnectsAnExistingTargetOrCreatesIt() {
        db.create(POST, Writes.of(POST).set("title", "a").relation("author",
                connectOrCreate(where(USER, "email", "ada@x"), Writes.of(USER).set("email", "ada@x").set("name", "no"))));
        db.create(POST, Writes.of(POST).set("title", "b").relation("author",
                connectOrCreate(where(USER, "email", "dee@x"), Writes.of(USER).set("email", "dee@x").set("name", "Dee"))));

        assertThat(db.rows(USERS)).containsExactly("1|ada@x|Ada|null", "2|bob@x|Bob|null", "3|dee@x|Dee|null");
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null", "2|a|1|null", "3|b|3|null");
    }

    @Test
    void updateConnectMovesTheRecordToAnotherTarget() {
        db.update(POST, where(POST, "id", 1), Writes.of(POST).set("title", "now ada's")
                .relation("author", connect(where(USER, "id", 1))));

        assertThat(db.rows(POSTS)).containsExactly("1|now ada's|1|null");
    }

    @Test
    void nestedUpdateAndUpsertActOnTheTargetTheRecordPointsAt() {
        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("author",
                update(Filter.ALL, Writes.of(USER).set("name", "Robert"))));
        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("editor",
                upsert(Filter.ALL, Writes.of(USER).set("email", "ed@x").set("name", "Ed"),
                        Writes.of(USER).set("name", "not updated"))));
        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("editor",
                upsert(Filter.ALL, Writes.of(USER).set("email", "no@x").set("name", "not created"),
                        Writes.of(USER).set("name", "Edward"))));

        assertThat(db.rows(USERS)).containsExactly("1|ada@x|Ada|null", "2|bob@x|Robert|null", "3|ed@x|Edward|null");
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|3");
    }

    @Test
    void nestedUpdateOfATargetThatDoesNotMeetItsConditionFindsNothingRelated() {
        assertThatThrownBy(() -> db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("author",
                update(where(USER, "name", "Someone else"), Writes.of(USER).set("name", "x")))))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Post.author");
        assertThatThrownBy(() -> db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("editor",
                update(Filter.ALL, Writes.of(USER).set("name", "x")))))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Post.editor");
        assertThat(db.rows(USERS)).containsExactly("1|ada@x|Ada|null", "2|bob@x|Bob|null");
    }

    @Test
    void disconnectAndDeleteOfAnOptionalTargetClearTheForeignKey() {
        db.sql("INSERT INTO \"User\" (email, name) VALUES ('ed@x', 'Ed')", "UPDATE \"Post\" SET \"editorId\" = 1");

        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("editor", disconnect(Filter.ALL)));
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null");

        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("editor",
                connect(where(USER, "id", 3))));
        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("editor", delete(Filter.ALL)));
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null");
        assertThat(db.rows(USERS)).containsExactly("1|ada@x|Ada|null", "2|bob@x|Bob|null");
    }

    @Test
    void disconnectWithAConditionKeepsATargetThatDoesNotMeetIt() {
        db.sql("UPDATE \"Post\" SET \"editorId\" = 1");

        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("editor", disconnect(where(USER, "name", "Bob"))));
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|1");

        db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("editor", disconnect(where(USER, "name", "Ada"))));
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null");
    }

    @Test
    void disconnectAndDeleteOfARequiredTargetAreRefusedNamingTheRelation() {
        assertThatThrownBy(() -> db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("author",
                disconnect(Filter.ALL))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Post.author")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> db.update(POST, where(POST, "id", 1), Writes.of(POST).relation("author",
                delete(Filter.ALL))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Post.author");
        assertThat(db.rows(POSTS)).containsExactly("1|bob-1|2|null");
    }

    @Test
    void aSelfRelationConnectsAndDisconnectsTheManager() {
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("manager", connect(where(USER, "id", 2))));
        assertThat(db.rows(USERS)).containsExactly("1|ada@x|Ada|2", "2|bob@x|Bob|null");

        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("manager", disconnect(Filter.ALL)));
        assertThat(db.rows(USERS)).containsExactly("1|ada@x|Ada|null", "2|bob@x|Bob|null");
    }

    @Test
    void aCompoundForeignKeyIsSetAndClearedWhole() {
        db.sql("INSERT INTO \"Shelf\" (aisle, number, label) VALUES ('B', 2, 'bulbs')");

        db.create(ITEM, Writes.of(ITEM).set("sku", "lamp").relation("shelf", connect(where(SHELF, "aisle", "B", "number", 2))));
        db.create(ITEM, Writes.of(ITEM).set("sku", "fuse").relation("shelf",
                create(Writes.of(SHELF).set("aisle", "C").set("number", 7).set("label", "fuses"))));
        assertThat(db.rows("SELECT sku, \"shelfAisle\", \"shelfNumber\" FROM \"Item\" ORDER BY id"))
                .containsExactly("lamp|B|2", "fuse|C|7");

        db.update(ITEM, where(ITEM, "sku", "lamp"), Writes.of(ITEM).relation("shelf", disconnect(Filter.ALL)));
        assertThat(db.rows("SELECT sku, \"shelfAisle\", \"shelfNumber\" FROM \"Item\" ORDER BY id"))
                .containsExactly("lamp|null|null", "fuse|C|7");
    }

    // ---------------------------------------------------------------------------- one-to-one

    @Test
    void aProfileIsCreatedWithItsUser() {
        Row profile = db.create(PROFILE, Writes.of(PROFILE).set("bio", "cy bio")
                .relation("user", create(Writes.of(USER).set("email", "cy@x").set("name", "Cy"))));

        assertThat(profile.get(field(PROFILE, "userId"))).isEqualTo(3);
        assertThat(db.rows(PROFILES)).containsExactly("1|bob bio|2", "2|cy bio|3");
    }

    @Test
    void connectingAUserThatAnotherProfileHoldsIsRefusedAsTheProfileNeedsItsUser() {
        assertThatThrownBy(() -> db.create(PROFILE, Writes.of(PROFILE).set("bio", "thief")
                .relation("user", connect(where(USER, "id", 2)))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Profile.user")
                .hasMessageContaining("required");
        assertThat(db.rows(PROFILES)).containsExactly("1|bob bio|2");
    }

    @Test
    void aUserIsCreatedWithItsProfile() {
        db.create(USER, Writes.of(USER).set("email", "cy@x").set("name", "Cy")
                .relation("profile", create(Writes.of(PROFILE).set("bio", "cy bio"))));

        assertThat(db.rows(PROFILES)).containsExactly("1|bob bio|2", "2|cy bio|3");
    }

    @Test
    void connectMovesAProfileFromAnotherUser() {
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("profile", connect(where(PROFILE, "id", 1))));

        assertThat(db.rows(PROFILES)).containsExactly("1|bob bio|1");
    }

    @Test
    void connectOrCreateGivesAUserWithoutAProfileANewOne() {
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("profile",
                connectOrCreate(where(PROFILE, "id", 9), Writes.of(PROFILE).set("bio", "ada bio"))));

        assertThat(db.rows(PROFILES)).containsExactly("1|bob bio|2", "2|ada bio|1");
    }

    @Test
    void replacingAProfileThatCannotLoseItsUserIsRefused() {
        assertThatThrownBy(() -> db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("profile",
                create(Writes.of(PROFILE).set("bio", "second")))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.profile");
        assertThatThrownBy(() -> db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("profile",
                disconnect(Filter.ALL))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.profile");
        assertThat(db.rows(PROFILES)).containsExactly("1|bob bio|2");
    }

    @Test
    void updateUpsertAndDeleteReachTheProfileOfTheUser() {
        db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("profile",
                update(Filter.ALL, Writes.of(PROFILE).set("bio", "bob bio 2"))));
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("profile",
                upsert(Filter.ALL, Writes.of(PROFILE).set("bio", "ada bio"), Writes.of(PROFILE).set("bio", "no"))));
        db.update(USER, where(USER, "id", 1), Writes.of(USER).relation("profile",
                upsert(Filter.ALL, Writes.of(PROFILE).set("bio", "no"), Writes.of(PROFILE).set("bio", "ada bio 2"))));
        assertThat(db.rows(PROFILES)).containsExactly("1|bob bio 2|2", "2|ada bio 2|1");

        db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("profile", delete(Filter.ALL)));
        assertThat(db.rows(PROFILES)).containsExactly("2|ada bio 2|1");
        assertThatThrownBy(() -> db.update(USER, where(USER, "id", 2), Writes.of(USER).relation("profile",
                delete(Filter.ALL))))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("User.profile");
    }
}
