package dev.refract.r2dbc.suite.relations.client;

import static dev.refract.r2dbc.suite.relations.client.PublishingHouse.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.Category;
import com.example.relations.db.Comment;
import com.example.relations.db.Post;
import com.example.relations.db.PostCreate;
import com.example.relations.db.PostField;
import com.example.relations.db.RefractClient;
import com.example.relations.db.Shelf;
import com.example.relations.db.User;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relation counts asked with {@code include(i -> i.count(...))} of the generated client, on reads
 * and on the records writes return, against the publishing house of
 * {@link PublishingHouse}: each record's {@code relationCounts} holds exactly the counts asked, and
 * {@code null} for what was not counted.
 */
@RelationalSuite
class RelationCountsIT {

    private static RefractClient db;

    @BeforeAll
    static void fill(SuiteDatabase server) {
        db = PublishingHouse.open(server);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.closeAsync().block(WAIT);
        }
    }

    /** A user's counts, in the order of User.Counts: posts, edited, comments, reports, following, followedBy. */
    private static User.Counts userCounts(Long posts, Long edited, Long comments, Long reports, Long following,
            Long followedBy) {
        return new User.Counts(posts, edited, comments, reports, following, followedBy);
    }

    // -------------------------------------------------------------------------------------- reads

    @Test
    void findManyCountsEachRelationAskedWithItsOwnCondition() {
        List<User.Counts> counts = db.user().findMany(q -> q.orderBy(o -> o.id().asc())
                        .include(i -> i.count(c -> c.posts().comments(w -> w.likes().gt(0)))))
                .map(User::relationCounts).collectList().block(WAIT);

        assertThat(counts).containsExactly(userCounts(2L, null, 1L, null, null, null),
                userCounts(1L, null, 1L, null, null, null), userCounts(2L, null, 1L, null, null, null),
                userCounts(1L, null, 0L, null, null, null), userCounts(0L, null, 1L, null, null, null));
    }

    @Test
    void selfRelationsCountThroughTheirJoinTableAndTheirForeignKey() {
        List<User.Counts> counts = db.user().findMany(q -> q.orderBy(o -> o.id().asc())
                        .include(i -> i.count(c -> c.following(w -> w.name().eq("ann")).followedBy().reports())))
                .map(User::relationCounts).collectList().block(WAIT);

        assertThat(counts).containsExactly(userCounts(null, null, null, 2L, 0L, 2L),
                userCounts(null, null, null, 1L, 1L, 1L), userCounts(null, null, null, 0L, 1L, 0L),
                userCounts(null, null, null, 0L, 0L, 0L), userCounts(null, null, null, 0L, 0L, 1L));
    }

    @Test
    void postsCountTheirCommentsTagsAndCategories() {
        List<Post.Counts> counts = db.post().findMany(q -> q.orderBy(o -> o.id().asc())
                        .include(i -> i.count(c -> c.comments(w -> w.likes().gt(0)).tags().categories())))
                .map(Post::relationCounts).collectList().block(WAIT);

        assertThat(counts).containsExactly(new Post.Counts(1L, 2L, 1L), new Post.Counts(0L, 1L, 0L),
                new Post.Counts(1L, 1L, 2L), new Post.Counts(1L, 0L, 1L), new Post.Counts(0L, 1L, 1L),
                new Post.Counts(1L, 0L, 0L));
    }

    @Test
    void explicitJoinModelsCompoundKeysAndRepliesCount() {
        assertThat(db.category().findMany(q -> q.orderBy(o -> o.id().asc()).include(i -> i.count(c -> c.posts())))
                .map(category -> category.name() + "=" + category.relationCounts().posts()).collectList().block(WAIT))
                .containsExactly("news=2", "tech=3", "empty=0");
        assertThat(db.shelf().findMany(q -> q.orderBy(o -> o.aisle().asc()).orderBy(o -> o.number_().asc())
                        .include(i -> i.count(c -> c.items())))
                .map(shelf -> shelf.aisle() + shelf.number() + "=" + shelf.relationCounts().items()).collectList()
                .block(WAIT)).containsExactly("A1=2", "A2=1", "B1=1", "C9=0");
        assertThat(db.comment().findMany(q -> q.orderBy(o -> o.id().asc()).include(i -> i.count(c -> c.replies())))
                .map(comment -> comment.relationCounts().replies()).collectList().block(WAIT))
                .containsExactly(1L, 0L, 0L, 0L, 0L);
    }

    @Test
    void aCountsConditionMayItselfFollowRelations() {
        assertThat(db.user().findMany(q -> q.orderBy(o -> o.id().asc())
                        .include(i -> i.count(c -> c.posts(w -> w.comments().some(cm -> cm.author().isNot(
                                a -> a.name().eq("cat")))))))
                .map(user -> user.relationCounts().posts()).collectList().block(WAIT))
                .containsExactly(1L, 1L, 0L, 1L, 0L);
    }

    @Test
    void findUniqueAndFindFirstCountToo() {
        assertThat(db.user().findUnique(q -> q.where(w -> w.id(1)).include(i -> i.count(c -> c.followedBy())))
                .map(User::relationCounts).block(WAIT)).isEqualTo(userCounts(null, null, null, null, null, 2L));
        assertThat(db.user().findUnique(q -> q.where(w -> w.email("cat@x"))
                        .include(i -> i.count(c -> c.posts(w -> w.published().eq(false)).edited())))
                .map(User::relationCounts).block(WAIT)).isEqualTo(userCounts(1L, 1L, null, null, null, null));
        assertThat(db.post().findFirst(q -> q.orderBy(o -> o.views().desc()).include(i -> i.count(c -> c.tags())))
                .map(Post::relationCounts).block(WAIT)).isEqualTo(new Post.Counts(null, 2L, null));
    }

    @Test
    void aSelectionOfFieldsCountsAlongsideThem() {
        List<User> users = db.user().findMany(q -> q.where(w -> w.id().lte(2)).orderBy(o -> o.id().asc())
                .select(s -> s.name()).include(i -> i.count(c -> c.posts()))).collectList().block(WAIT);

        assertThat(users).extracting(User::name).containsExactly("ann", "bob");
        assertThat(users).extracting(User::email).containsOnlyNulls();
        assertThat(users).extracting(User::relationCounts)
                .containsExactly(userCounts(2L, null, null, null, null, null), userCounts(1L, null, null, null, null, null));
    }

    @Test
    void distinctCursorsAndStreamingCountToo() {
        assertThat(db.post().findMany(q -> q.distinct(PostField.AUTHOR_ID).orderBy(o -> o.authorId().asc().id().asc())
                        .include(i -> i.count(c -> c.tags())))
                .map(post -> post.id() + ":" + post.relationCounts().tags()).collectList().block(WAIT))
                .containsExactly("10:2", "12:1", "13:0", "15:0");
        assertThat(db.post().findMany(q -> q.orderBy(o -> o.id().asc()).cursor(c -> c.id(13))
                        .include(i -> i.count(c -> c.tags())))
                .map(post -> post.id() + ":" + post.relationCounts().tags()).collectList().block(WAIT))
                .containsExactly("13:0", "14:1", "15:0");
        assertThat(db.user().findMany(q -> q.orderBy(o -> o.id().asc()).include(i -> i.count(c -> c.posts())))
                .limitRate(1).map(user -> user.relationCounts().posts()).collectList().block(WAIT))
                .containsExactly(2L, 1L, 2L, 1L, 0L);
    }

    @Test
    void relationCountsAreNullWhenTheQueryCountedNothing() {
        assertThat(db.user().findMany(q -> q.orderBy(o -> o.id().asc())).map(user -> user.relationCounts() == null)
                .collectList().block(WAIT)).containsExactly(true, true, true, true, true);
        assertThat(db.user().findMany(q -> q.include(i -> i.count(c -> {}))).map(user -> user.relationCounts() == null)
                .collectList().block(WAIT)).containsOnly(true).hasSize(5);
        assertThat(db.post().findUnique(q -> q.where(w -> w.id(10))).map(post -> post.relationCounts() == null)
                .block(WAIT)).isTrue();
    }

    // ------------------------------------------------------------------------------------- writes

    @Test
    void aCreatedRecordCountsNothingYet() {
        try {
            User created = db.user().create(c -> c.id(1000).email("new@x").name("new"),
                    i -> i.count(c -> c.posts().following())).block(WAIT);

            assertThat(created.name()).isEqualTo("new");
            assertThat(created.relationCounts()).isEqualTo(userCounts(0L, null, null, null, 0L, null));
        } finally {
            db.user().deleteMany(w -> w.id().gte(1000)).block(WAIT);
        }
    }

    @Test
    void anUpdateReturnsTheCountsOfTheRecordItChanged() {
        User updated = db.user().update(w -> w.id(1), d -> d.name("ann"),
                i -> i.count(c -> c.posts().followedBy(w -> w.manager().is(m -> m.name().eq("ann"))))).block(WAIT);

        assertThat(updated.id()).isEqualTo(1);
        assertThat(updated.relationCounts()).isEqualTo(userCounts(2L, null, null, null, null, 2L));
    }

    @Test
    void anUpsertReturnsTheCountsOfTheRecordItUpdatedOrCreated() {
        try {
            User bob = db.user().upsert(w -> w.email("bob@x"), c -> c.email("bob@x").name("bob"), u -> u.name("bob"),
                    i -> i.count(c -> c.posts(w -> w.published().eq(true)).reports())).block(WAIT);
            User fresh = db.user().upsert(w -> w.email("fresh@x"), c -> c.id(1001).email("fresh@x").name("fresh"),
                    u -> u.name("stale"), i -> i.count(c -> c.reports())).block(WAIT);

            assertThat(bob.id()).isEqualTo(2);
            assertThat(bob.relationCounts()).isEqualTo(userCounts(1L, null, null, 1L, null, null));
            assertThat(fresh.name()).isEqualTo("fresh");
            assertThat(fresh.relationCounts()).isEqualTo(userCounts(null, null, null, 0L, null, null));
        } finally {
            db.user().deleteMany(w -> w.id().gte(1000)).block(WAIT);
        }
    }

    @Test
    void aDeleteReturnsTheCountsTheRecordHadBeforeItWent() {
        db.user().create(c -> c.id(1002).email("gone@x").name("gone")).block(WAIT);
        db.post().createMany(List.of(new PostCreate().id(1002).title("a").authorId(1002),
                new PostCreate().id(1003).title("b").authorId(1002))).block(WAIT);

        User deleted = db.user().delete(w -> w.id(1002), i -> i.count(c -> c.posts())).block(WAIT);

        assertThat(deleted.name()).isEqualTo("gone");
        assertThat(deleted.relationCounts()).isEqualTo(userCounts(2L, null, null, null, null, null));
        assertThat(db.post().count(q -> q.where(w -> w.id().gte(1002))).block(WAIT)).as("the posts went with it")
                .isZero();
    }

    @Test
    void writesWithoutAnIncludeCountNothing() {
        Category news = db.category().update(w -> w.id(1), d -> d.name("news")).block(WAIT);
        Comment comment = db.comment().update(w -> w.id(100), d -> d.likes(5)).block(WAIT);
        Shelf shelf = db.shelf().update(w -> w.aisleNumber("C", 9), d -> d.label("empty")).block(WAIT);

        assertThat(news.relationCounts()).isNull();
        assertThat(comment.relationCounts()).isNull();
        assertThat(shelf.relationCounts()).isNull();
    }
}
