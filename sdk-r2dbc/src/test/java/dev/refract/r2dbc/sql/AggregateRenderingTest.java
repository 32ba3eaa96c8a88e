package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.query.Aggregations;
import dev.refract.query.Aggregations.Function;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateRenderingTest {

    private static final int RUN_FIELDS = 8;
    private static final int STEP_FIELDS = 10;

    @Test
    void aggregateComputesEachFunctionAndPlacesItAtItsPosition() {
        Aggregations aggregations = new Aggregations(true, List.of(RUN_COST), List.of(RUN_COST),
                List.of(RUN_STATUS, RUN_STARTED_AT), List.of(RUN_NAME));

        SqlStatement statement = RENDERER.render(new Operation.Aggregate(RUN,
                where(compare(RUN_COST, Operator.GT, 0.5)), aggregations));

        assertThat(statement.sql()).isEqualTo("SELECT count(*), sum(\"cost\"), avg(\"cost\"), min(\"status\")::text,"
                + " min(\"startedAt\"), max(\"name\") FROM \"PipelineRun\" WHERE \"cost\" > $1");
        assertThat(values(statement)).containsExactly(0.5);
        assertThat(statement.result()).isEqualTo(new ResultShape.Aggregated(Aggregations.rowWidth(0, RUN_FIELDS),
                List.of(0, Aggregations.index(Function.SUM, RUN_COST, 0, RUN_FIELDS),
                        Aggregations.index(Function.AVG, RUN_COST, 0, RUN_FIELDS),
                        Aggregations.index(Function.MIN, RUN_STATUS, 0, RUN_FIELDS),
                        Aggregations.index(Function.MIN, RUN_STARTED_AT, 0, RUN_FIELDS),
                        Aggregations.index(Function.MAX, RUN_NAME, 0, RUN_FIELDS))));
    }

    @Test
    void aggregateOverAPageReadsASubquery() {
        SqlStatement statement = RENDERER.render(new Operation.Aggregate(RUN, new Query(Filter.ALL,
                List.of(desc(RUN_COST)), 0, 3, null, List.of(), Selection.ALL),
                new Aggregations(true, List.of(), List.of(), List.of(), List.of())));

        assertThat(statement.sql()).isEqualTo("SELECT count(*) FROM (SELECT \"id\", \"name\", \"status\", \"startedAt\","
                + " \"updatedAt\", \"cost\", \"metadata\" FROM \"PipelineRun\" ORDER BY \"cost\" DESC LIMIT $1)"
                + " AS \"refract_aggregate\"");
        assertThat(values(statement)).containsExactly(3);
    }

    @Test
    void wholeNumberSumsAndAveragesAreCastToThePromisedTypes() {
        SqlStatement statement = RENDERER.render(new Operation.Aggregate(STEP, Query.ALL, new Aggregations(false,
                List.of(STEP_DURATION_MS, STEP_ATTEMPTS), List.of(STEP_ATTEMPTS), List.of(), List.of())));

        assertThat(statement.sql()).isEqualTo("SELECT sum(\"durationMs\")::bigint, sum(\"attempts\"),"
                + " avg(\"attempts\")::double precision FROM \"pipeline_steps\"");
    }

    @Test
    void anAggregateOfNothingIsOneEmptyRow() {
        SqlStatement statement = RENDERER.render(new Operation.Aggregate(RUN, Query.ALL, Aggregations.NONE));

        assertThat(statement.sql()).isEqualTo("SELECT NULL");
        assertThat(statement.parameters()).isEmpty();
    }

    @Test
    void groupByRendersKeysAggregatesHavingOrderAndPaging() {
        int avgDuration = Aggregations.index(Function.AVG, STEP_DURATION_MS, STEP_FIELDS, STEP_FIELDS);
        Filter having = and(compare(Aggregations.countIndex(STEP_FIELDS), Operator.GT, 1L),
                compare(avgDuration, Operator.GTE, 10.0));

        SqlStatement statement = RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_RUN_ID, STEP_STATUS),
                compare(STEP_NAME, Operator.NOT, "x"), having, List.of(desc(STEP_RUN_ID)), 0, 5,
                new Aggregations(true, List.of(STEP_ATTEMPTS), List.of(STEP_DURATION_MS), List.of(), List.of())));

        assertThat(statement.sql()).isEqualTo("SELECT \"runId\", \"status\", count(*), sum(\"attempts\"),"
                + " avg(\"durationMs\")::double precision FROM \"pipeline_steps\" WHERE \"name\" <> $1"
                + " GROUP BY \"runId\", \"status\" HAVING (count(*) > $2 AND avg(\"durationMs\")::double precision >= $3)"
                + " ORDER BY \"runId\" DESC LIMIT $4");
        assertThat(values(statement)).containsExactly("x", 1L, 10.0, 5);
        assertThat(statement.result()).isEqualTo(new ResultShape.Aggregated(
                Aggregations.rowWidth(STEP_FIELDS, STEP_FIELDS), List.of(STEP_RUN_ID, STEP_STATUS, STEP_FIELDS,
                Aggregations.index(Function.SUM, STEP_ATTEMPTS, STEP_FIELDS, STEP_FIELDS), avgDuration)));
    }

    @Test
    void havingOnAKeyCastsLikeTheKey() {
        SqlStatement statement = RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_STATUS), Filter.ALL,
                compare(STEP_STATUS, Operator.IN, List.of("FAILED")), List.of(), 0, null, Aggregations.NONE));

        assertThat(statement.sql()).isEqualTo("SELECT \"status\" FROM \"pipeline_steps\" GROUP BY \"status\""
                + " HAVING \"status\" IN ($1::\"Status\")");
    }

    @Test
    void rejectsSumOfText() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.Aggregate(RUN, Query.ALL,
                new Aggregations(false, List.of(RUN_NAME), List.of(), List.of(), List.of()))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("sum does not apply to name");
    }

    @Test
    void rejectsHavingOnAFieldNotGroupedBy() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_STATUS), Filter.ALL,
                eq(STEP_NAME, "x"), List.of(), 0, null, Aggregations.NONE)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("only when grouping by it");
    }

    @Test
    void rejectsSortingByAFieldNotGroupedBy() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_STATUS), Filter.ALL,
                Filter.ALL, List.of(asc(STEP_NAME)), 0, null, Aggregations.NONE)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("sorts by the fields it groups by");
    }

    private static OrderBy byAggregate(Function function, int field, OrderBy.Direction direction) {
        return new OrderBy(new OrderBy.Key.Aggregate(function, field), direction, OrderBy.Nulls.DEFAULT);
    }

    @Test
    void groupsSortByAggregatesWrittenAsTheSelectListWritesThem() {
        SqlStatement statement = RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_RUN_ID), Filter.ALL,
                Filter.ALL, List.of(byAggregate(Function.SUM, STEP_DURATION_MS, OrderBy.Direction.DESC),
                        byAggregate(Function.AVG, STEP_ATTEMPTS, OrderBy.Direction.ASC),
                        byAggregate(Function.COUNT, -1, OrderBy.Direction.DESC),
                        byAggregate(Function.COUNT, STEP_OUTPUT, OrderBy.Direction.ASC),
                        new OrderBy(new OrderBy.Key.Aggregate(Function.MAX, STEP_CREATED_AT), OrderBy.Direction.ASC,
                                OrderBy.Nulls.FIRST),
                        asc(STEP_RUN_ID)), 2, 3,
                new Aggregations(true, List.of(STEP_DURATION_MS), List.of(), List.of(), List.of())));

        assertThat(statement.sql()).isEqualTo("SELECT \"runId\", count(*), sum(\"durationMs\")::bigint FROM"
                + " \"pipeline_steps\" GROUP BY \"runId\" ORDER BY sum(\"durationMs\")::bigint DESC,"
                + " avg(\"attempts\")::double precision, count(*) DESC, count(\"output\"),"
                + " max(\"createdAt\") NULLS FIRST, \"runId\" LIMIT $1 OFFSET $2");
        assertThat(values(statement)).containsExactly(3, 2);
    }

    @Test
    void groupsSortByTheLeastEnumInDeclaredOrderNotByItsName() {
        SqlStatement statement = RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_RUN_ID), Filter.ALL,
                Filter.ALL, List.of(byAggregate(Function.MIN, STEP_STATUS, OrderBy.Direction.ASC)), 0, null,
                new Aggregations(false, List.of(), List.of(), List.of(STEP_STATUS), List.of())));

        assertThat(statement.sql()).isEqualTo("SELECT \"runId\", min(\"status\")::text FROM \"pipeline_steps\""
                + " GROUP BY \"runId\" ORDER BY min(\"status\")");
    }

    @Test
    void groupsCannotSortThroughRelationsNorByAggregatesThatDoNotApply() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_RUN_ID), Filter.ALL,
                Filter.ALL, List.of(new OrderBy(new OrderBy.Key.RelatedField(List.of(STEP_RUN), RUN_NAME),
                        OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0, null, Aggregations.NONE)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("a related record's field is not available there");
        assertThatThrownBy(() -> RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_RUN_ID), Filter.ALL,
                Filter.ALL, List.of(byAggregate(Function.SUM, STEP_NAME, OrderBy.Direction.ASC)), 0, null,
                Aggregations.NONE)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("sum does not apply to name");
    }

    @Test
    void perFieldCountsCountValuesInAggregatesGroupsAndHaving() {
        Aggregations counts = new Aggregations(false, List.of(), List.of(), List.of(), List.of(),
                List.of(STEP_DURATION_MS, STEP_ID));
        int countDuration = Aggregations.index(Function.COUNT, STEP_DURATION_MS, STEP_FIELDS, STEP_FIELDS);

        SqlStatement aggregate = RENDERER.render(new Operation.Aggregate(STEP, Query.ALL, counts));
        SqlStatement groupBy = RENDERER.render(new Operation.GroupBy(STEP, List.of(STEP_RUN_ID), Filter.ALL,
                compare(countDuration, Operator.GTE, 2L), List.of(), 0, null, counts));

        assertThat(aggregate.sql()).isEqualTo("SELECT count(\"durationMs\"), count(\"id\") FROM \"pipeline_steps\"");
        assertThat(aggregate.result()).isEqualTo(new ResultShape.Aggregated(Aggregations.rowWidth(0, STEP_FIELDS),
                List.of(Aggregations.index(Function.COUNT, STEP_DURATION_MS, 0, STEP_FIELDS),
                        Aggregations.index(Function.COUNT, STEP_ID, 0, STEP_FIELDS))));
        assertThat(groupBy.sql()).isEqualTo("SELECT \"runId\", count(\"durationMs\"), count(\"id\") FROM"
                + " \"pipeline_steps\" GROUP BY \"runId\" HAVING count(\"durationMs\") >= $1");
        assertThat(groupBy.result()).isEqualTo(new ResultShape.Aggregated(Aggregations.rowWidth(STEP_FIELDS,
                STEP_FIELDS), List.of(STEP_RUN_ID, countDuration,
                Aggregations.index(Function.COUNT, STEP_ID, STEP_FIELDS, STEP_FIELDS))));
    }
}
