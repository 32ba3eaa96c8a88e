package dev.refract.r2dbc.suite.relations.client;

import static dev.refract.r2dbc.suite.relations.client.PublishingHouse.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.Category;
import com.example.relations.db.CategoryWhere;
import com.example.relations.db.Comment;
import com.example.relations.db.Item;
import com.example.relations.db.ItemWhere;
import com.example.relations.db.Post;
import com.example.relations.db.PostWhere;
import com.example.relations.db.Profile;
import com.example.relations.db.ProfileWhere;
import com.example.relations.db.RefractClient;
import com.example.relations.db.Shelf;
import com.example.relations.db.ShelfWhere;
import com.example.relations.db.Tag;
import com.example.relations.db.TagWhere;
import com.example.relations.db.User;
import com.example.relations.db.UserWhere;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relation filters of every shape, written with the generated client's where builders and run
 * against the publishing house of {@link PublishingHouse}, each asserting exactly which
 * records match.
 */
@RelationalSuite
class RelationFiltersIT {

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

    private static List<Integer> users(Consumer<UserWhere> where) {
        return db.user().findMany(q -> q.where(where).orderBy(o -> o.id().asc())).map(User::id).collectList().block(WAIT);
    }

    private static List<Integer> posts(Consumer<PostWhere> where) {
        return db.post().findMany(q -> q.where(where).orderBy(o -> o.id().asc())).map(Post::id).collectList().block(WAIT);
    }

    private static List<Integer> tags(Consumer<TagWhere> where) {
        return db.tag().findMany(q -> q.where(where).orderBy(o -> o.id().asc())).map(Tag::id).collectList().block(WAIT);
    }

    private static List<String> categories(Consumer<CategoryWhere> where) {
        return db.category().findMany(q -> q.where(where).orderBy(o -> o.id().asc())).map(Category::name).collectList()
                .block(WAIT);
    }

    private static List<String> profiles(Consumer<ProfileWhere> where) {
        return db.profile().findMany(q -> q.where(where).orderBy(o -> o.id().asc())).map(Profile::bio).collectList()
                .block(WAIT);
    }

    private static List<Integer> items(Consumer<ItemWhere> where) {
        return db.item().findMany(q -> q.where(where).orderBy(o -> o.id().asc())).map(Item::id).collectList().block(WAIT);
    }

    private static List<String> shelves(Consumer<ShelfWhere> where) {
        return db.shelf().findMany(q -> q.where(where).orderBy(o -> o.aisle().asc()).orderBy(o -> o.number_().asc()))
                .map(shelf -> shelf.aisle() + shelf.number()).collectList().block(WAIT);
    }

    // ----------------------------------------------------------------------------------- to-many

    @Test
    void someEveryAndNoneOverAUsersPosts() {
        assertThat(users(w -> w.posts().some(p -> p.published().eq(false)))).containsExactly(1, 3);
        assertThat(users(w -> w.posts().every(p -> p.published().eq(true))))
                .as("a user without posts has every post published").containsExactly(2, 4, 5);
        assertThat(users(w -> w.posts().none(p -> p.views().gte(70)))).containsExactly(3, 4, 5);
        assertThat(users(w -> w.posts().some(p -> {}))).containsExactly(1, 2, 3, 4);
        assertThat(users(w -> w.posts().none(p -> {}))).containsExactly(5);
        assertThat(users(w -> w.edited().some(p -> p.author().is(a -> a.name().eq("ann"))))).containsExactly(2);
    }

    @Test
    void everyTreatsAPostWhoseConditionIsUnknownAsNotMatching() {
        // posts 11, 13 and 15 have no editor: "editor is not 1" is unknown for them
        assertThat(users(w -> w.posts().every(p -> p.editorId().not(1)))).containsExactly(5);
        assertThat(users(w -> w.posts().some(p -> p.editorId().not(1)))).containsExactly(1, 3);
    }

