package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.RelationsSchema.*;
import static dev.refract.r2dbc.sql.Statements.and;
import static dev.refract.r2dbc.sql.Statements.data;
import static dev.refract.r2dbc.sql.Statements.eq;
import static dev.refract.r2dbc.sql.Statements.fields;
import static dev.refract.r2dbc.sql.Statements.or;
import static dev.refract.r2dbc.sql.Statements.set;
import static dev.refract.r2dbc.sql.Statements.values;
import static dev.refract.r2dbc.sql.Statements.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Filter.Related} as correlated {@code EXISTS} subqueries, over every shape of relation. */
class RelationFilterRenderingTest {

    private static final String USERS = "SELECT \"id\", \"email\", \"name\", \"managerId\", \"createdAt\" FROM \"User\"";
    private static final String POSTS = "SELECT \"id\", \"title\", \"published\", \"views\", \"authorId\", \"editorId\","
            + " \"createdAt\" FROM \"Post\"";

    private static Filter related(int field, Quantifier quantifier, Filter filter) {
        return new Filter.Related(field, quantifier, filter);
    }

    private static SqlStatement findMany(int model, Filter filter) {
        return RENDERER.render(new Operation.FindMany(model, where(filter)));
    }

    @Test
    void someIsAnExistsCorrelatedByTheForeignKeyOfTheTarget() {
        SqlStatement statement = findMany(USER, related(USER_POSTS, Quantifier.SOME, eq(POST_TITLE, "x")));

        assertThat(statement.sql()).isEqualTo(USERS + " WHERE EXISTS (SELECT 1 FROM \"Post\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\" AND \"refract_r1\".\"title\" = $1)");
        assertThat(values(statement)).containsExactly("x");
    }

    @Test
    void everyCountsARecordWhoseFilterIsUnknownAsNotMatching() {
        SqlStatement statement = findMany(USER, related(USER_POSTS, Quantifier.EVERY, eq(POST_PUBLISHED, true)));

        assertThat(statement.sql()).isEqualTo(USERS + " WHERE NOT EXISTS (SELECT 1 FROM \"Post\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\""
                + " AND NOT COALESCE((\"refract_r1\".\"published\" = $1), FALSE))");
        assertThat(values(statement)).containsExactly(true);
    }

    @Test
    void noneIsANotExistsAndEveryOfEverythingHolds() {
        assertThat(findMany(USER, related(USER_POSTS, Quantifier.NONE, eq(POST_VIEWS, 0))).sql())
                .isEqualTo(USERS + " WHERE NOT EXISTS (SELECT 1 FROM \"Post\" AS \"refract_r1\""
                        + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\" AND \"refract_r1\".\"views\" = $1)");
        assertThat(findMany(USER, related(USER_POSTS, Quantifier.NONE, Filter.ALL)).sql())
                .isEqualTo(USERS + " WHERE NOT EXISTS (SELECT 1 FROM \"Post\" AS \"refract_r1\""
                        + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\")");
        assertThat(findMany(USER, related(USER_POSTS, Quantifier.EVERY, Filter.ALL)).sql())
                .isEqualTo(USERS + " WHERE TRUE");
    }

    @Test
    void anImplicitManyToManyGoesThroughItsJoinTableFromEitherSide() {
        assertThat(findMany(POST, related(POST_TAGS, Quantifier.SOME, eq(TAG_NAME, "java"))).sql())
                .isEqualTo(POSTS + " WHERE EXISTS (SELECT 1 FROM \"_PostToTag\" AS \"refract_j1\""
                        + " JOIN \"Tag\" AS \"refract_r1\" ON \"refract_r1\".\"id\" = \"refract_j1\".\"B\""
                        + " WHERE \"refract_j1\".\"A\" = \"Post\".\"id\" AND \"refract_r1\".\"name\" = $1)");
        assertThat(findMany(TAG, related(TAG_POSTS, Quantifier.SOME, eq(POST_TITLE, "t"))).sql())
                .isEqualTo("SELECT \"id\", \"name\" FROM \"Tag\" WHERE EXISTS (SELECT 1 FROM \"_PostToTag\" AS"
                        + " \"refract_j1\" JOIN \"Post\" AS \"refract_r1\" ON \"refract_r1\".\"id\" = \"refract_j1\".\"A\""
                        + " WHERE \"refract_j1\".\"B\" = \"Tag\".\"id\" AND \"refract_r1\".\"title\" = $1)");
    }

    @Test
    void aJoinTableAloneAnswersWhetherAnyRecordIsRelated() {
        assertThat(findMany(TAG, related(TAG_POSTS, Quantifier.SOME, Filter.ALL)).sql())
                .isEqualTo("SELECT \"id\", \"name\" FROM \"Tag\" WHERE EXISTS (SELECT 1 FROM \"_PostToTag\" AS"
                        + " \"refract_j1\" WHERE \"refract_j1\".\"B\" = \"Tag\".\"id\")");
    }

