package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.relations.db.RefractClientMetadata;
import dev.refract.error.InvalidQueryException;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one statement that reads the related records of many parents, for every shape of relation. */
class FindRelatedRenderingTest {

    private static final SqlRenderer RELATIONS = new SqlRenderer(RefractClientMetadata.SCHEMA, PostgresDialect.INSTANCE);

    private static final int USER = 0;
    private static final int USER_POSTS = 4;
    private static final int USER_FOLLOWING = 10;
    private static final int USER_FOLLOWED_BY = 11;
    private static final int POST = 2;
    private static final int POST_ID = 0;
    private static final int POST_TITLE = 1;
    private static final int POST_PUBLISHED = 2;
    private static final int POST_VIEWS = 3;
    private static final int POST_AUTHOR = 4;
    private static final int POST_AUTHOR_ID = 5;
    private static final int POST_COMMENTS = 8;
    private static final int POST_TAGS = 9;
    private static final int TAG = 3;
    private static final int COMMENT = 6;
    private static final int COMMENT_LIKES = 2;
    private static final int SHELF = 7;
    private static final int SHELF_ITEMS = 3;
    private static final int ITEM = 8;
    private static final int ITEM_SHELF = 2;

    private static final String POST_COLUMNS = "\"Post\".\"id\", \"Post\".\"title\", \"Post\".\"published\","
            + " \"Post\".\"views\", \"Post\".\"authorId\", \"Post\".\"editorId\", \"Post\".\"createdAt\"";

    private static Query query(Filter where, List<OrderBy> order, int skip, Integer take, Selection selection) {
        return new Query(where, order, skip, take, null, List.of(), selection);
    }

    private static SqlStatement render(int model, int parent, int field, List<Object> keys, Query query) {
        return RELATIONS.render(new Operation.FindRelated(model, parent, field, keys, query));
    }

    @Test
    void theStatementSortsByIdOnlyWhereTheCallerCannotOrderByTheNumericIdItReads() {
        Query titles = new Query(Filter.ALL, List.of(), 0, null, null, List.of(), fields(1));

        assertThat(render(POST, USER, USER_POSTS, List.of(1), Query.ALL).sql()).doesNotContain("ORDER BY");
        assertThat(render(POST, USER, USER_POSTS, List.of(1), titles).sql()).isEqualTo("SELECT \"Post\".\"title\","
                + " \"Post\".\"authorId\" FROM \"Post\" WHERE \"Post\".\"authorId\" = ANY($1::integer[])"
                + " ORDER BY \"Post\".\"id\"");
    }

    @Test
    void foreignKeyOnTheTargetMatchesEveryParentKeyAsOneArray() {
        SqlStatement statement = render(POST, USER, USER_POSTS, List.of(1, 2, 3), Query.ALL);

        assertThat(statement.sql()).isEqualTo("SELECT " + POST_COLUMNS + " FROM \"Post\""
                + " WHERE \"Post\".\"authorId\" = ANY($1::integer[])");
        assertThat(values(statement)).containsExactly(List.of(1, 2, 3));
        assertThat(statement.result()).as("the selected authorId holds the key: no key column")
                .isEqualTo(new ResultShape.Rows(POST, List.of(0, 1, 2, 3, 5, 7, 11), List.of(), List.of()));
    }