    @Test
    void someEveryAndNoneOverAPostsComments() {
        assertThat(posts(w -> w.comments().some(c -> c.likes().gt(2)))).containsExactly(10, 12);
        assertThat(posts(w -> w.comments().every(c -> c.likes().gt(0)))).containsExactly(11, 12, 13, 14, 15);
        assertThat(posts(w -> w.comments().none(c -> c.author().is(a -> a.name().eq("cat")))))
                .containsExactly(11, 12, 14, 15);
    }

    @Test
    void tagsThroughTheImplicitJoinTableFromBothSides() {
        assertThat(posts(w -> w.tags().some(t -> t.name().eq("jvm")))).containsExactly(10, 11);
        assertThat(posts(w -> w.tags().none(t -> {}))).containsExactly(13, 15);
        assertThat(posts(w -> w.tags().every(t -> t.name().startsWith("j")))).containsExactly(10, 11, 13, 15);
        assertThat(tags(w -> w.posts().some(p -> {}))).containsExactly(1, 2, 3);
        assertThat(tags(w -> w.posts().none(p -> {}))).containsExactly(4);
        assertThat(tags(w -> w.posts().every(p -> p.author().is(a -> a.name().eq("ann"))))).containsExactly(1, 2, 4);
    }

    @Test
    void followingAndFollowersThroughTheSelfJoinTable() {
        assertThat(users(w -> w.following().some(f -> f.name().eq("ann")))).containsExactly(2, 3);
        assertThat(users(w -> w.followedBy().some(f -> f.name().eq("cat")))).containsExactly(1, 2);
        assertThat(users(w -> w.following().none(f -> {}))).containsExactly(4, 5);
        assertThat(users(w -> w.followedBy().every(f -> f.manager().is(m -> m.name().eq("ann")))))
                .as("followed only by ann's reports, or by no one").containsExactly(1, 2, 3, 4);
    }

    @Test
    void categoriesThroughTheExplicitJoinModel() {
        assertThat(categories(w -> w.posts().some(pc -> pc.post().is(p -> p.published().eq(false)))))
                .containsExactly("tech");
        assertThat(categories(w -> w.posts().every(pc -> pc.post().is(p -> p.published().eq(true)))))
                .containsExactly("news", "empty");
        assertThat(categories(w -> w.posts().none(pc -> {}))).containsExactly("empty");
        assertThat(categories(w -> w.posts().some(pc -> pc.post().is(p -> p.author().is(a -> a.name().eq("ann"))))))
                .containsExactly("tech");
        assertThat(posts(w -> w.categories().some(pc -> pc.category().is(c -> c.name().eq("news")))))
                .containsExactly(12, 13);
        assertThat(posts(w -> w.categories().none(pc -> {}))).containsExactly(11, 15);
    }

