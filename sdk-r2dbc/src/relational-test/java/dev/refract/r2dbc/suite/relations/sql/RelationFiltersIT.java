package dev.refract.r2dbc.suite.relations.sql;

import static dev.refract.r2dbc.suite.relations.sql.Publishing.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.WriteData;
import dev.refract.r2dbc.R2dbcAdapter;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Result;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relation filters of every shape run against the publishing house of
 * {@link Publishing}, each asserting exactly which records match.
 */
@RelationalSuite
class RelationFiltersIT {

    private static R2dbcAdapter adapter;

    @BeforeAll
    static void fill(SuiteDatabase server) {
        pushAndFill(server);
        adapter = adapter(server);
    }

    @AfterAll
    static void close() {
        if (adapter != null) {
            adapter.close().block(Duration.ofSeconds(10));
        }
    }

    /** The ids of the records of {@code model} matching {@code where}, ascending. */
    private static List<Integer> ids(int model, Filter where) {
        return ids(model, 0, where);
    }

    private static List<Integer> ids(int model, int idField, Filter where) {
        List<OrderBy> order = List.of(asc(idField));
        Result result = adapter.execute(new Operation.FindMany(model, query(where, order, List.of(idField), List.of())))
                .block(Duration.ofSeconds(10));
        return ints(result.rows(), idField);
    }

    @Test
    void someEveryAndNoneOverTheirPosts() {
        assertThat(ids(USER, related(USER_POSTS, Quantifier.SOME, eq(POST_PUBLISHED, false)))).containsExactly(1, 3);
        assertThat(ids(USER, related(USER_POSTS, Quantifier.EVERY, eq(POST_PUBLISHED, true))))
                .as("a user without posts has every post published").containsExactly(2, 4, 5);
        assertThat(ids(USER, related(USER_POSTS, Quantifier.NONE, compare(POST_VIEWS, Operator.GTE, 70))))
                .containsExactly(3, 4, 5);
        assertThat(ids(USER, related(USER_POSTS, Quantifier.SOME, Filter.ALL))).containsExactly(1, 2, 3, 4);
        assertThat(ids(USER, related(USER_POSTS, Quantifier.NONE, Filter.ALL))).containsExactly(5);
    }

    @Test
    void everyTreatsARecordWhoseFilterIsUnknownAsNotMatching() {
        // posts 11, 13 and 15 have no editor: "editor is not 1" is unknown for them
        assertThat(ids(USER, related(USER_POSTS, Quantifier.EVERY, compare(POST_EDITOR_ID, Operator.NOT, 1))))
                .containsExactly(5);
        assertThat(ids(USER, related(USER_POSTS, Quantifier.SOME, compare(POST_EDITOR_ID, Operator.NOT, 1))))
                .containsExactly(1, 3);
    }

    @Test
    void commentsOfAUserAndTheirNegations() {
        assertThat(ids(USER, related(USER_COMMENTS, Quantifier.SOME, compare(COMMENT_LIKES, Operator.GT, 2))))
                .containsExactly(1, 2);
        assertThat(ids(USER, new Filter.Not(related(USER_COMMENTS, Quantifier.SOME, Filter.ALL))))
                .containsExactly(4);
    }

    @Test
    void tagsThroughTheImplicitJoinTableFromBothSides() {
        assertThat(ids(POST, related(POST_TAGS, Quantifier.SOME, eq(TAG_NAME, "jvm")))).containsExactly(10, 11);
        assertThat(ids(POST, related(POST_TAGS, Quantifier.NONE, Filter.ALL))).containsExactly(13, 15);
        assertThat(ids(POST, related(POST_TAGS, Quantifier.EVERY, compare(TAG_NAME, Operator.STARTS_WITH, "j"))))
                .containsExactly(10, 11, 13, 15);
        assertThat(ids(TAG, related(TAG_POSTS, Quantifier.SOME, Filter.ALL))).containsExactly(1, 2, 3);
        assertThat(ids(TAG, related(TAG_POSTS, Quantifier.SOME, related(POST_AUTHOR, Quantifier.IS,
                eq(USER_NAME, "cat"))))).containsExactly(3);
    }

