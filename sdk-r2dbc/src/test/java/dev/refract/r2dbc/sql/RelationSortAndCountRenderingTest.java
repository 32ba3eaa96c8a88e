package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.RelationsSchema.*;
import static dev.refract.r2dbc.sql.Statements.asc;
import static dev.refract.r2dbc.sql.Statements.data;
import static dev.refract.r2dbc.sql.Statements.eq;
import static dev.refract.r2dbc.sql.Statements.set;
import static dev.refract.r2dbc.sql.Statements.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.OrderBy.Direction;
import dev.refract.query.OrderBy.Key;
import dev.refract.query.OrderBy.Nulls;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.Selection.RelationCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sort keys through relations and relation counts in the rows of every statement that returns rows. */
class RelationSortAndCountRenderingTest {

    private static final String POSTS_BY_AUTHOR_NAME = "(SELECT \"refract_r1\".\"name\" FROM \"User\" AS \"refract_r1\""
            + " WHERE \"refract_r1\".\"id\" = \"Post\".\"authorId\")";
    private static final String POST_COUNT = "(SELECT count(*) FROM \"Post\" AS \"refract_r1\""
            + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\")";

    private static OrderBy sort(Key key, Direction direction, Nulls nulls) {
        return new OrderBy(key, direction, nulls);
    }

    private static Query query(List<OrderBy> order, Selection selection) {
        return new Query(Filter.ALL, order, 0, null, null, List.of(), selection);
    }

    private static Selection counting(List<Integer> fields, RelationCount... counts) {
        return new Selection(fields, List.of(), List.of(counts));
    }