    @Test
    void bothSidesOfASelfManyToManyReadTheirOwnColumnsOfTheJoinTable() {
        String following = findMany(USER, related(USER_FOLLOWING, Quantifier.SOME, eq(USER_NAME, "bob"))).sql();
        String followedBy = findMany(USER, related(USER_FOLLOWED_BY, Quantifier.SOME, eq(USER_NAME, "bob"))).sql();

        assertThat(following).isEqualTo(USERS + " WHERE EXISTS (SELECT 1 FROM \"_Follows\" AS \"refract_j1\""
                + " JOIN \"User\" AS \"refract_r1\" ON \"refract_r1\".\"id\" = \"refract_j1\".\"A\""
                + " WHERE \"refract_j1\".\"B\" = \"User\".\"id\" AND \"refract_r1\".\"name\" = $1)");
        assertThat(followedBy).isEqualTo(USERS + " WHERE EXISTS (SELECT 1 FROM \"_Follows\" AS \"refract_j1\""
                + " JOIN \"User\" AS \"refract_r1\" ON \"refract_r1\".\"id\" = \"refract_j1\".\"B\""
                + " WHERE \"refract_j1\".\"A\" = \"User\".\"id\" AND \"refract_r1\".\"name\" = $1)");
    }

    @Test
    void isOfEverythingOnTheKeySideHoldsWhenTheKeyIsSetAndItsRecordExists() {
        assertThat(findMany(POST, related(POST_EDITOR, Quantifier.IS, Filter.ALL)).sql())
                .isEqualTo(POSTS + " WHERE EXISTS (SELECT 1 FROM \"User\" AS \"refract_r1\""
                        + " WHERE \"refract_r1\".\"id\" = \"Post\".\"editorId\")");
        assertThat(findMany(POST, related(POST_EDITOR, Quantifier.IS_NOT, Filter.ALL)).sql())
                .isEqualTo(POSTS + " WHERE NOT EXISTS (SELECT 1 FROM \"User\" AS \"refract_r1\""
                        + " WHERE \"refract_r1\".\"id\" = \"Post\".\"editorId\")");
    }

    @Test
    void isOnTheSideWithoutTheKeyLooksForTheRecordHoldingIt() {
        SqlStatement statement = findMany(USER, related(USER_PROFILE, Quantifier.IS, eq(PROFILE_BIO, "hi")));

        assertThat(statement.sql()).isEqualTo(USERS + " WHERE EXISTS (SELECT 1 FROM \"Profile\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"userId\" = \"User\".\"id\" AND \"refract_r1\".\"bio\" = $1)");
    }

    @Test
    void aSelfRelationCorrelatesWithTheOuterRowThroughTheAlias() {
        SqlStatement statement = findMany(USER, related(USER_MANAGER, Quantifier.IS_NOT, eq(USER_NAME, "ann")));

        assertThat(statement.sql()).isEqualTo(USERS + " WHERE NOT EXISTS (SELECT 1 FROM \"User\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"id\" = \"User\".\"managerId\" AND \"refract_r1\".\"name\" = $1)");
    }

    @Test
    void aCompoundForeignKeyMatchesEachOfItsColumns() {
        assertThat(findMany(ITEM, related(ITEM_SHELF, Quantifier.IS, eq(SHELF_LABEL, "top"))).sql())
                .isEqualTo("SELECT \"id\", \"sku\", \"shelfAisle\", \"shelfNumber\" FROM \"Item\" WHERE EXISTS"
                        + " (SELECT 1 FROM \"Shelf\" AS \"refract_r1\" WHERE \"refract_r1\".\"aisle\" = \"Item\".\"shelfAisle\""
                        + " AND \"refract_r1\".\"number\" = \"Item\".\"shelfNumber\" AND \"refract_r1\".\"label\" = $1)");
        assertThat(findMany(SHELF, related(SHELF_ITEMS, Quantifier.NONE, eq(ITEM_SKU, "s"))).sql())
                .isEqualTo("SELECT \"aisle\", \"number\", \"label\" FROM \"Shelf\" WHERE NOT EXISTS"
                        + " (SELECT 1 FROM \"Item\" AS \"refract_r1\" WHERE \"refract_r1\".\"shelfAisle\" = \"Shelf\".\"aisle\""
                        + " AND \"refract_r1\".\"shelfNumber\" = \"Shelf\".\"number\" AND \"refract_r1\".\"sku\" = $1)");
    }

    @Test
    void nestedFiltersAliasEachDepthApart() {
        Filter filter = related(USER_POSTS, Quantifier.SOME, related(POST_COMMENTS, Quantifier.SOME,
                related(COMMENT_AUTHOR, Quantifier.IS_NOT, eq(USER_NAME, "bob"))));

        SqlStatement statement = findMany(USER, filter);

        assertThat(statement.sql()).isEqualTo(USERS + " WHERE EXISTS (SELECT 1 FROM \"Post\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\" AND EXISTS (SELECT 1 FROM \"Comment\" AS"
                + " \"refract_r2\" WHERE \"refract_r2\".\"postId\" = \"refract_r1\".\"id\" AND NOT EXISTS (SELECT 1"
                + " FROM \"User\" AS \"refract_r3\" WHERE \"refract_r3\".\"id\" = \"refract_r2\".\"authorId\""
                + " AND \"refract_r3\".\"name\" = $1)))");
        assertThat(values(statement)).containsExactly("bob");
    }