    @Test
    void anEmptyConditionOnARelationMatchesEveryRelatedRecord() {
        assertThat(posts(w -> w.author().is(a -> {}))).containsExactly(10, 11, 12, 13, 14, 15);
        assertThat(posts(w -> w.author().isNot(a -> {}))).isEmpty();
        assertThat(users(w -> w.posts().every(p -> {}))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void repliesAndTheirParentThroughTheCommentSelfRelation() {
        assertThat(db.comment().findMany(q -> q.where(w -> w.parent().isNull()).orderBy(o -> o.id().asc()))
                .map(Comment::id).collectList().block(WAIT)).containsExactly(100, 102, 103, 104);
        assertThat(db.comment().findMany(q -> q.where(w -> w.replies().some(r -> r.author().is(a -> a.name().eq("cat")))))
                .map(Comment::id).collectList().block(WAIT)).containsExactly(100);
        assertThat(db.comment().findMany(q -> q.where(w -> w.parent().is(p -> p.author().is(a -> a.name().eq("bob")))))
                .map(Comment::id).collectList().block(WAIT)).containsExactly(101);
    }

    // ------------------------------------------------------------------------------------ to-one

    @Test
    void isAndIsNotOnTheRequiredUserOfAProfile() {
        assertThat(profiles(w -> w.user().is(u -> u.name().eq("bob")))).containsExactly("writer");
        assertThat(profiles(w -> w.user().isNot(u -> u.name().eq("bob")))).containsExactly("boss");
        assertThat(profiles(w -> w.user().is(u -> u.manager().isNull()))).containsExactly("boss");
    }

    @Test
    void theOptionalProfileOfAUserFromTheSideWithoutTheKey() {
        assertThat(users(w -> w.profile().is(p -> p.bio().eq("writer")))).containsExactly(2);
        assertThat(users(w -> w.profile().isNot(p -> p.bio().eq("boss")))).containsExactly(2, 3, 4, 5);
        assertThat(users(w -> w.profile().isNotNull())).containsExactly(1, 2);
        assertThat(users(w -> w.profile().isNull())).containsExactly(3, 4, 5);
    }

    @Test
    void theRequiredAuthorAndTheOptionalEditorOfAPost() {
        assertThat(posts(w -> w.author().is(a -> a.name().eq("ann")))).containsExactly(10, 11);
        assertThat(posts(w -> w.author().isNot(a -> a.name().eq("ann")))).containsExactly(12, 13, 14, 15);
        assertThat(posts(w -> w.editor().isNotNull())).containsExactly(10, 12, 14);
        assertThat(posts(w -> w.editor().isNull())).containsExactly(11, 13, 15);
        assertThat(posts(w -> w.editor().is(e -> e.name().eq("ann")))).containsExactly(12);
        assertThat(posts(w -> w.editor().isNot(e -> e.name().eq("ann")))).containsExactly(10, 11, 13, 14, 15);
    }

    @Test
    void theManagerSelfRelationNestsThroughItself() {
        assertThat(users(w -> w.manager().is(m -> m.name().eq("ann")))).containsExactly(2, 3);
        assertThat(users(w -> w.manager().isNull())).containsExactly(1, 5);
        assertThat(users(w -> w.manager().isNotNull())).containsExactly(2, 3, 4);
        assertThat(users(w -> w.manager().is(m -> m.manager().is(mm -> mm.name().eq("ann"))))).containsExactly(4);
        assertThat(users(w -> w.reports().some(r -> r.reports().some(rr -> {})))).containsExactly(1);
    }

    // ------------------------------------------------------------------------------------- depth

    @Test
    void threeLevelsDeepFindUsersWithAPostCommentedOnBySomeoneElseThanCat() {
        assertThat(users(w -> w.posts().some(p -> p.comments().some(c -> c.author().isNot(a -> a.name().eq("cat"))))))
                .containsExactly(1, 2, 4);
        assertThat(users(w -> w.posts().every(p -> p.comments().none(c -> c.author().is(a -> a.name().eq("cat"))))))
                .containsExactly(2, 4, 5);
        assertThat(tags(w -> w.posts().some(p -> p.author().is(a -> a.manager().is(m -> m.name().eq("ann"))))))
                .as("tags of posts whose author reports to ann").containsExactly(3);
    }

    @Test
    void aCompoundForeignKeyJoinsOnBothOfItsColumns() {
        assertThat(items(w -> w.shelf().is(s -> s.number_().eq(1).label().eq("top")))).containsExactly(1, 2, 3);
        assertThat(items(w -> w.shelf().is(s -> s.label().eq("bottom")))).containsExactly(5);
        assertThat(items(w -> w.shelf().isNull())).containsExactly(4);
        assertThat(items(w -> w.shelf().isNotNull())).containsExactly(1, 2, 3, 5);
        assertThat(items(w -> w.shelf().isNot(s -> s.aisle().eq("A")))).containsExactly(3, 4);
        assertThat(shelves(w -> w.items().some(i -> i.sku().eq("i5")))).containsExactly("A2");
        assertThat(shelves(w -> w.items().none(i -> {}))).containsExactly("C9");
        assertThat(shelves(w -> w.items().every(i -> i.sku().in("i1", "i2")))).containsExactly("A1", "C9");
    }

    // ---------------------------------------------------------------------------------- combined

    @Test
    void relationFiltersCombineWithAndOrNotAndScalarConditions() {
        assertThat(users(w -> w.or(a -> a.posts().some(p -> p.views().gte(100)),
                b -> b.manager().is(m -> m.name().eq("bob"))))).containsExactly(1, 4);
        assertThat(users(w -> w.not(n -> n.profile().isNotNull()).posts().some(p -> p.published().eq(true))))
                .containsExactly(3, 4);
        assertThat(users(w -> w.and(a -> a.posts().some(p -> p.published().eq(false)),
                b -> b.followedBy().some(f -> f.name().eq("bob"))))).containsExactly(1);
        assertThat(users(w -> w.name().not("ann").not(n -> n.following().some(f -> {})))).containsExactly(4, 5);
        assertThat(posts(w -> w.published().eq(true).or(a -> a.tags().some(t -> t.name().eq("systems")),
                b -> b.comments().none(c -> {})))).containsExactly(12);
        assertThat(posts(w -> w.views().gt(5).not(n -> n.editor().isNull()))).containsExactly(10, 12);
    }

    @Test
    void aUniqueKeyCombinesWithRelationConditions() {
        assertThat(db.user().findUnique(q -> q.where(w -> w.id(1).and(a -> a.posts().some(p -> p.published().eq(false)))))
                .map(User::id).block(WAIT)).isEqualTo(1);
        assertThat(db.user().findUnique(q -> q.where(w -> w.id(2).and(a -> a.posts().some(p -> p.published().eq(false)))))
                .blockOptional(WAIT)).isEmpty();
    }

    @Test
    void countsSelectThroughRelations() {
        assertThat(db.post().count(q -> q.where(w -> w.author().is(a -> a.name().eq("ann")))).block(WAIT)).isEqualTo(2);
        assertThat(db.user().count(q -> q.where(w -> w.following().some(f -> {}))).block(WAIT)).isEqualTo(3);
        assertThat(db.comment().count(q -> q.where(w -> w.post().is(p -> p.tags().some(t -> t.name().eq("java"))))
                .take(1)).block(WAIT)).as("counting stops at take").isEqualTo(1);
    }

    @Test
    void updateManySelectsThroughRelations() {
        try {
            assertThat(db.post().updateMany(w -> w.author().is(a -> a.manager().is(m -> m.name().eq("bob"))),
                    d -> d.views().increment(1)).block(WAIT)).isEqualTo(1);
            assertThat(db.post().findMany(q -> q.orderBy(o -> o.id().asc())).map(Post::views).collectList().block(WAIT))
                    .containsExactly(100, 50, 70, 10, 0, 31);
            assertThat(db.user().updateMany(w -> w.posts().none(p -> {}), d -> d.name("eve")).block(WAIT)).isEqualTo(1);
            assertThat(db.post().updateManyAndReturn(w -> w.author().is(a -> a.name().eq("dan")), d -> d.views(30))
                    .map(post -> post.id() + ":" + post.views()).collectList().block(WAIT)).containsExactly("15:30");
        } finally {
            db.post().update(w -> w.id(15), d -> d.views(30)).block(WAIT);
        }
    }

    @Test
    void deleteManySelectsThroughRelations() {
        db.comment().create(c -> c.id(200).body("scratch").postId(15).authorId(5)).block(WAIT);
        db.comment().create(c -> c.id(201).body("scratch").postId(13).authorId(5)).block(WAIT);
        try {
            assertThat(db.comment().deleteMany(w -> w.body().eq("scratch")
                    .post().is(p -> p.author().is(a -> a.name().eq("dan")))).block(WAIT)).isEqualTo(1);
            assertThat(db.comment().findMany(q -> q.where(w -> w.body().eq("scratch"))).map(Comment::id).collectList()
                    .block(WAIT)).containsExactly(201);
        } finally {
            db.comment().deleteMany(w -> w.body().eq("scratch")).block(WAIT);
        }
    }

    @Test
    void hostileValuesInRelationFiltersMatchNothingAndBreakNothing() {
        String hostile = "ann'); DELETE FROM \"User\"; --";

        assertThat(users(w -> w.posts().some(p -> p.author().is(a -> a.name().eq(hostile))))).isEmpty();
        assertThat(users(w -> {})).containsExactly(1, 2, 3, 4, 5);
    }
}