    @Test
    void aToOneFieldSortsThroughAScalarSubquery() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(POST, query(
                List.of(sort(new Key.RelatedField(List.of(POST_AUTHOR), USER_NAME), Direction.DESC, Nulls.LAST),
                        asc(POST_ID)), Statements.fields(POST_ID))));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\" FROM \"Post\" ORDER BY " + POSTS_BY_AUTHOR_NAME
                + " DESC NULLS LAST, \"id\"");
        assertThat(statement.parameters()).isEmpty();
    }

    @Test
    void aTwoLevelPathJoinsEachStepInsideTheSubquery() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(COMMENT, query(
                List.of(sort(new Key.RelatedField(List.of(COMMENT_POST, POST_AUTHOR), USER_NAME), Direction.ASC,
                        Nulls.DEFAULT)), Statements.fields(COMMENT_ID))));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\" FROM \"Comment\" ORDER BY (SELECT \"refract_r2\".\"name\""
                + " FROM \"Post\" AS \"refract_r1\" JOIN \"User\" AS \"refract_r2\" ON \"refract_r2\".\"id\""
                + " = \"refract_r1\".\"authorId\" WHERE \"refract_r1\".\"id\" = \"Comment\".\"postId\")");
    }

    @Test
    void aRelationCountSortsByACountingSubquery() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(USER, query(
                List.of(sort(new Key.RelationCount(List.of(USER_POSTS)), Direction.DESC, Nulls.DEFAULT)),
                Statements.fields(USER_ID))));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\" FROM \"User\" ORDER BY " + POST_COUNT + " DESC");
    }

    @Test
    void aCountAfterToOneStepsCountsThroughAJoinTableWithoutReadingItsTarget() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(COMMENT, query(
                List.of(sort(new Key.RelationCount(List.of(COMMENT_POST, POST_TAGS)), Direction.ASC, Nulls.DEFAULT)),
                Statements.fields(COMMENT_ID))));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\" FROM \"Comment\" ORDER BY (SELECT count(*) FROM \"Post\""
                + " AS \"refract_r1\" JOIN \"_PostToTag\" AS \"refract_j2\" ON \"refract_j2\".\"A\" = \"refract_r1\".\"id\""
                + " WHERE \"refract_r1\".\"id\" = \"Comment\".\"postId\")");
    }

    @Test
    void aSortKeyCannotStepThroughAListNorCountASingleRecordNorSortByAnAggregate() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.FindMany(USER, query(List.of(sort(
                new Key.RelatedField(List.of(USER_POSTS), POST_TITLE), Direction.ASC, Nulls.DEFAULT)), Selection.ALL))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("User.posts is a list: sort by its count instead");
        assertThatThrownBy(() -> RENDERER.render(new Operation.FindMany(POST, query(List.of(sort(
                new Key.RelationCount(List.of(POST_AUTHOR)), Direction.ASC, Nulls.DEFAULT)), Selection.ALL))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Post.author holds one record");
        assertThatThrownBy(() -> RENDERER.render(new Operation.FindMany(POST, query(List.of(sort(
                new Key.Aggregate(Aggregations.Function.SUM, POST_VIEWS), Direction.ASC, Nulls.DEFAULT)),
                Selection.ALL))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Only a groupBy sorts by an aggregate");
    }

    @Test
    void aCursorComparesRelationKeysWithTheCursorRowsOwnValues() {
        Query query = new Query(Filter.ALL, List.of(sort(new Key.RelatedField(List.of(POST_AUTHOR), USER_NAME),
                Direction.ASC, Nulls.DEFAULT)), 0, 2, eq(POST_ID, 5), List.of(), Statements.fields(POST_ID));

        SqlStatement statement = RENDERER.render(new Operation.FindMany(POST, query));

        String key = POSTS_BY_AUTHOR_NAME;
        assertThat(statement.sql()).isEqualTo("SELECT \"Post\".\"id\" FROM \"Post\", (SELECT " + key
                + " AS \"refract_key0\", \"id\" FROM \"Post\" WHERE \"id\" = $1) AS \"refract_cursor\" WHERE"
                + " ((\"refract_cursor\".\"refract_key0\" IS NOT NULL AND (" + key + " IS NULL OR " + key
                + " > \"refract_cursor\".\"refract_key0\")) OR (" + key + " IS NOT DISTINCT FROM"
                + " \"refract_cursor\".\"refract_key0\" AND \"Post\".\"id\" >= \"refract_cursor\".\"id\"))"
                + " ORDER BY " + key + ", \"Post\".\"id\" LIMIT $2");
        assertThat(values(statement)).containsExactly(5, 2);
    }

    @Test
    void distinctCarriesRelationKeysAndCountsOutOfItsDerivedTable() {
        Query query = new Query(Filter.ALL, List.of(sort(new Key.RelationCount(List.of(POST_COMMENTS)), Direction.DESC,
                Nulls.DEFAULT)), 0, 2, null, List.of(POST_AUTHOR_ID),
                counting(List.of(POST_ID), new RelationCount(POST_COMMENTS, Filter.ALL)));

        SqlStatement statement = RENDERER.render(new Operation.FindMany(POST, query));

        String comments = "(SELECT count(*) FROM \"Comment\" AS \"refract_r1\" WHERE \"refract_r1\".\"postId\""
                + " = \"Post\".\"id\")";
        assertThat(statement.sql()).isEqualTo("SELECT \"id\", \"refract_count0\" FROM (SELECT DISTINCT ON"
                + " (\"authorId\") \"id\", " + comments + " AS \"refract_key0\", " + comments + " AS \"refract_count0\""
                + " FROM \"Post\" ORDER BY \"authorId\", \"refract_key0\" DESC) AS \"refract_distinct\""
                + " ORDER BY \"refract_key0\" DESC LIMIT $1");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(POST, List.of(POST_ID), List.of(POST_COMMENTS),
                List.of()));
    }

    @Test
    void countsFollowTheFieldsWithTheirOwnFilters() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(USER, query(List.of(), counting(
                List.of(USER_ID, USER_NAME), new RelationCount(USER_POSTS, Filter.ALL),
                new RelationCount(USER_FOLLOWING, eq(USER_NAME, "bob"))))));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\", \"name\", " + POST_COUNT + ", (SELECT count(*) FROM"
                + " \"_Follows\" AS \"refract_j1\" JOIN \"User\" AS \"refract_r1\" ON \"refract_r1\".\"id\""
                + " = \"refract_j1\".\"A\" WHERE \"refract_j1\".\"B\" = \"User\".\"id\" AND \"refract_r1\".\"name\" = $1)"
                + " FROM \"User\"");
        assertThat(values(statement)).containsExactly("bob");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(USER, List.of(USER_ID, USER_NAME),
                List.of(USER_POSTS, USER_FOLLOWING), List.of()));
    }

    @Test
    void countsOfEveryFieldSelectionFollowEveryColumn() {
        SqlStatement statement = RENDERER.render(new Operation.FindUnique(POST, eq(POST_ID, 1),
                counting(List.of(), new RelationCount(POST_TAGS, Filter.ALL))));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\", \"title\", \"published\", \"views\", \"authorId\","
                + " \"editorId\", \"createdAt\", (SELECT count(*) FROM \"_PostToTag\" AS \"refract_j1\""
                + " WHERE \"refract_j1\".\"A\" = \"Post\".\"id\") FROM \"Post\" WHERE \"id\" = $1");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(POST, List.of(0, 1, 2, 3, 5, 7, 11),
                List.of(POST_TAGS), List.of()));
    }

    @Test
    void writesReturnCountsAfterTheirColumns() {
        Selection selection = counting(List.of(USER_ID), new RelationCount(USER_POSTS, Filter.ALL));
        String returning = " RETURNING \"id\", " + POST_COUNT;

        assertThat(RENDERER.render(new Operation.Create(USER, data(set(USER_EMAIL, "e")), selection)).sql())
                .isEqualTo("INSERT INTO \"User\" (\"email\") VALUES ($1)" + returning);
        assertThat(RENDERER.render(new Operation.Update(USER, eq(USER_ID, 1), data(set(USER_NAME, "n")), selection))
                .sql()).isEqualTo("UPDATE \"User\" SET \"name\" = $1 WHERE \"id\" = $2" + returning);
        assertThat(RENDERER.render(new Operation.Delete(USER, eq(USER_ID, 1), selection)).sql())
                .isEqualTo("DELETE FROM \"User\" WHERE \"id\" = $1" + returning);
        assertThat(RENDERER.render(new Operation.CreateManyAndReturn(USER, List.of(data(set(USER_EMAIL, "e"))), false,
                selection)).sql()).isEqualTo("INSERT INTO \"User\" (\"email\") VALUES ($1)" + returning);
        SqlStatement upsert = RENDERER.render(new Operation.Upsert(USER, eq(USER_ID, 1),
                data(set(USER_ID, 1), set(USER_EMAIL, "e")), data(set(USER_NAME, "n")), selection));
        assertThat(upsert.sql()).endsWith(returning);
        assertThat(upsert.result()).isEqualTo(new ResultShape.Rows(USER, List.of(USER_ID), List.of(USER_POSTS),
                List.of()));
    }

    @Test
    void aCountsFilterNestsItsRelationFiltersOneLevelDeeper() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(USER, query(List.of(), counting(
                List.of(USER_ID), new RelationCount(USER_POSTS, new Filter.Related(POST_COMMENTS,
                        Filter.Quantifier.SOME, eq(COMMENT_LIKES, 3)))))));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\", (SELECT count(*) FROM \"Post\" AS \"refract_r1\""
                + " WHERE \"refract_r1\".\"authorId\" = \"User\".\"id\" AND EXISTS (SELECT 1 FROM \"Comment\" AS"
                + " \"refract_r2\" WHERE \"refract_r2\".\"postId\" = \"refract_r1\".\"id\""
                + " AND \"refract_r2\".\"likes\" = $1)) FROM \"User\"");
    }

    @Test
    void onlyListRelationsAreCountedAndEachOnce() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.FindMany(POST, query(List.of(),
                counting(List.of(), new RelationCount(POST_AUTHOR, Filter.ALL))))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Post.author holds one record; _count counts the records of list relations");
        assertThatThrownBy(() -> RENDERER.render(new Operation.FindMany(POST, query(List.of(),
                counting(List.of(), new RelationCount(POST_TAGS, Filter.ALL), new RelationCount(POST_TAGS,
                        Filter.ALL))))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Post.tags is counted twice");
    }

    @Test
    void subqueriesOfCountsAndAggregatesLeaveTheCountsOut() {
        Query query = new Query(Filter.ALL, List.of(sort(new Key.RelationCount(List.of(USER_POSTS)), Direction.DESC,
                Nulls.DEFAULT)), 0, 3, null, List.of(), counting(List.of(), new RelationCount(USER_POSTS, Filter.ALL)));

        assertThat(RENDERER.render(new Operation.Count(USER, query)).sql()).isEqualTo("SELECT count(*) FROM"
                + " (SELECT \"id\" FROM \"User\" ORDER BY " + POST_COUNT + " DESC LIMIT $1) AS \"refract_count\"");
    }

    // -------------------------------------------------------------------------- cross datasources

    private static final SchemaMeta SPLIT = new SchemaMeta(
            List.of(DatasourceMeta.fromEnvironment("db", 0, Provider.POSTGRESQL, "DATABASE_URL", PoolMeta.DEFAULTS),
                    DatasourceMeta.fromEnvironment("docs", 1, Provider.MONGODB, "MONGODB_URL", PoolMeta.DEFAULTS)),
            List.of(new ModelMeta("Author", "Author", 0, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId(),
                            FieldMeta.relation("notes", "Note", Arity.LIST)),
                            KeyMeta.of(0), List.of(),
                            List.of(new RelationMeta("AuthorToNote", 1, 1, true, new int[0], new int[0], null, null, 2,
                                    true)),
                            null, 0),
                    new ModelMeta("Note", "Note", 1, 1, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("authorId", ScalarType.INT, Arity.REQUIRED),
                            FieldMeta.relation("author", "Author", Arity.REQUIRED)),
                            KeyMeta.of(0), List.of(),
                            List.of(new RelationMeta("AuthorToNote", 2, 0, false, new int[] {1}, new int[] {0}, null,
                                    null, 1, true)),
                            null, 0)),
            List.of(), List.of());

    @Test
    void aRelationToAnotherDatasourceCannotBeFilteredSortedOrCounted() {
        SqlRenderer renderer = new SqlRenderer(SPLIT, PostgresDialect.INSTANCE);
        String crosses = "The relation Author.notes crosses datasources (Author lives in db, Note in docs)";

        assertThatThrownBy(() -> renderer.render(new Operation.FindMany(0, Statements.where(
                new Filter.Related(1, Filter.Quantifier.SOME, Filter.ALL)))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining(crosses).hasMessageContaining("cannot filter by it");
        assertThatThrownBy(() -> renderer.render(new Operation.FindMany(0, query(List.of(sort(
                new Key.RelationCount(List.of(1)), Direction.ASC, Nulls.DEFAULT)), Selection.ALL))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining(crosses).hasMessageContaining("cannot sort by it");
        assertThatThrownBy(() -> renderer.render(new Operation.FindMany(0, query(List.of(),
                counting(List.of(), new RelationCount(1, Filter.ALL))))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining(crosses).hasMessageContaining("cannot count it");
    }
}