    @Test
    void followingAndFollowersThroughTheSelfJoinTable() {
        assertThat(ids(USER, related(USER_FOLLOWING, Quantifier.SOME, eq(USER_NAME, "ann")))).containsExactly(2, 3);
        assertThat(ids(USER, related(USER_FOLLOWED_BY, Quantifier.SOME, eq(USER_NAME, "cat")))).containsExactly(1, 2);
        assertThat(ids(USER, related(USER_FOLLOWING, Quantifier.NONE, Filter.ALL))).containsExactly(4, 5);
        assertThat(ids(USER, related(USER_FOLLOWED_BY, Quantifier.EVERY, related(USER_MANAGER, Quantifier.IS,
                eq(USER_NAME, "ann"))))).as("followed only by ann's reports, or by no one").containsExactly(1, 2, 3, 4);
    }

    @Test
    void isAndIsNotOnAOneToOneFromTheSideWithoutTheKey() {
        assertThat(ids(USER, related(USER_PROFILE, Quantifier.IS, eq(PROFILE_BIO, "writer")))).containsExactly(2);
        assertThat(ids(USER, related(USER_PROFILE, Quantifier.IS, Filter.ALL))).containsExactly(1, 2);
        assertThat(ids(USER, related(USER_PROFILE, Quantifier.IS_NOT, Filter.ALL))).containsExactly(3, 4, 5);
        assertThat(ids(USER, related(USER_PROFILE, Quantifier.IS_NOT, eq(PROFILE_BIO, "boss"))))
                .containsExactly(2, 3, 4, 5);
    }

    @Test
    void isAndIsNotOnTheRequiredAuthorAndTheOptionalEditor() {
        assertThat(ids(POST, related(POST_AUTHOR, Quantifier.IS, eq(USER_NAME, "ann")))).containsExactly(10, 11);
        assertThat(ids(POST, related(POST_AUTHOR, Quantifier.IS_NOT, eq(USER_NAME, "ann"))))
                .containsExactly(12, 13, 14, 15);
        assertThat(ids(POST, related(POST_EDITOR, Quantifier.IS, Filter.ALL))).containsExactly(10, 12, 14);
        assertThat(ids(POST, related(POST_EDITOR, Quantifier.IS_NOT, Filter.ALL))).containsExactly(11, 13, 15);
        assertThat(ids(POST, related(POST_EDITOR, Quantifier.IS, eq(USER_NAME, "ann")))).containsExactly(12);
        assertThat(ids(POST, related(POST_EDITOR, Quantifier.IS_NOT, eq(USER_NAME, "ann"))))
                .containsExactly(10, 11, 13, 14, 15);
    }

    @Test
    void theManagerSelfRelationNestsThroughItself() {
        assertThat(ids(USER, related(USER_MANAGER, Quantifier.IS, eq(USER_NAME, "ann")))).containsExactly(2, 3);
        assertThat(ids(USER, related(USER_MANAGER, Quantifier.IS_NOT, Filter.ALL))).containsExactly(1, 5);
        assertThat(ids(USER, related(USER_MANAGER, Quantifier.IS, related(USER_MANAGER, Quantifier.IS,
                eq(USER_NAME, "ann"))))).containsExactly(4);
    }

    @Test
    void threeLevelsDeepFindUsersWithAPostCommentedOnBySomeoneElseThanCat() {
        Filter filter = related(USER_POSTS, Quantifier.SOME, related(POST_COMMENTS, Quantifier.SOME,
                related(COMMENT_AUTHOR, Quantifier.IS_NOT, eq(USER_NAME, "cat"))));

        assertThat(ids(USER, filter)).containsExactly(1, 2, 4);
        assertThat(ids(USER, related(USER_POSTS, Quantifier.EVERY, related(POST_COMMENTS, Quantifier.NONE,
                related(COMMENT_AUTHOR, Quantifier.IS, eq(USER_NAME, "cat")))))).containsExactly(2, 4, 5);
    }

