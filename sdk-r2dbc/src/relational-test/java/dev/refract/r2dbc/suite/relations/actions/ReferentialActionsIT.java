package dev.refract.r2dbc.suite.relations.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.Account;
import com.example.relations.db.CascadeNote;
import com.example.relations.db.Comment;
import com.example.relations.db.Item;
import com.example.relations.db.NoActionNote;
import com.example.relations.db.Post;
import com.example.relations.db.Profile;
import com.example.relations.db.RefractClient;
import com.example.relations.db.RefractClientMetadata;
import com.example.relations.db.RestrictNote;
import com.example.relations.db.SetNullNote;
import com.example.relations.db.Tag;
import com.example.relations.db.User;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * What the database does to related records when a record they point at is deleted or its key
 * changes, for each referential action of the relations test schema, driven through the generated
 * client: the account notes (one per action both databases carry out, on both onDelete and
 * onUpdate, keyed by the account's {@code code}), the actions of the publishing models, and the
 * compound key of items on shelves. A refused delete or key change is a
 * {@link ForeignKeyViolationException} that says which relation refused and what to do, and leaves
 * every record as it was.
 */
@RelationalSuite
class ReferentialActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RefractClient db;

    @BeforeAll
    static void pushAndConnect(SuiteDatabase server) {
        server.push(RefractClientMetadata.SCHEMA);
        db = RefractClient.builder().datasource("db", server.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    @BeforeEach
    void emptyTables() {
        db.cascadeNote().deleteMany().block(WAIT);
        db.restrictNote().deleteMany().block(WAIT);
        db.noActionNote().deleteMany().block(WAIT);
        db.setNullNote().deleteMany().block(WAIT);
        db.account().deleteMany().block(WAIT);
        db.item().deleteMany().block(WAIT);
        db.shelf().deleteMany().block(WAIT);
        db.tag().deleteMany().block(WAIT);
        db.user().deleteMany().block(WAIT);
    }

    private static void accounts(String... codes) {
        for (String code : codes) {
            db.account().create(c -> c.code(code)).block(WAIT);
        }
    }

    private static List<String> accountCodes() {
        return db.account().findMany(q -> q.orderBy(o -> o.code().asc())).map(Account::code).collectList().block(WAIT);
    }

    /** The values of {@code value} of every record of {@code records}, nulls included, in id order. */
    private static <T> List<String> each(Flux<T> records, Function<T, String> value) {
        return records.collectList().block(WAIT).stream().map(value).toList();
    }

    private static List<String> cascadeNotes() {
        return each(db.cascadeNote().findMany(q -> q.orderBy(o -> o.id().asc())), CascadeNote::accountCode);
    }

    private static List<String> restrictNotes() {
        return each(db.restrictNote().findMany(q -> q.orderBy(o -> o.id().asc())), RestrictNote::accountCode);
    }

    private static List<String> noActionNotes() {
        return each(db.noActionNote().findMany(q -> q.orderBy(o -> o.id().asc())), NoActionNote::accountCode);
    }

    private static List<String> setNullNotes() {
        return each(db.setNullNote().findMany(q -> q.orderBy(o -> o.id().asc())), SetNullNote::accountCode);
    }

    @Test
    void cascadeDeletesTheNotesWithTheirAccount() {
        accounts("A-1", "B-1");
        db.cascadeNote().create(c -> c.accountCode("A-1")).block(WAIT);
        db.cascadeNote().create(c -> c.accountCode("B-1")).block(WAIT);
        db.cascadeNote().create(c -> c.accountCode("A-1")).block(WAIT);

        StepVerifier.create(db.account().delete(w -> w.code("A-1")).map(Account::code)).expectNext("A-1")
                .verifyComplete();

        assertThat(cascadeNotes()).containsExactly("B-1");
        assertThat(accountCodes()).containsExactly("B-1");
    }

    @Test
    void cascadeCarriesTheNotesOverToTheAccountsNewCode() {
        accounts("A-1", "B-1");
        db.cascadeNote().create(c -> c.accountCode("A-1")).block(WAIT);
        db.cascadeNote().create(c -> c.accountCode("B-1")).block(WAIT);
        db.cascadeNote().create(c -> c.accountCode("A-1")).block(WAIT);

        StepVerifier.create(db.account().update(w -> w.code("A-1"), d -> d.code("A-2")).map(Account::code))
                .expectNext("A-2").verifyComplete();

        assertThat(cascadeNotes()).containsExactly("A-2", "B-1", "A-2");
    }

    @Test
    void restrictRefusesToDeleteAnAccountItsNotesPointAtAndChangesNothing() {
        accounts("A-1", "B-1");
        RestrictNote note = db.restrictNote().create(c -> c.accountCode("A-1")).block(WAIT);

        StepVerifier.create(db.account().delete(w -> w.code("A-1")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                            .hasMessageContaining("relation account of RestrictNote (accountCode -> Account.code")
                            .hasMessageContaining("RestrictNote records still point at this Account")
                            .hasMessageContaining("onDelete: Restrict, onUpdate: Restrict")
                            .hasMessageContaining("delete those RestrictNote records or point them at another"
                                    + " Account first");
                    ForeignKeyViolationException violation = (ForeignKeyViolationException) error;
                    assertThat(violation.model()).isEqualTo("RestrictNote");
                    assertThat(violation.fields()).containsExactly("accountCode");
                })
                .verify(WAIT);
        assertThat(accountCodes()).containsExactly("A-1", "B-1");
        assertThat(restrictNotes()).containsExactly("A-1");

        // Doing what the error says lets the delete through.
        db.restrictNote().update(w -> w.id(note.id()), d -> d.accountCode("B-1")).block(WAIT);
        StepVerifier.create(db.account().delete(w -> w.code("A-1")).map(Account::code)).expectNext("A-1")
                .verifyComplete();
        assertThat(restrictNotes()).containsExactly("B-1");
    }

    @Test
    void restrictRefusesToChangeTheCodeOfAnAccountItsNotesPointAt() {
        accounts("A-1");
        db.restrictNote().create(c -> c.accountCode("A-1")).block(WAIT);

        StepVerifier.create(db.account().update(w -> w.code("A-1"), d -> d.code("A-2")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                        .hasMessageContaining("relation account of RestrictNote")
                        .hasMessageContaining("forbid deleting it or changing its code while they do"))
                .verify(WAIT);

        assertThat(accountCodes()).containsExactly("A-1");
        assertThat(restrictNotes()).containsExactly("A-1");
    }

    @Test
    void noActionRefusesToDeleteOrReKeyAnAccountItsNotesPointAt() {
        accounts("A-1");
        db.noActionNote().create(c -> c.accountCode("A-1")).block(WAIT);

        StepVerifier.create(db.account().delete(w -> w.code("A-1")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                            .hasMessageContaining("relation account of NoActionNote")
                            .hasMessageContaining("onDelete: NoAction, onUpdate: NoAction")
                            .hasMessageContaining("delete those NoActionNote records or point them at another"
                                    + " Account first");
                    assertThat(((ForeignKeyViolationException) error).model()).isEqualTo("NoActionNote");
                })
                .verify(WAIT);
        StepVerifier.create(db.account().update(w -> w.code("A-1"), d -> d.code("A-2")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                        .hasMessageContaining("relation account of NoActionNote"))
                .verify(WAIT);

        assertThat(accountCodes()).containsExactly("A-1");
        assertThat(noActionNotes()).containsExactly("A-1");
    }

    @Test
    void setNullKeepsTheNotesOfADeletedAccountWithoutAnAccount() {
        accounts("A-1", "B-1");
        db.setNullNote().create(c -> c.accountCode("A-1")).block(WAIT);
        db.setNullNote().create(c -> c.accountCode("B-1")).block(WAIT);

        db.account().delete(w -> w.code("A-1")).block(WAIT);

        assertThat(setNullNotes()).containsExactly(null, "B-1");
    }

    @Test
    void setNullLeavesTheNotesBehindWhenTheirAccountChangesCode() {
        accounts("A-1", "B-1");
        db.setNullNote().create(c -> c.accountCode("A-1")).block(WAIT);
        db.setNullNote().create(c -> c.accountCode("B-1")).block(WAIT);

        db.account().update(w -> w.code("A-1"), d -> d.code("A-2")).block(WAIT);

        assertThat(setNullNotes()).containsExactly(null, "B-1");
        assertThat(accountCodes()).containsExactly("A-2", "B-1");
    }

    private static User user(String email, Integer managerId) {
        return db.user().create(c -> c.email(email).name(email.substring(0, email.indexOf('@'))).managerId(managerId))
                .block(WAIT);
    }

    private static Post post(String title, User author, User editor) {
        return db.post().create(c -> c.title(title).authorId(author.id()).editorId(editor == null ? null : editor.id()))
                .block(WAIT);
    }

    private static Comment comment(String body, Post post, User author, Comment parent) {
        return db.comment().create(c -> c.body(body).postId(post.id()).authorId(author.id())
                .parentId(parent == null ? null : parent.id())).block(WAIT);
    }

    @Test
    void deletingAUserDeletesTheirProfilePostsAndCommentsAndWhatHangsOnThem() {
        User ada = user("ada@example.com", null);
        User bob = user("bob@example.com", null);
        db.profile().create(c -> c.bio("Ada's").userId(ada.id())).block(WAIT);
        db.profile().create(c -> c.bio("Bob's").userId(bob.id())).block(WAIT);
        Post adas = post("Ada's post", ada, null);
        Post bobs = post("Bob's post", bob, null);
        comment("bob on ada's post", adas, bob, null);
        Comment adaOnBobs = comment("ada on bob's post", bobs, ada, null);
        comment("bob replies to ada", bobs, bob, adaOnBobs);
        comment("bob on his own post", bobs, bob, null);

        db.user().delete(w -> w.id(ada.id())).block(WAIT);

        assertThat(each(db.profile().findMany(), Profile::bio)).containsExactly("Bob's");
        assertThat(each(db.post().findMany(), Post::title)).containsExactly("Bob's post");
        // Ada's comment went with her, and the reply to it with its parent; Bob's comment on her post with the post.
        assertThat(each(db.comment().findMany(), Comment::body)).containsExactly("bob on his own post");
        assertThat(each(db.user().findMany(), User::email)).containsExactly("bob@example.com");
    }

    @Test
    void deletingAUserLeavesThePostsTheyEditedAndTheirReportsWithoutThem() {
        User ada = user("ada@example.com", null);
        User bob = user("bob@example.com", ada.id());
        user("cy@example.com", ada.id());
        Post edited = post("Edited by Ada", bob, ada);

        db.user().delete(w -> w.id(ada.id())).block(WAIT);

        Post after = db.post().findUniqueOrThrow(q -> q.where(w -> w.id(edited.id()))).block(WAIT);
        assertThat(after.editorId()).isNull();
        assertThat(after.authorId()).isEqualTo(bob.id());
        List<User> reports = db.user().findMany(q -> q.orderBy(o -> o.id().asc())).collectList().block(WAIT);
        assertThat(reports).extracting(User::email).containsExactly("bob@example.com", "cy@example.com");
        assertThat(reports).extracting(User::managerId).containsExactly(null, null);
    }

    @Test
    void deletingATagRemovesItsLinksToPostsAndNothingElse(SuiteDatabase server) {
        User ada = user("ada@example.com", null);
        Post first = post("First", ada, null);
        Post second = post("Second", ada, null);
        Tag java = db.tag().create(c -> c.name("java")).block(WAIT);
        Tag sql = db.tag().create(c -> c.name("sql")).block(WAIT);
        // Column A of an implicit many-to-many points at the model whose name sorts first: Post.
        server.sql("INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (" + first.id() + ", " + java.id() + "), ("
                + second.id() + ", " + java.id() + "), (" + first.id() + ", " + sql.id() + ")");

        db.tag().delete(w -> w.id(java.id())).block(WAIT);

        assertThat(pairs(server, "_PostToTag")).containsExactly(first.id() + "|" + sql.id());
        assertThat(each(db.tag().findMany(), Tag::name)).containsExactly("sql");
        assertThat(each(db.post().findMany(q -> q.orderBy(o -> o.id().asc())), Post::title))
                .containsExactly("First", "Second");
    }

    @Test
    void deletingAUserRemovesOnlyTheirFollows(SuiteDatabase server) {
        User ada = user("ada@example.com", null);
        User bob = user("bob@example.com", null);
        User cy = user("cy@example.com", null);
        server.sql("INSERT INTO \"_Follows\" (\"A\", \"B\") VALUES (" + ada.id() + ", " + bob.id() + "), ("
                + bob.id() + ", " + ada.id() + "), (" + bob.id() + ", " + cy.id() + ")");

        db.user().delete(w -> w.id(ada.id())).block(WAIT);

        assertThat(pairs(server, "_Follows")).containsExactly(bob.id() + "|" + cy.id());
        assertThat(each(db.user().findMany(q -> q.orderBy(o -> o.id().asc())), User::email))
                .containsExactly("bob@example.com", "cy@example.com");
    }

    @Test
    void itemsFollowTheirShelfsCompoundKeyAndLoseTheShelfWhenItGoes() {
        db.shelf().create(c -> c.aisle("A").number_(1).label("Bolts")).block(WAIT);
        db.shelf().create(c -> c.aisle("B").number_(1).label("Nuts")).block(WAIT);
        db.item().create(c -> c.sku("BOLT-6").shelfAisle("A").shelfNumber(1)).block(WAIT);
        db.item().create(c -> c.sku("NUT-6").shelfAisle("B").shelfNumber(1)).block(WAIT);

        db.shelf().update(w -> w.aisleNumber("A", 1), d -> d.number_(2)).block(WAIT);
        assertThat(each(db.item().findMany(q -> q.orderBy(o -> o.id().asc())),
                item -> item.shelfAisle() + "/" + item.shelfNumber())).containsExactly("A/2", "B/1");

        db.shelf().delete(w -> w.aisleNumber("A", 2)).block(WAIT);
        List<Item> items = db.item().findMany(q -> q.orderBy(o -> o.id().asc())).collectList().block(WAIT);
        assertThat(items).extracting(Item::sku).containsExactly("BOLT-6", "NUT-6");
        assertThat(items).extracting(Item::shelfAisle).containsExactly(null, "B");
        assertThat(items).extracting(Item::shelfNumber).containsExactly(null, 1);
    }

    /** The rows of a join table as (A, B) pairs, sorted. */
    private static List<String> pairs(SuiteDatabase server, String table) {
        return server.rows("SELECT \"A\", \"B\" FROM \"" + table + "\" ORDER BY 1, 2");
    }
}
