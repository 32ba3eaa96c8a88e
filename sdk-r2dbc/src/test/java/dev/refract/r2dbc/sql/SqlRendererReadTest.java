package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlRendererReadTest {

    @Test
    void findManyWithoutArgumentsReadsEveryColumnOfTheTable() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(RUN, Query.ALL));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\", \"name\", \"status\", \"startedAt\", \"updatedAt\","
                + " \"cost\", \"metadata\" FROM \"PipelineRun\"");
        assertThat(statement.parameters()).isEmpty();
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(RUN, List.of(0, 1, 2, 3, 4, 5, 6)));
    }

    @Test
    void findManyRendersWhereOrderNullsAndPagingWithEveryValueBound() {
        Query query = new Query(and(eq(RUN_STATUS, "RUNNING"), compare(RUN_NAME, Filter.Operator.CONTAINS, "a%b")),
                List.of(new OrderBy(RUN_STARTED_AT, OrderBy.Direction.DESC, OrderBy.Nulls.LAST),
                        new OrderBy(RUN_NAME, OrderBy.Direction.ASC, OrderBy.Nulls.FIRST), asc(RUN_ID)),
                10, 5, null, List.of(), fields(RUN_NAME, RUN_ID));

        SqlStatement statement = RENDERER.render(new Operation.FindMany(RUN, query));

        assertThat(statement.sql()).isEqualTo("SELECT \"name\", \"id\" FROM \"PipelineRun\""
                + " WHERE \"status\" = $1::\"Status\" AND \"name\" LIKE $2"
                + " ORDER BY \"startedAt\" DESC NULLS LAST, \"name\" NULLS FIRST, \"id\" LIMIT $3 OFFSET $4");
        assertThat(values(statement)).containsExactly("RUNNING", "%a\\%b%", 5, 10);
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(RUN, List.of(RUN_NAME, RUN_ID)));
    }

    @Test
    void mappedTableAndColumnNamesAreUsed() {
        SqlStatement statement = RENDERER.render(new Operation.FindMany(TAGGED,
                new Query(Filter.ALL, List.of(), 0, null, null, List.of(), fields(TAGGED_NOTE))));

        assertThat(statement.sql()).isEqualTo("SELECT \"the_note\" FROM \"tagged_items\"");
    }

    @Test
    void findUniqueRendersItsFilterWithoutPaging() {
        SqlStatement statement = RENDERER.render(new Operation.FindUnique(STEP,
                and(eq(STEP_RUN_ID, "r1"), eq(STEP_POSITION, 3)), fields(STEP_ID, STEP_NAME)));

        assertThat(statement.sql())
                .isEqualTo("SELECT \"id\", \"name\" FROM \"pipeline_steps\" WHERE \"runId\" = $1 AND \"position\" = $2");
        assertThat(values(statement)).containsExactly("r1", 3);
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(STEP, List.of(STEP_ID, STEP_NAME)));
    }

    @Test
    void findFirstTakesOneRowAsABind() {
        SqlStatement statement = RENDERER.render(new Operation.FindFirst(RUN,
                new Query(eq(RUN_NAME, "x"), List.of(desc(RUN_COST)), 2, null, null, List.of(), fields(RUN_ID))));

        assertThat(statement.sql()).isEqualTo(
                "SELECT \"id\" FROM \"PipelineRun\" WHERE \"name\" = $1 ORDER BY \"cost\" DESC LIMIT $2 OFFSET $3");
        assertThat(values(statement)).containsExactly("x", 1, 2);
    }

    @Test
    void findFirstKeepsATakeOfZero() {
        SqlStatement statement = RENDERER.render(new Operation.FindFirst(RUN,
                new Query(Filter.ALL, List.of(), 0, 0, null, List.of(), fields(RUN_ID))));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\" FROM \"PipelineRun\" LIMIT $1");
        assertThat(values(statement)).containsExactly(0);
    }

    @Test
    void cursorWithMixedDirectionsComparesKeyByKeyWithTheIdLast() {
        Query query = new Query(Filter.ALL, List.of(asc(STEP_POSITION), desc(STEP_CREATED_AT)), 1, 10,
                eq(STEP_ID, "s1"), List.of(), fields(STEP_ID, STEP_NAME));

        SqlStatement statement = RENDERER.render(new Operation.FindMany(STEP, query));

        String t = "\"pipeline_steps\".";
        String c = "\"refract_cursor\".";
        assertThat(statement.sql()).isEqualTo("SELECT " + t + "\"id\", " + t + "\"name\" FROM \"pipeline_steps\","
                + " (SELECT \"position\", \"createdAt\", \"id\" FROM \"pipeline_steps\" WHERE \"id\" = $1)"
                + " AS \"refract_cursor\" WHERE (" + t + "\"position\" > " + c + "\"position\" OR (" + t
                + "\"position\" = " + c + "\"position\" AND (" + t + "\"createdAt\" < " + c + "\"createdAt\" OR ("
                + t + "\"createdAt\" = " + c + "\"createdAt\" AND " + t + "\"id\" >= " + c + "\"id\"))))"
                + " ORDER BY " + t + "\"position\", " + t + "\"createdAt\" DESC, " + t + "\"id\" LIMIT $2 OFFSET $3");
        assertThat(values(statement)).containsExactly("s1", 10, 1);
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(STEP, List.of(STEP_ID, STEP_NAME)));
    }

    @Test
    void cursorKeepsTheWhereAndEndsOnADescendingIdWhenTheOrderHasIt() {
        Query query = new Query(eq(STEP_RUN_ID, "r1"), List.of(desc(STEP_ID)), 0, null, eq(STEP_ID, "s1"),
                List.of(), fields(STEP_ID));

        SqlStatement statement = RENDERER.render(new Operation.FindMany(STEP, query));

        assertThat(statement.sql()).isEqualTo("SELECT \"pipeline_steps\".\"id\" FROM \"pipeline_steps\","
                + " (SELECT \"id\" FROM \"pipeline_steps\" WHERE \"id\" = $1) AS \"refract_cursor\""
                + " WHERE (\"pipeline_steps\".\"runId\" = $2) AND \"pipeline_steps\".\"id\" <= \"refract_cursor\".\"id\""
                + " ORDER BY \"pipeline_steps\".\"id\" DESC");
        assertThat(values(statement)).containsExactly("s1", "r1");
    }

    @Test
    void cursorOnAnOptionalKeyRespectsWhereMissingValuesSort() {
        Query ascending = new Query(Filter.ALL, List.of(asc(TAGGED_NOTE)), 0, null, eq(TAGGED_ID, 7), List.of(),
                fields(TAGGED_ID));
        Query nullsFirst = new Query(Filter.ALL,
                List.of(new OrderBy(TAGGED_NOTE, OrderBy.Direction.ASC, OrderBy.Nulls.FIRST)), 0, null,
                eq(TAGGED_ID, 7), List.of(), fields(TAGGED_ID));

        String t = "\"tagged_items\".";
        String c = "\"refract_cursor\".";
        assertThat(RENDERER.render(new Operation.FindMany(TAGGED, ascending)).sql()).contains(" WHERE ((" + c
                + "\"the_note\" IS NOT NULL AND (" + t + "\"the_note\" IS NULL OR " + t + "\"the_note\" > " + c
                + "\"the_note\")) OR (" + t + "\"the_note\" IS NOT DISTINCT FROM " + c + "\"the_note\" AND " + t
                + "\"id\" >= " + c + "\"id\"))");
        assertThat(RENDERER.render(new Operation.FindMany(TAGGED, nullsFirst)).sql()).contains(" WHERE ((" + t
                + "\"the_note\" IS NOT NULL AND (" + c + "\"the_note\" IS NULL OR " + t + "\"the_note\" > " + c
                + "\"the_note\")) OR (");
    }

    @Test
    void distinctKeepsTheFirstRowOfEachGroupUnderTheQueryOrder() {
        Query query = new Query(eq(STEP_STATUS, "FAILED"), List.of(desc(STEP_CREATED_AT)), 0, 20, null,
                List.of(STEP_RUN_ID), fields(STEP_ID, STEP_NAME));

        SqlStatement statement = RENDERER.render(new Operation.FindMany(STEP, query));

        assertThat(statement.sql()).isEqualTo("SELECT \"id\", \"name\" FROM (SELECT DISTINCT ON (\"runId\")"
                + " \"id\", \"name\", \"createdAt\" FROM \"pipeline_steps\" WHERE \"status\" = $1::\"Status\""
                + " ORDER BY \"runId\", \"createdAt\" DESC) AS \"refract_distinct\" ORDER BY \"createdAt\" DESC LIMIT $2");
        assertThat(values(statement)).containsExactly("FAILED", 20);
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(STEP, List.of(STEP_ID, STEP_NAME)));
    }

    @Test
    void countWithoutPagingCountsTheMatchingRows() {
        SqlStatement statement = RENDERER.render(new Operation.Count(RUN,
                new Query(compare(RUN_COST, Filter.Operator.GT, 1.5), List.of(desc(RUN_COST)), 0, null, null,
                        List.of(), Selection.ALL)));

        assertThat(statement.sql()).isEqualTo("SELECT count(*) FROM \"PipelineRun\" WHERE \"cost\" > $1");
        assertThat(values(statement)).containsExactly(1.5);
        assertThat(statement.result()).isEqualTo(new ResultShape.SingleNumber());
    }

    @Test
    void countWithPagingCountsThePageInASubquery() {
        SqlStatement statement = RENDERER.render(new Operation.Count(RUN,
                new Query(compare(RUN_COST, Filter.Operator.GT, 1.5), List.of(), 3, 10, null, List.of(),
                        Selection.ALL)));

        assertThat(statement.sql()).isEqualTo("SELECT count(*) FROM (SELECT \"id\" FROM \"PipelineRun\""
                + " WHERE \"cost\" > $1 LIMIT $2 OFFSET $3) AS \"refract_count\"");
        assertThat(values(statement)).containsExactly(1.5, 10, 3);
    }

    @Test
    void countWithDistinctCountsTheGroups() {
        SqlStatement statement = RENDERER.render(new Operation.Count(STEP,
                new Query(Filter.ALL, List.of(), 0, null, null, List.of(STEP_RUN_ID), Selection.ALL)));

        assertThat(statement.sql()).isEqualTo("SELECT count(*) FROM (SELECT \"runId\" FROM (SELECT DISTINCT ON"
                + " (\"runId\") \"runId\" FROM \"pipeline_steps\" ORDER BY \"runId\") AS \"refract_distinct\")"
                + " AS \"refract_count\"");
    }

    @Test
    void rejectsSelectingARelationField() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.FindUnique(RUN, eq(RUN_ID, "r"), fields(RUN_STEPS))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("steps")
                .hasMessageContaining("not a column");
    }

    @Test
    void rejectsAModelOfAnotherDatasource() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.FindMany(CONTENT, Query.ALL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a model of a relational datasource");
    }
}
