package dev.refract.r2dbc.suite.relations.sql;

import static dev.refract.r2dbc.suite.relations.sql.Publishing.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.refract.query.Aggregations;
import dev.refract.query.Aggregations.Function;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.OrderBy.Direction;
import dev.refract.query.OrderBy.Key;
import dev.refract.query.OrderBy.Nulls;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.Selection.RelationCount;
import dev.refract.r2dbc.R2dbcAdapter;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Row;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sorting through relations, relation counts and group-bys sorted by aggregates, run
 * against the publishing house of {@link Publishing}, asserting exact results.
 */
@RelationalSuite
class RelationSortsAndCountsIT {

    private static R2dbcAdapter adapter;
    private static boolean missingLastAscending;

    @BeforeAll
    static void fill(SuiteDatabase server) {
        missingLastAscending = server.sortsMissingValuesLastAscending();
        pushAndFill(server);
        adapter = adapter(server);
    }

    @AfterAll
    static void close() {
        if (adapter != null) {
            adapter.close().block(Duration.ofSeconds(10));
        }
    }

    private static List<Row> rows(Operation operation) {
        return adapter.execute(operation).block(Duration.ofSeconds(10)).rows();
    }

    private static List<Integer> sortedIds(int model, OrderBy... order) {
        return ints(rows(new Operation.FindMany(model, query(Filter.ALL, List.of(order), List.of(0), List.of()))), 0);
    }

    // ----------------------------------------------------------------------------------------- sorts

    @Test
    void postsSortByTheirAuthorsName() {
        assertThat(sortedIds(POST, sort(new Key.RelatedField(List.of(POST_AUTHOR), USER_NAME), Direction.DESC,
                Nulls.DEFAULT), asc(POST_ID))).containsExactly(15, 13, 14, 12, 10, 11);
    }

    @Test
    void postsWithoutAnEditorSortAsMissingValues() {
        assertThat(sortedIds(POST, sort(new Key.RelatedField(List.of(POST_EDITOR), USER_NAME), Direction.ASC,
                Nulls.FIRST), asc(POST_ID))).containsExactly(11, 13, 15, 12, 10, 14);
        assertThat(sortedIds(POST, sort(new Key.RelatedField(List.of(POST_EDITOR), USER_NAME), Direction.ASC,
                Nulls.LAST), desc(POST_ID))).containsExactly(12, 10, 14, 15, 13, 11);
    }

    @Test
    void usersSortByHowManyPostsTheyWrote() {
        assertThat(sortedIds(USER, sort(new Key.RelationCount(List.of(USER_POSTS)), Direction.DESC, Nulls.DEFAULT),
                asc(USER_ID))).containsExactly(1, 3, 2, 4, 5);
    }

    @Test
    void tagsSortByHowManyPostsCarryThem() {
        assertThat(sortedIds(TAG, sort(new Key.RelationCount(List.of(TAG_POSTS)), Direction.DESC, Nulls.DEFAULT),
                asc(TAG_ID))).containsExactly(2, 3, 1, 4);
    }

    @Test
    void commentsSortByTheNameOfTheirPostsAuthor() {
        assertThat(sortedIds(COMMENT, sort(new Key.RelatedField(List.of(COMMENT_POST, POST_AUTHOR), USER_NAME),
                Direction.ASC, Nulls.DEFAULT), desc(COMMENT_ID))).containsExactly(101, 100, 102, 103, 104);
    }

    @Test
    void commentsSortByHowManyTagsTheirPostHas() {
        assertThat(sortedIds(COMMENT, sort(new Key.RelationCount(List.of(COMMENT_POST, POST_TAGS)), Direction.DESC,
                Nulls.DEFAULT), asc(COMMENT_ID))).containsExactly(100, 101, 102, 103, 104);
        assertThat(sortedIds(COMMENT, sort(new Key.RelationCount(List.of(COMMENT_POST, POST_TAGS)), Direction.ASC,
                Nulls.DEFAULT), asc(COMMENT_ID))).containsExactly(103, 104, 102, 100, 101);
    }

    @Test
    void itemsSortByTheLabelOfTheirShelfThroughACompoundKey() {
        assertThat(sortedIds(ITEM, sort(new Key.RelatedField(List.of(ITEM_SHELF), SHELF_LABEL), Direction.ASC,
                Nulls.LAST), asc(ITEM_ID))).containsExactly(5, 1, 2, 3, 4);
    }

    @Test
    void aCursorPagesOnInTheOrderOfARelatedField() {
        Query query = new Query(Filter.ALL, List.of(sort(new Key.RelatedField(List.of(POST_AUTHOR), USER_NAME),
                Direction.DESC, Nulls.DEFAULT)), 0, 3, eq(POST_ID, 13), List.of(), new Selection(List.of(POST_ID),
                List.of()));

        assertThat(ints(rows(new Operation.FindMany(POST, query)), POST_ID)).containsExactly(13, 14, 12);
    }

