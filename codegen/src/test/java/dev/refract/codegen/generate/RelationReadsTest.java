package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Provider;
import dev.refract.query.Aggregations;
import dev.refract.query.Aggregations.Function;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Filter.Related;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.OrderBy.Direction;
import dev.refract.query.OrderBy.Key;
import dev.refract.query.OrderBy.Nulls;
import dev.refract.query.Selection;
import dev.refract.spi.Row;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The read side of relations through the generated seed client, against a recording adapter:
 * relation filters, sort keys through relations and on group aggregates, relation counts and
 * per-field counts reach the query model exactly, and their results reach the records.
 *
 * <p>Seed positions: {@code PipelineRun} has fields 0 id, 1 name, 2 status, 3 startedAt, 4 updatedAt,
 * 5 cost, 6 metadata, 7 steps; {@code PipelineStep} has 0 id, 1 run, 2 runId, 3 position, 4 name,
 * 5 status, 6 attempts, 7 durationMs, 8 output, 9 createdAt.
 */
class RelationReadsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static final String SCENARIOS = """
            package com.example.app;

            import com.example.pipeline.db.PipelineRunField;
            import com.example.pipeline.db.RefractClient;
            import com.example.pipeline.db.Status;
            import dev.refract.spi.AdapterProvider;
            import org.reactivestreams.Publisher;

            public final class RelationScenarios {

                private RelationScenarios() {}

                private static RefractClient client(AdapterProvider provider) {
                    return RefractClient.builder().adapterProvider(provider).datasource("db", "r2dbc:postgresql://x/app").build();
                }

                public static Publisher<?> runsFilteredByTheirSteps(AdapterProvider provider) {
                    return client(provider).pipelineRun().findMany(q -> q
                            .where(w -> w.steps().some(s -> s.status().eq(Status.FAILED))
                                    .steps().every(s -> s.attempts().lte(3))
                                    .steps().none(s -> s.run().is(r -> r.name().startsWith("test")))));
                }

                public static Publisher<?> stepsFilteredByTheirRun(AdapterProvider provider) {
                    return client(provider).pipelineStep().count(q -> q
                            .where(w -> w.run().is(r -> r.status().eq(Status.RUNNING))
                                    .or(a -> a.run().isNot(r -> r.cost().gt(10.0)), b -> b.run().is(r -> { }))));
                }

                public static Publisher<?> stepsSortedThroughTheirRun(AdapterProvider provider) {
                    return client(provider).pipelineStep().findMany(q -> q
                            .orderBy(o -> o.run(r -> r.startedAt().nullsLast().desc().steps().count().asc())
                                    .position().asc()));
                }

                public static Publisher<?> runsSortedByStepCount(AdapterProvider provider) {
                    return client(provider).pipelineRun().findFirst(q -> q
                            .orderBy(o -> o.steps().count().desc().name().asc()));
                }

                public static Publisher<?> runsWithFailedStepCounts(AdapterProvider provider) {
                    return client(provider).pipelineRun().findMany(q -> q
                            .include(i -> i.count(c -> c.steps(w -> w.status().eq(Status.FAILED))))
                            .select(s -> s.name()));
                }

                public static Publisher<?> runWithEveryStepCounted(AdapterProvider provider) {
                    return client(provider).pipelineRun().findUnique(q -> q.where(w -> w.id("run-1"))
                            .include(i -> i.count(c -> c.steps(w -> w.attempts().gt(1)).steps())));
                }

                public static Publisher<?> fieldCountsInAnAggregate(AdapterProvider provider) {
                    return client(provider).pipelineRun().aggregate(a -> a
                            .count(PipelineRunField.METADATA, PipelineRunField.NAME, PipelineRunField.METADATA));
                }

                public static Publisher<?> nonNullValues(AdapterProvider provider) {
                    return client(provider).pipelineRun().countFields(q -> q.where(w -> w.status().eq(Status.COMPLETED)),
                            PipelineRunField.METADATA, PipelineRunField.COST);
                }

                public static Publisher<?> nonNullValuesOfNoField(AdapterProvider provider) {
                    return client(provider).pipelineRun().countFields(q -> { });
                }

                public static Publisher<?> groupsSortedByAggregates(AdapterProvider provider) {
                    return client(provider).pipelineRun().groupBy(g -> g
                            .by(PipelineRunField.STATUS).count(PipelineRunField.METADATA)
                            .orderBy(o -> o.sum(PipelineRunField.COST).desc().count().asc()
                                    .count(PipelineRunField.METADATA).desc().avg(PipelineRunField.COST).asc()
                                    .min(PipelineRunField.STARTED_AT).asc().max(PipelineRunField.STARTED_AT).nullsLast().desc()
                                    .status().asc()));
                }

                public static Publisher<?> groupsSortedBySumOfText(AdapterProvider provider) {
                    return client(provider).pipelineRun().groupBy(g -> g
                            .by(PipelineRunField.STATUS).orderBy(o -> o.sum(PipelineRunField.NAME).desc()));
                }
            }
            """;

    private static SeedScenarios scenarios;

    @BeforeAll
    static void compile() {
        scenarios = SeedScenarios.compile("com.example.app.RelationScenarios", SCENARIOS);
    }

    private static Operation run(String scenario, Row... rows) throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(rows));
        SeedScenarios.collect(scenarios.run(scenario, adapter));
        assertThat(adapter.operations()).hasSize(1);
        return adapter.operations().get(0);
    }

    private static List<Object> results(String scenario, Row... rows) throws Exception {
        return SeedScenarios.collect(scenarios.run(scenario, new RecordingAdapter(Provider.POSTGRESQL, List.of(rows))));
    }

    private static Row runRow(Object... extra) {
        Object[] values = new Object[9 + extra.length];
        values[0] = "run-1";
        values[1] = "video";
        values[2] = "RUNNING";
        values[3] = AT;
        values[4] = AT;
        values[5] = 2.5;
        System.arraycopy(extra, 0, values, 9, extra.length);
        return Row.wrap(values);
    }

    @Test
    void toManyFiltersQuantifyOverTheStepsConditions() throws Exception {
        Operation.FindMany operation = (Operation.FindMany) run("runsFilteredByTheirSteps");

        assertThat(operation.query().where()).isEqualTo(new Filter.And(List.of(
                new Related(7, Quantifier.SOME, new Comparison(5, Operator.EQUALS, "FAILED", Mode.DEFAULT)),
                new Related(7, Quantifier.EVERY, new Comparison(6, Operator.LTE, 3, Mode.DEFAULT)),
                new Related(7, Quantifier.NONE, new Related(1, Quantifier.IS,
                        new Comparison(1, Operator.STARTS_WITH, "test", Mode.DEFAULT))))));
    }

    @Test
    void toOneFiltersTestTheRunAndNestInGroups() throws Exception {
        Operation.Count operation = (Operation.Count) run("stepsFilteredByTheirRun");

        assertThat(operation.query().where()).isEqualTo(new Filter.And(List.of(
                new Related(1, Quantifier.IS, new Comparison(2, Operator.EQUALS, "RUNNING", Mode.DEFAULT)),
                new Filter.Or(List.of(
                        new Related(1, Quantifier.IS_NOT, new Comparison(5, Operator.GT, 10.0, Mode.DEFAULT)),
                        new Related(1, Quantifier.IS, Filter.ALL))))));
    }

    @Test
    void sortThroughAToOneRelationPrefixesItsKeysWithTheRelation() throws Exception {
        Operation.FindMany operation = (Operation.FindMany) run("stepsSortedThroughTheirRun");

        assertThat(operation.query().orderBy()).containsExactly(
                new OrderBy(new Key.RelatedField(List.of(1), 3), Direction.DESC, Nulls.LAST),
                new OrderBy(new Key.RelationCount(List.of(1, 7)), Direction.ASC, Nulls.DEFAULT),
                new OrderBy(new Key.Field(3), Direction.ASC, Nulls.DEFAULT));
    }

    @Test
    void sortOnAToManyRelationCountsItsRecords() throws Exception {
        Operation.FindFirst operation = (Operation.FindFirst) run("runsSortedByStepCount");

        assertThat(operation.query().orderBy()).containsExactly(
                new OrderBy(new Key.RelationCount(List.of(7)), Direction.DESC, Nulls.DEFAULT),
                new OrderBy(new Key.Field(1), Direction.ASC, Nulls.DEFAULT));
    }

    @Test
    void relationCountsReachTheSelectionBesideTheSelectedFields() throws Exception {
        Operation.FindMany operation = (Operation.FindMany) run("runsWithFailedStepCounts");

        assertThat(operation.query().selection()).isEqualTo(new Selection(List.of(1), List.of(), List.of(
                new Selection.RelationCount(7, new Comparison(5, Operator.EQUALS, "FAILED", Mode.DEFAULT)))));
    }

    @Test
    void countingARelationAgainReplacesItsConditions() throws Exception {
        Operation.FindUnique operation = (Operation.FindUnique) run("runWithEveryStepCounted");

        assertThat(operation.selection().counts()).containsExactly(new Selection.RelationCount(7, Filter.ALL));
    }

    @Test
    void recordCarriesTheCountsTheRowHolds() throws Exception {
        Object run = results("runsWithFailedStepCounts", runRow(Map.of(7, 3L))).get(0);

        Object counts = accessor(run, "relationCounts");
        assertThat(accessor(counts, "steps")).isEqualTo(3L);
        assertThat(accessor(run, "name")).isEqualTo("video");
    }

    @Test
    void recordWithoutCountsHasNoRelationCounts() throws Exception {
        Object run = results("runsWithFailedStepCounts", runRow()).get(0);

        assertThat(accessor(run, "relationCounts")).isNull();
    }

    @Test
    void relationNotCountedIsNullAmongTheCounts() throws Exception {
        Object run = results("runsWithFailedStepCounts", runRow(Map.of())).get(0);

        assertThat(accessor(accessor(run, "relationCounts"), "steps")).isNull();
    }

    @Test
    void aggregateCountsEachFieldOnceAndMapsTheCountBlock() throws Exception {
        Object[] values = new Object[Aggregations.rowWidth(0, 9)];
        values[Aggregations.index(Function.COUNT, 6, 0, 9)] = 4L;
        values[Aggregations.index(Function.COUNT, 1, 0, 9)] = 9L;
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(Row.wrap(values)));

        Object aggregate = SeedScenarios.collect(scenarios.run("fieldCountsInAnAggregate", adapter)).get(0);

        Operation.Aggregate operation = (Operation.Aggregate) adapter.operations().get(0);
        assertThat(operation.aggregations()).isEqualTo(
                new Aggregations(false, List.of(), List.of(), List.of(), List.of(), List.of(1, 6)));
        Object counts = accessor(aggregate, "counts");
        assertThat(accessor(counts, "metadata")).isEqualTo(4L);
        assertThat(accessor(counts, "name")).isEqualTo(9L);
        assertThat(accessor(counts, "cost")).isNull();
    }

    @Test
    void countFieldsIsAnAggregateOfFieldCountsOverTheQuery() throws Exception {
        Object[] values = new Object[Aggregations.rowWidth(0, 9)];
        values[Aggregations.index(Function.COUNT, 5, 0, 9)] = 12L;
        values[Aggregations.index(Function.COUNT, 6, 0, 9)] = 7L;
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(Row.wrap(values)));

        Object counts = SeedScenarios.collect(scenarios.run("nonNullValues", adapter)).get(0);

        Operation.Aggregate operation = (Operation.Aggregate) adapter.operations().get(0);
        assertThat(operation.model()).isZero();
        assertThat(operation.query().where()).isEqualTo(new Comparison(2, Operator.EQUALS, "COMPLETED", Mode.DEFAULT));
        assertThat(operation.aggregations()).isEqualTo(
                new Aggregations(false, List.of(), List.of(), List.of(), List.of(), List.of(5, 6)));
        assertThat(accessor(counts, "cost")).isEqualTo(12L);
        assertThat(accessor(counts, "metadata")).isEqualTo(7L);
        assertThat(accessor(counts, "id")).isNull();
    }

    @Test
    void countFieldsWithoutAFieldFailsOnSubscriptionWithoutReachingTheAdapter() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of());

        Mono<?> counts = (Mono<?>) scenarios.run("nonNullValuesOfNoField", adapter);

        assertThatThrownBy(counts::block).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countFields on PipelineRun needs at least one field");
        assertThat(adapter.operations()).isEmpty();
    }

    @Test
    void groupOrderSortsOnAggregatesAndKeysAndGroupsCarryFieldCounts() throws Exception {
        Object[] values = new Object[Aggregations.rowWidth(9, 9)];
        values[2] = "RUNNING";
        values[Aggregations.index(Function.COUNT, 6, 9, 9)] = 2L;
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(Row.wrap(values)));

        Object group = SeedScenarios.collect(scenarios.run("groupsSortedByAggregates", adapter)).get(0);

        Operation.GroupBy operation = (Operation.GroupBy) adapter.operations().get(0);
        assertThat(operation.orderBy()).containsExactly(
                new OrderBy(new Key.Aggregate(Function.SUM, 5), Direction.DESC, Nulls.DEFAULT),
                new OrderBy(new Key.Aggregate(Function.COUNT, -1), Direction.ASC, Nulls.DEFAULT),
                new OrderBy(new Key.Aggregate(Function.COUNT, 6), Direction.DESC, Nulls.DEFAULT),
                new OrderBy(new Key.Aggregate(Function.AVG, 5), Direction.ASC, Nulls.DEFAULT),
                new OrderBy(new Key.Aggregate(Function.MIN, 3), Direction.ASC, Nulls.DEFAULT),
                new OrderBy(new Key.Aggregate(Function.MAX, 3), Direction.DESC, Nulls.LAST),
                new OrderBy(new Key.Field(2), Direction.ASC, Nulls.DEFAULT));
        assertThat(operation.aggregations().counts()).containsExactly(6);
        assertThat(accessor(group, "status").toString()).isEqualTo("RUNNING");
        assertThat(accessor(accessor(group, "counts"), "metadata")).isEqualTo(2L);
    }

    @Test
    void groupOrderRefusesToSumAFieldThatIsNotANumber() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of());

        assertThatThrownBy(() -> SeedScenarios.collect(scenarios.run("groupsSortedBySumOfText", adapter)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a field that is a number; name is not");
        assertThat(adapter.operations()).isEmpty();
    }

    private static Object accessor(Object record, String name) throws Exception {
        // Test-only reflection: the generated classes live in a class loader of their own.
        return record.getClass().getMethod(name).invoke(record);
    }
}