    @Test
    void theFilterInsideKeepsItsOwnGroupingAndSiblingsReuseTheirDepth() {
        Filter filter = or(related(USER_POSTS, Quantifier.SOME, or(eq(POST_TITLE, "a"), eq(POST_TITLE, "b"))),
                and(related(USER_COMMENTS, Quantifier.NONE, Filter.ALL), eq(USER_NAME, "c")));

        SqlStatement statement = findMany(USER, filter);

        assertThat(statement.sql()).isEqualTo(USERS + " WHERE (EXISTS (SELECT 1 FROM \"Post\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\" AND (\"refract_r1\".\"title\" = $1"
                + " OR \"refract_r1\".\"title\" = $2)) OR (NOT EXISTS (SELECT 1 FROM \"Comment\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\") AND \"name\" = $3))");
        assertThat(values(statement)).containsExactly("a", "b", "c");
    }

    @Test
    void writesAndCountsFilterThroughRelationsToo() {
        Filter noPosts = related(USER_POSTS, Quantifier.NONE, Filter.ALL);
        String none = "NOT EXISTS (SELECT 1 FROM \"Post\" AS \"refract_r1\" WHERE \"refract_r1\".\"authorId\""
                + " = \"User\".\"id\")";

        assertThat(RENDERER.render(new Operation.DeleteMany(USER, noPosts)).sql())
                .isEqualTo("DELETE FROM \"User\" WHERE " + none);
        assertThat(RENDERER.render(new Operation.UpdateMany(USER, noPosts, data(set(USER_NAME, "idle")))).sql())
                .isEqualTo("UPDATE \"User\" SET \"name\" = $1 WHERE " + none);
        assertThat(RENDERER.render(new Operation.Count(USER, where(noPosts))).sql())
                .isEqualTo("SELECT count(*) FROM \"User\" WHERE " + none);
        assertThat(RENDERER.render(new Operation.Aggregate(USER, where(noPosts),
                new Aggregations(true, List.of(), List.of(), List.of(), List.of()))).sql())
                .isEqualTo("SELECT count(*) FROM \"User\" WHERE " + none);
        assertThat(RENDERER.render(new Operation.Upsert(USER, and(eq(USER_EMAIL, "a@x"), noPosts),
                data(set(USER_EMAIL, "a@x"), set(USER_NAME, "a")), data(set(USER_NAME, "b")), fields(USER_ID))).sql())
                .isEqualTo("INSERT INTO \"User\" (\"email\", \"name\") VALUES ($1, $2) ON CONFLICT (\"email\")"
                        + " DO UPDATE SET \"name\" = $3 WHERE " + none + " RETURNING \"id\"");
    }

    @Test
    void aCursorFilterThroughARelationReadsTheCursorRowItself() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(USER, new Query(Filter.ALL, List.of(), 0, null,
                and(eq(USER_ID, 1), related(USER_POSTS, Quantifier.SOME, Filter.ALL)), List.of(), fields(USER_ID))));

        assertThat(statement.sql()).isEqualTo("SELECT \"User\".\"id\" FROM \"User\", (SELECT \"id\" FROM \"User\""
                + " WHERE \"id\" = $1 AND EXISTS (SELECT 1 FROM \"Post\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\")) AS \"refract_cursor\""
                + " WHERE \"User\".\"id\" >= \"refract_cursor\".\"id\" ORDER BY \"User\".\"id\"");
    }

    @Test
    void hostileValuesInsideRelationFiltersAreStillBound() {
        String hostile = "x' OR 1=1; DROP TABLE \"User\"; --";

        SqlStatement statement = findMany(USER, related(USER_POSTS, Quantifier.EVERY,
                related(POST_TAGS, Quantifier.SOME, eq(TAG_NAME, hostile))));

        assertThat(statement.sql()).doesNotContain("DROP").doesNotContain("1=1");
        assertThat(values(statement)).containsExactly(hostile);
    }

    @Test
    void aListRelationTakesSomeEveryOrNoneAndASingleOneIsOrIsNot() {
        assertThatThrownBy(() -> findMany(POST, related(POST_AUTHOR, Quantifier.SOME, Filter.ALL)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Post.author holds one record: filter it with is or isNot, not some");
        assertThatThrownBy(() -> findMany(USER, related(USER_POSTS, Quantifier.IS, Filter.ALL)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.posts is a list: filter it with some, every or none, not is");
    }

    @Test
    void aScalarFieldIsNoRelationToFilterThrough() {
        assertThatThrownBy(() -> findMany(USER, related(USER_NAME, Quantifier.SOME, Filter.ALL)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Field name of User is not a relation field");
    }
}