    @Test
    void aCursorPagesOnInTheOrderOfAnOptionalRelatedField() {
        // editors: 11, 13, 15 none; 12 ann; 10 bob; 14 cat — missing values where the database sorts them
        List<Integer> order = missingLastAscending ? List.of(12, 10, 14, 11, 13, 15) : List.of(11, 13, 15, 12, 10, 14);
        Query query = new Query(Filter.ALL, List.of(sort(new Key.RelatedField(List.of(POST_EDITOR), USER_NAME),
                Direction.ASC, Nulls.DEFAULT)), 0, 4, eq(POST_ID, order.get(2)), List.of(),
                new Selection(List.of(POST_ID), List.of()));

        assertThat(ints(rows(new Operation.FindMany(POST, query)), POST_ID)).containsExactlyElementsOf(order.subList(2, 6));
    }

    @Test
    void distinctKeepsEachAuthorsMostCommentedPostAndCountsItsComments() {
        Query query = new Query(Filter.ALL, List.of(sort(new Key.RelationCount(List.of(POST_COMMENTS)), Direction.DESC,
                Nulls.DEFAULT), asc(POST_ID)), 0, null, null, List.of(POST_AUTHOR_ID), new Selection(
                List.of(POST_ID), List.of(), List.of(new RelationCount(POST_COMMENTS, Filter.ALL))));

        List<Row> rows = rows(new Operation.FindMany(POST, query));

        assertThat(ints(rows, POST_ID)).containsExactly(10, 12, 13, 15);
        assertThat(rows).extracting(row -> row.getCounts(POST_FIELDS).get(POST_COMMENTS)).containsExactly(2L, 1L, 1L, 1L);
    }

    // ---------------------------------------------------------------------------------------- counts

    @Test
    void readsCountRelationsWithAndWithoutAFilter() {
        List<Row> rows = rows(new Operation.FindMany(USER, query(Filter.ALL, List.of(asc(USER_ID)), List.of(USER_ID),
                List.of(new RelationCount(USER_POSTS, Filter.ALL),
                        new RelationCount(USER_FOLLOWING, eq(USER_NAME, "ann"))))));

        assertThat(ints(rows, USER_ID)).containsExactly(1, 2, 3, 4, 5);
        assertThat(rows).extracting(row -> row.getCounts(USER_FIELDS)).containsExactly(
                java.util.Map.of(USER_POSTS, 2L, USER_FOLLOWING, 0L), java.util.Map.of(USER_POSTS, 1L, USER_FOLLOWING, 1L),
                java.util.Map.of(USER_POSTS, 2L, USER_FOLLOWING, 1L), java.util.Map.of(USER_POSTS, 1L, USER_FOLLOWING, 0L),
                java.util.Map.of(USER_POSTS, 0L, USER_FOLLOWING, 0L));
    }

    @Test
    void postsCountTheirTagsAndTheirLikedComments() {
        List<Row> rows = rows(new Operation.FindMany(POST, query(Filter.ALL, List.of(asc(POST_ID)), List.of(),
                List.of(new RelationCount(POST_TAGS, Filter.ALL),
                        new RelationCount(POST_COMMENTS, compare(COMMENT_LIKES, Operator.GT, 0))))));

        assertThat(rows).extracting(row -> row.get(POST_TITLE)).containsExactly("Java tips", "Kotlin", "Rust", "Go",
                "Zig", "Nim");
        assertThat(rows).extracting(row -> row.getCounts(POST_FIELDS).get(POST_TAGS))
                .containsExactly(2L, 1L, 1L, 0L, 1L, 0L);
        assertThat(rows).extracting(row -> row.getCounts(POST_FIELDS).get(POST_COMMENTS))
                .containsExactly(1L, 0L, 1L, 1L, 0L, 1L);
    }

