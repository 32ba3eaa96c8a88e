package dev.refract.r2dbc.suite.relations.client;

import static dev.refract.r2dbc.suite.relations.client.PublishingHouse.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.Category;
import com.example.relations.db.Comment;
import com.example.relations.db.CommentFindMany;
import com.example.relations.db.Item;
import com.example.relations.db.ItemFindMany;
import com.example.relations.db.Post;
import com.example.relations.db.PostField;
import com.example.relations.db.PostFindMany;
import com.example.relations.db.RefractClient;
import com.example.relations.db.Tag;
import com.example.relations.db.User;
import com.example.relations.db.UserFindMany;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sorting through relations with the generated client's order builders — a to-one's fields at any
 * depth, a to-many's count — with paging and cursors, against the publishing house of
 * {@link PublishingHouse}, asserting exact orders.
 */
@RelationalSuite
class RelationOrderingIT {

    private static RefractClient db;
    private static boolean missingLastAscending;

    @BeforeAll
    static void fill(SuiteDatabase server) {
        missingLastAscending = server.sortsMissingValuesLastAscending();
        db = PublishingHouse.open(server);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.closeAsync().block(WAIT);
        }
    }

    private static List<Integer> posts(Consumer<PostFindMany> query) {
        return db.post().findMany(query).map(Post::id).collectList().block(WAIT);
    }

    private static List<Integer> users(Consumer<UserFindMany> query) {
        return db.user().findMany(query).map(User::id).collectList().block(WAIT);
    }

    private static List<Integer> comments(Consumer<CommentFindMany> query) {
        return db.comment().findMany(query).map(Comment::id).collectList().block(WAIT);
    }

    private static List<Integer> items(Consumer<ItemFindMany> query) {
        return db.item().findMany(query).map(Item::id).collectList().block(WAIT);
    }

    // ------------------------------------------------------------------------------- to-one keys

    @Test
    void postsSortByTheirAuthorsNameThenById() {
        assertThat(posts(q -> q.orderBy(o -> o.author(a -> a.name().desc()).id().asc())))
                .containsExactly(15, 13, 14, 12, 10, 11);
        assertThat(posts(q -> q.orderBy(o -> o.author(a -> a.name().asc())).orderBy(o -> o.id().desc())))
                .containsExactly(11, 10, 12, 14, 13, 15);
    }

    @Test
    void commentsSortByTheNameOfTheirPostsAuthorTwoLevelsAway() {
        assertThat(comments(q -> q.orderBy(o -> o.post(p -> p.author(a -> a.name().asc())).id().desc())))
                .containsExactly(101, 100, 102, 103, 104);
        assertThat(comments(q -> q.orderBy(o -> o.post(p -> p.author(a -> a.name().desc())).id().asc())))
                .containsExactly(104, 103, 102, 100, 101);
    }

    @Test
    void anOptionalRelationFollowedByARequiredOneSortsAsMissingWhereTheFirstIsUnset() {
        // only comment 101 has a parent (100, by bob)
        assertThat(comments(q -> q.orderBy(o -> o.parent(p -> p.author(a -> a.name().nullsLast().asc())).id().asc())))
                .containsExactly(101, 100, 102, 103, 104);
        assertThat(comments(q -> q.orderBy(o -> o.parent(p -> p.author(a -> a.name().nullsFirst().asc())).id().asc())))
                .containsExactly(100, 102, 103, 104, 101);
    }

    @Test
    void theManagerSelfRelationSortsUsersWithoutOneAsMissingValues() {
        assertThat(users(q -> q.orderBy(o -> o.manager(m -> m.name().nullsFirst().asc()).id().asc())))
                .containsExactly(1, 5, 2, 3, 4);
        assertThat(users(q -> q.orderBy(o -> o.manager(m -> m.name().nullsLast().desc()).id().asc())))
                .containsExactly(4, 2, 3, 1, 5);
    }

    @Test
    void postsWithoutAnEditorSortAsMissingValues() {
        // editors: 10 bob, 12 ann, 14 cat; 11, 13 and 15 have none
        assertThat(posts(q -> q.orderBy(o -> o.editor(e -> e.name().nullsFirst().asc()).id().asc())))
                .containsExactly(11, 13, 15, 12, 10, 14);
        assertThat(posts(q -> q.orderBy(o -> o.editor(e -> e.name().nullsLast().asc()).id().desc())))
                .containsExactly(12, 10, 14, 15, 13, 11);
        // without nulls first or last, missing values sort where the database puts them
        assertThat(posts(q -> q.orderBy(o -> o.editor(e -> e.name().asc()).id().asc())))
                .containsExactlyElementsOf(missingLastAscending ? List.of(12, 10, 14, 11, 13, 15)
                        : List.of(11, 13, 15, 12, 10, 14));
        assertThat(posts(q -> q.orderBy(o -> o.editor(e -> e.name().desc()).id().asc())))
                .containsExactlyElementsOf(missingLastAscending ? List.of(11, 13, 15, 14, 10, 12)
                        : List.of(14, 10, 12, 11, 13, 15));
    }

    @Test
    void itemsSortByTheLabelOfTheirShelfThroughACompoundKey() {
        assertThat(items(q -> q.orderBy(o -> o.shelf(s -> s.label().nullsLast().asc()).id().asc())))
                .containsExactly(5, 1, 2, 3, 4);
        assertThat(items(q -> q.orderBy(o -> o.shelf(s -> s.label().nullsFirst().desc()).id().desc())))
                .containsExactly(4, 3, 2, 1, 5);
    }

    // ------------------------------------------------------------------------------ to-many counts

    @Test
    void usersSortByHowManyPostsTheyWrote() {
        assertThat(users(q -> q.orderBy(o -> o.posts().count().desc().id().asc()))).containsExactly(1, 3, 2, 4, 5);
        assertThat(users(q -> q.orderBy(o -> o.posts().count().asc().name().desc()))).containsExactly(5, 4, 2, 3, 1);
    }

    @Test
    void relationCountsSortThroughJoinTables() {
        assertThat(db.tag().findMany(q -> q.orderBy(o -> o.posts().count().desc().id().asc())).map(Tag::id)
                .collectList().block(WAIT)).containsExactly(2, 3, 1, 4);
        assertThat(users(q -> q.orderBy(o -> o.followedBy().count().desc().id().asc()))).containsExactly(1, 2, 5, 3, 4);
        assertThat(db.category().findMany(q -> q.orderBy(o -> o.posts().count().desc())).map(Category::name)
                .collectList().block(WAIT)).containsExactly("tech", "news", "empty");
    }

    @Test
    void aCountSortsBehindAToOnePath() {
        // comment -> post -> tags: post 10 has two tags, 12 one, 13 and 15 none
        assertThat(comments(q -> q.orderBy(o -> o.post(p -> p.tags().count().desc()).id().asc())))
                .containsExactly(100, 101, 102, 103, 104);
        // comment -> post -> author -> posts: ann and cat wrote two, bob and dan one
        assertThat(comments(q -> q.orderBy(o -> o.post(p -> p.author(a -> a.posts().count().desc())).id().asc())))
                .containsExactly(100, 101, 103, 102, 104);
        // post -> editor -> posts: ann (editor of 12) and cat (of 14) wrote two, bob (of 10) one; a post
        // without an editor counts no posts
        assertThat(posts(q -> q.orderBy(o -> o.editor(e -> e.posts().count().desc()).id().asc())))
                .containsExactly(12, 14, 10, 11, 13, 15);
    }

    @Test
    void findFirstTakesTheFirstInTheOrderOfARelatedField() {
        assertThat(db.post().findFirst(q -> q.orderBy(o -> o.author(a -> a.name().desc()).views().asc())).map(Post::id)
                .block(WAIT)).isEqualTo(15);
        assertThat(db.post().findFirst(q -> q.where(w -> w.published().eq(true))
                .orderBy(o -> o.author(a -> a.posts().count().desc()).views().asc())).map(Post::id).block(WAIT))
                .as("ann and cat wrote two; cat's published Go has the fewest views").isEqualTo(13);
    }

    // ------------------------------------------------------------------------------------- paging

    @Test
    void skipAndTakePageInTheOrderOfRelations() {
        assertThat(posts(q -> q.orderBy(o -> o.author(a -> a.name().desc()).id().asc()).skip(1).take(3)))
                .containsExactly(13, 14, 12);
        assertThat(users(q -> q.orderBy(o -> o.posts().count().desc().id().asc()).take(2))).containsExactly(1, 3);
        assertThat(users(q -> q.orderBy(o -> o.posts().count().desc().id().asc()).skip(2).take(2)))
                .containsExactly(2, 4);
    }

    @Test
    void aCursorPagesOnInTheOrderOfARelatedField() {
        assertThat(posts(q -> q.orderBy(o -> o.author(a -> a.name().desc()).id().asc()).cursor(c -> c.id(13)).take(3)))
                .containsExactly(13, 14, 12);
        assertThat(posts(q -> q.orderBy(o -> o.author(a -> a.name().desc()).id().asc()).cursor(c -> c.id(13)).skip(1)
                .take(3))).containsExactly(14, 12, 10);
    }

    @Test
    void aCursorPagesOnInTheOrderOfAnOptionalRelatedField() {
        // 12 ann, 10 bob, 14 cat, and 11, 13, 15 without an editor where the database sorts missing values
        List<Integer> order = missingLastAscending ? List.of(12, 10, 14, 11, 13, 15) : List.of(11, 13, 15, 12, 10, 14);
        assertThat(posts(q -> q.orderBy(o -> o.editor(e -> e.name().asc()).id().asc()).cursor(c -> c.id(order.get(2)))
                .take(4))).containsExactlyElementsOf(order.subList(2, 6));
        assertThat(posts(q -> q.orderBy(o -> o.editor(e -> e.name().nullsFirst().asc()).id().asc())
                .cursor(c -> c.id(15)).take(3))).containsExactly(15, 12, 10);
    }

    @Test
    void aCursorPagesOnInTheOrderOfARelationCount() {
        assertThat(users(q -> q.orderBy(o -> o.posts().count().desc().id().asc()).cursor(c -> c.id(3)).take(2)))
                .containsExactly(3, 2);
    }

    @Test
    void distinctKeepsEachAuthorsMostCommentedPost() {
        assertThat(posts(q -> q.distinct(PostField.AUTHOR_ID).orderBy(o -> o.comments().count().desc().id().asc())))
                .containsExactly(10, 12, 13, 15);
    }
}