    @Test
    void aCompoundForeignKeyJoinsOnBothOfItsColumns() {
        assertThat(ids(ITEM, related(ITEM_SHELF, Quantifier.IS, and(eq(SHELF_NUMBER, 1), eq(SHELF_LABEL, "top")))))
                .containsExactly(1, 2, 3);
        assertThat(ids(ITEM, related(ITEM_SHELF, Quantifier.IS, eq(SHELF_LABEL, "bottom")))).containsExactly(5);
        assertThat(ids(ITEM, related(ITEM_SHELF, Quantifier.IS_NOT, Filter.ALL))).containsExactly(4);
        assertThat(shelves(related(SHELF_ITEMS, Quantifier.SOME, eq(ITEM_SKU, "i5")))).containsExactly("A2");
        assertThat(shelves(related(SHELF_ITEMS, Quantifier.NONE, Filter.ALL))).containsExactly("C9");
        assertThat(shelves(related(SHELF_ITEMS, Quantifier.EVERY, compare(ITEM_SKU, Operator.IN,
                List.of("i1", "i2"))))).containsExactly("A1", "C9");
    }

    private static List<String> shelves(Filter where) {
        Result result = adapter.execute(new Operation.FindMany(SHELF, query(where,
                List.of(asc(SHELF_AISLE), asc(SHELF_NUMBER)), List.of(SHELF_AISLE, SHELF_NUMBER), List.of())))
                .block(Duration.ofSeconds(10));
        return result.rows().stream().map(row -> row.get(SHELF_AISLE) + "" + row.get(SHELF_NUMBER)).toList();
    }

    @Test
    void countsUpdatesAndDeletesSelectThroughRelationsToo() {
        Filter byDan = related(POST_AUTHOR, Quantifier.IS, eq(USER_NAME, "dan"));
        assertThat(adapter.execute(new Operation.Count(POST, query(related(POST_AUTHOR, Quantifier.IS,
                eq(USER_NAME, "ann")), List.of(), List.of(), List.of()))).block(Duration.ofSeconds(10)).count())
                .isEqualTo(2);

        Result updated = adapter.execute(new Operation.UpdateMany(POST, byDan, new WriteData(List.of(
                new WriteData.FieldWrite(POST_VIEWS, WriteData.WriteOp.INCREMENT, 1))))).block(Duration.ofSeconds(10));
        Result views = adapter.execute(new Operation.FindMany(POST, query(byDan, List.of(), List.of(POST_VIEWS),
                List.of()))).block(Duration.ofSeconds(10));
        adapter.execute(new Operation.UpdateMany(POST, byDan, new WriteData(List.of(
                new WriteData.FieldWrite(POST_VIEWS, WriteData.WriteOp.DECREMENT, 1))))).block(Duration.ofSeconds(10));

        assertThat(updated.count()).isEqualTo(1);
        assertThat(ints(views.rows(), POST_VIEWS)).containsExactly(31);
        Result deleted = adapter.execute(new Operation.DeleteMany(TAG, related(TAG_POSTS, Quantifier.SOME,
                eq(POST_ID, 999)))).block(Duration.ofSeconds(10));
        assertThat(deleted.count()).isZero();
    }

    @Test
    void hostileValuesInRelationFiltersMatchNothingAndBreakNothing() {
        String hostile = "ann'); DELETE FROM \"User\"; --";

        assertThat(ids(USER, related(USER_POSTS, Quantifier.SOME, related(POST_AUTHOR, Quantifier.IS,
                eq(USER_NAME, hostile))))).isEmpty();
        assertThat(ids(USER, Filter.ALL)).containsExactly(1, 2, 3, 4, 5);
    }
}