    @Test
    void foreignKeyOnTheParentMatchesTheReferencedKeyOfTheTarget() {
        SqlStatement statement = render(USER, POST, POST_AUTHOR, List.of(7, 8),
                new Query(Filter.ALL, List.of(), 0, null, null, List.of(), fields(2)));

        assertThat(statement.sql()).isEqualTo("SELECT \"User\".\"name\", \"User\".\"id\" FROM \"User\""
                + " WHERE \"User\".\"id\" = ANY($1::integer[])");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(USER, List.of(2), List.of(),
                List.of(RefractClientMetadata.USER.field(0))));
    }

    @Test
    void implicitManyToManyJoinsItsTableAndReturnsTheParentColumn() {
        SqlStatement tags = render(TAG, POST, POST_TAGS, List.of(5), Query.ALL);

        assertThat(tags.sql()).isEqualTo("SELECT \"Tag\".\"id\", \"Tag\".\"name\", \"refract_link\".\"A\" FROM \"Tag\""
                + " JOIN \"_PostToTag\" AS \"refract_link\" ON \"refract_link\".\"B\" = \"Tag\".\"id\""
                + " WHERE \"refract_link\".\"A\" = ANY($1::integer[])");
        assertThat(((ResultShape.Rows) tags.result()).keyFields())
                .containsExactly(RefractClientMetadata.POST.field(POST_ID));

        // a self relation: the two sides read the join table's columns the other way round
        String following = render(USER, USER, USER_FOLLOWING, List.of(1), new Query(Filter.ALL, List.of(), 0, null, null,
                List.of(), fields(0))).sql();
        String followedBy = render(USER, USER, USER_FOLLOWED_BY, List.of(1), new Query(Filter.ALL, List.of(), 0, null,
                null, List.of(), fields(0))).sql();
        assertThat(following).isEqualTo("SELECT \"User\".\"id\", \"refract_link\".\"B\" FROM \"User\""
                + " JOIN \"_Follows\" AS \"refract_link\" ON \"refract_link\".\"A\" = \"User\".\"id\""
                + " WHERE \"refract_link\".\"B\" = ANY($1::integer[])");
        assertThat(followedBy).isEqualTo("SELECT \"User\".\"id\", \"refract_link\".\"A\" FROM \"User\""
                + " JOIN \"_Follows\" AS \"refract_link\" ON \"refract_link\".\"B\" = \"User\".\"id\""
                + " WHERE \"refract_link\".\"A\" = ANY($1::integer[])");
    }

    @Test
    void compoundKeysMatchColumnByColumnArraysThroughUnnest() {
        SqlStatement items = render(ITEM, SHELF, SHELF_ITEMS,
                List.of(List.of("A'); DROP TABLE \"Item\"; --", 1), List.of("B", 2)), Query.ALL);

        assertThat(items.sql()).isEqualTo("SELECT \"Item\".\"id\", \"Item\".\"sku\", \"Item\".\"shelfAisle\","
                + " \"Item\".\"shelfNumber\" FROM \"Item\""
                + " WHERE (\"Item\".\"shelfAisle\", \"Item\".\"shelfNumber\") IN (SELECT * FROM unnest($1::text[],"
                + " $2::integer[]))");
        assertThat(values(items)).containsExactly(List.of("A'); DROP TABLE \"Item\"; --", "B"), List.of(1, 2));

        SqlStatement shelves = render(SHELF, ITEM, ITEM_SHELF, List.of(List.of("A", 1)), Query.ALL);
        assertThat(shelves.sql()).isEqualTo("SELECT \"Shelf\".\"aisle\", \"Shelf\".\"number\", \"Shelf\".\"label\""
                + " FROM \"Shelf\" WHERE (\"Shelf\".\"aisle\", \"Shelf\".\"number\")"
                + " IN (SELECT * FROM unnest($1::text[], $2::integer[]))");
    }

    @Test
    void theQuerysFilterAndOrderApplyWithinEachParent() {
        SqlStatement statement = render(POST, USER, USER_POSTS, List.of(1),
                query(eq(POST_PUBLISHED, true), List.of(new OrderBy(POST_VIEWS, OrderBy.Direction.DESC,
                        OrderBy.Nulls.LAST)), 0, null, fields(POST_TITLE)));

        assertThat(statement.sql()).isEqualTo("SELECT \"Post\".\"title\", \"Post\".\"authorId\" FROM \"Post\""
                + " WHERE \"Post\".\"authorId\" = ANY($1::integer[]) AND (\"Post\".\"published\" = $2)"
                + " ORDER BY \"Post\".\"views\" DESC NULLS LAST, \"Post\".\"id\"");
        assertThat(values(statement)).containsExactly(List.of(1), true);
    }

    @Test
    void skipAndTakePageEachParentsRecordsByRowNumber() {
        SqlStatement statement = render(POST, USER, USER_POSTS, List.of(1, 2),
                query(eq(POST_PUBLISHED, true), List.of(desc(POST_VIEWS)), 1, 2, fields(POST_TITLE)));

        assertThat(statement.sql()).isEqualTo("SELECT \"refract_related\".\"title\", \"refract_related\".\"refract_key_0\""
                + " FROM (SELECT \"Post\".\"title\", \"Post\".\"authorId\" AS \"refract_key_0\", row_number() OVER"
                + " (PARTITION BY \"Post\".\"authorId\" ORDER BY \"Post\".\"views\" DESC, \"Post\".\"id\") AS \"refract_row\""
                + " FROM \"Post\" WHERE \"Post\".\"authorId\" = ANY($1::integer[]) AND (\"Post\".\"published\" = $2))"
                + " AS \"refract_related\" WHERE \"refract_related\".\"refract_row\" > $3"
                + " AND \"refract_related\".\"refract_row\" <= $4"
                + " ORDER BY \"refract_related\".\"refract_key_0\", \"refract_related\".\"refract_row\"");
        assertThat(values(statement)).containsExactly(List.of(1, 2), true, 1L, 3L);
    }

    @Test
    void relationCountsComeAfterTheFieldsAndBeforeTheKey() {
        Selection counted = new Selection(List.of(POST_TITLE), List.of(), List.of(
                new Selection.RelationCount(POST_COMMENTS, compare(COMMENT_LIKES, Filter.Operator.GT, 0)),
                new Selection.RelationCount(POST_TAGS, Filter.ALL)));

        SqlStatement statement = render(POST, USER, USER_POSTS, List.of(1), query(Filter.ALL, List.of(), 0, null, counted));

        assertThat(statement.sql()).isEqualTo("SELECT \"Post\".\"title\","
                + " (SELECT count(*) FROM \"Comment\" AS \"refract_r1\" WHERE \"refract_r1\".\"postId\" = \"Post\".\"id\""
                + " AND \"refract_r1\".\"likes\" > $1),"
                + " (SELECT count(*) FROM \"_PostToTag\" AS \"refract_j1\""
                + " WHERE \"refract_j1\".\"A\" = \"Post\".\"id\"),"
                + " \"Post\".\"authorId\" FROM \"Post\" WHERE \"Post\".\"authorId\" = ANY($2::integer[])"
                + " ORDER BY \"Post\".\"id\"");
        assertThat(values(statement)).containsExactly(0, List.of(1));
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(POST, List.of(POST_TITLE),
                List.of(POST_COMMENTS, POST_TAGS), List.of(RefractClientMetadata.POST.field(POST_AUTHOR_ID))));
    }

    @Test
    void pagedRowsCarryTheColumnsTheirCountsCorrelateOn() {
        Selection counted = new Selection(List.of(POST_TITLE), List.of(), List.of(
                new Selection.RelationCount(POST_TAGS, eq(1, "java"))));

        SqlStatement statement = render(POST, USER, USER_POSTS, List.of(1), query(Filter.ALL, List.of(), 0, 1, counted));

        assertThat(statement.sql()).isEqualTo("SELECT \"refract_related\".\"title\","
                + " (SELECT count(*) FROM \"_PostToTag\" AS \"refract_j1\" JOIN \"Tag\" AS \"refract_r1\""
                + " ON \"refract_r1\".\"id\" = \"refract_j1\".\"B\""
                + " WHERE \"refract_j1\".\"A\" = \"refract_related\".\"id\" AND \"refract_r1\".\"name\" = $1),"
                + " \"refract_related\".\"refract_key_0\" FROM (SELECT \"Post\".\"title\", \"Post\".\"id\","
                + " \"Post\".\"authorId\" AS \"refract_key_0\", row_number() OVER (PARTITION BY \"Post\".\"authorId\""
                + " ORDER BY \"Post\".\"id\") AS \"refract_row\" FROM \"Post\" WHERE \"Post\".\"authorId\" = ANY($2::integer[]))"
                + " AS \"refract_related\" WHERE \"refract_related\".\"refract_row\" > $3"
                + " AND \"refract_related\".\"refract_row\" <= $4"
                + " ORDER BY \"refract_related\".\"refract_key_0\", \"refract_related\".\"refract_row\"");
        assertThat(values(statement)).containsExactly("java", List.of(1), 0L, 1L);
    }

    @Test
    void aCursorOrDistinctInAnIncludeIsRejectedNamingTheRelation() {
        Query cursor = new Query(Filter.ALL, List.of(), 0, null, eq(POST_ID, 3), List.of(), Selection.ALL);
        assertThatThrownBy(() -> render(POST, USER, USER_POSTS, List.of(1), cursor))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.posts").hasMessageContaining("cursor").hasMessageContaining("skip and take");

        Query distinct = new Query(Filter.ALL, List.of(), 0, null, null, List.of(POST_TITLE), Selection.ALL);
        assertThatThrownBy(() -> render(POST, USER, USER_POSTS, List.of(1), distinct))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.posts").hasMessageContaining("distinct");
    }

    @Test
    void aFieldThatIsNotARelationIsRejected() {
        assertThatThrownBy(() -> render(POST, USER, 2, List.of(1), Query.ALL))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("name").hasMessageContaining("User").hasMessageContaining("not a relation");
    }

    @Test
    void countingAToOneRelationIsRejected() {
        Selection counted = new Selection(List.of(), List.of(), List.of(new Selection.RelationCount(3, Filter.ALL)));
        assertThatThrownBy(() -> render(COMMENT, POST, POST_COMMENTS, List.of(1),
                query(Filter.ALL, List.of(), 0, null, counted)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Comment.post").hasMessageContaining("holds one record");
    }
}