    @Test
    void findUniqueCountsFollowersThroughTheJoinTable() {
        List<Row> rows = rows(new Operation.FindUnique(USER, eq(USER_ID, 1), new Selection(List.of(USER_NAME),
                List.of(), List.of(new RelationCount(USER_FOLLOWED_BY, Filter.ALL)))));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get(USER_NAME)).isEqualTo("ann");
            assertThat(row.getCounts(USER_FIELDS)).containsExactly(entry(USER_FOLLOWED_BY, 2L));
        });
    }

    @Test
    void aCountsFilterMayItselfFollowRelations() {
        List<Row> rows = rows(new Operation.FindMany(USER, query(Filter.ALL, List.of(asc(USER_ID)), List.of(USER_ID),
                List.of(new RelationCount(USER_POSTS, new Filter.Related(POST_COMMENTS, Filter.Quantifier.SOME,
                        Filter.ALL))))));

        assertThat(rows).extracting(row -> row.getCounts(USER_FIELDS).get(USER_POSTS))
                .containsExactly(1L, 1L, 1L, 1L, 0L);
    }

    // -------------------------------------------------------------------------------------- group-by

    private static final Aggregations VIEWS = new Aggregations(true, List.of(POST_VIEWS), List.of(POST_VIEWS),
            List.of(POST_VIEWS), List.of(POST_VIEWS), List.of(POST_EDITOR_ID));

    private static List<Integer> authors(List<OrderBy> order, Filter having, int skip, Integer take) {
        return ints(rows(new Operation.GroupBy(POST, List.of(POST_AUTHOR_ID), Filter.ALL, having, order, skip, take,
                VIEWS)), POST_AUTHOR_ID);
    }

    private static OrderBy byAggregate(Function function, int field, Direction direction) {
        return sort(new Key.Aggregate(function, field), direction, Nulls.DEFAULT);
    }

    @Test
    void groupsSortByEachAggregate() {
        // views per author: ann 100 + 50, bob 70, cat 10 + 0, dan 30
        assertThat(authors(List.of(byAggregate(Function.SUM, POST_VIEWS, Direction.DESC)), Filter.ALL, 0, null))
                .containsExactly(1, 2, 4, 3);
        assertThat(authors(List.of(byAggregate(Function.COUNT, -1, Direction.DESC), asc(POST_AUTHOR_ID)), Filter.ALL,
                0, null)).containsExactly(1, 3, 2, 4);
        assertThat(authors(List.of(byAggregate(Function.AVG, POST_VIEWS, Direction.ASC)), Filter.ALL, 0, null))
                .containsExactly(3, 4, 2, 1);
        assertThat(authors(List.of(byAggregate(Function.MIN, POST_VIEWS, Direction.DESC)), Filter.ALL, 0, null))
                .containsExactly(2, 1, 4, 3);
        assertThat(authors(List.of(byAggregate(Function.MAX, POST_VIEWS, Direction.ASC)), Filter.ALL, 0, null))
                .containsExactly(3, 4, 2, 1);
        assertThat(authors(List.of(byAggregate(Function.COUNT, POST_EDITOR_ID, Direction.ASC), asc(POST_AUTHOR_ID)),
                Filter.ALL, 0, null)).containsExactly(4, 1, 2, 3);
    }

    @Test
    void groupsSortedByAnAggregatePageAndFilter() {
        List<OrderBy> bySum = List.of(byAggregate(Function.SUM, POST_VIEWS, Direction.DESC));
        int count = Aggregations.countIndex(POST_FIELDS);
        int editors = Aggregations.index(Function.COUNT, POST_EDITOR_ID, POST_FIELDS, POST_FIELDS);

        assertThat(authors(bySum, Filter.ALL, 1, 2)).containsExactly(2, 4);
        assertThat(authors(bySum, compare(count, Operator.GT, 1L), 0, null)).containsExactly(1, 3);
        assertThat(authors(bySum, compare(editors, Operator.GTE, 1L), 0, null)).containsExactly(1, 2, 3);
    }

    @Test
    void groupRowsCarryEveryAggregateIncludingPerFieldCounts() {
        List<Row> rows = rows(new Operation.GroupBy(POST, List.of(POST_AUTHOR_ID), Filter.ALL, Filter.ALL,
                List.of(asc(POST_AUTHOR_ID)), 0, 1, VIEWS));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get(POST_AUTHOR_ID)).isEqualTo(1);
            assertThat(row.get(Aggregations.countIndex(POST_FIELDS))).isEqualTo(2L);
            assertThat(row.get(Aggregations.index(Function.SUM, POST_VIEWS, POST_FIELDS, POST_FIELDS)))
                    .isEqualTo(150L);
            assertThat(row.get(Aggregations.index(Function.COUNT, POST_EDITOR_ID, POST_FIELDS, POST_FIELDS)))
                    .isEqualTo(1L);
        });
    }

    @Test
    void anAggregateCountsTheValuesOfEachField() {
        Row row = rows(new Operation.Aggregate(POST, Query.ALL, new Aggregations(true, List.of(), List.of(), List.of(),
                List.of(), List.of(POST_EDITOR_ID, POST_TITLE)))).get(0);

        assertThat(row.get(Aggregations.countIndex(0))).isEqualTo(6L);
        assertThat(row.get(Aggregations.index(Function.COUNT, POST_EDITOR_ID, 0, POST_FIELDS))).isEqualTo(3L);
        assertThat(row.get(Aggregations.index(Function.COUNT, POST_TITLE, 0, POST_FIELDS))).isEqualTo(6L);
    }
}
