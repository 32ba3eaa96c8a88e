package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.json.Json;
import dev.refract.meta.Provider;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.FieldComparison;
import dev.refract.query.Filter.JsonOperator;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.spi.Row;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated seed client's field comparisons, JSON path conditions, list conditions and
 * {@code …AndReturn} writes, driven against a recording adapter: the query model they produce.
 */
class GeneratedFiltersAndReturningWritesTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private static final String SCENARIOS = """
            package com.example.app;

            import com.example.pipeline.db.ContentItemWhere;
            import com.example.pipeline.db.PipelineRunWhere;
            import com.example.pipeline.db.PipelineStepCreate;
            import com.example.pipeline.db.PipelineStepWhere;
            import com.example.pipeline.db.RefractClient;
            import com.example.pipeline.db.Status;
            import dev.refract.json.Json;
            import dev.refract.spi.AdapterProvider;
            import java.util.List;
            import org.reactivestreams.Publisher;

            public final class Scenarios {

                private Scenarios() {}

                private static RefractClient client(AdapterProvider provider) {
                    return RefractClient.builder().adapterProvider(provider).datasource("db", "r2dbc:postgresql://x/app").build();
                }

                public static Publisher<?> staleRuns(AdapterProvider provider) {
                    return client(provider).pipelineRun().findMany(q -> q.where(w -> w
                            .startedAt().lt(PipelineRunWhere.UPDATED_AT)
                            .metadata().path("model", "name").stringStartsWith("gpt")
                            .metadata().path(List.of("tags", "0")).arrayContains(Json.of("fast"))
                            .metadata().path("topic").eq(Json.of("AI"))
                            .metadata().path("topic").stringContains("A")
                            .metadata().path("topic").stringEndsWith("I")));
                }

                public static Publisher<?> stepsComparedWithThemselves(AdapterProvider provider) {
                    return client(provider).pipelineStep().count(q -> q.where(w -> w
                            .attempts().gt(PipelineStepWhere.POSITION)
                            .attempts().gte(PipelineStepWhere.POSITION)
                            .position().lt(PipelineStepWhere.ATTEMPTS)
                            .position().lte(PipelineStepWhere.ATTEMPTS)
                            .name().eq(PipelineStepWhere.RUN_ID)
                            .status().not(PipelineStepWhere.STATUS)));
                }

                public static Object tagFilter() {
                    return new ContentItemWhere().tags().has("ai").tags().hasEvery(List.of("a", "b"))
                            .tags().hasSome(List.of("c")).tags().isEmpty().build();
                }

                public static Publisher<?> createStepsAndReturn(AdapterProvider provider) {
                    return client(provider).pipelineStep().createManyAndReturn(List.of(
                            new PipelineStepCreate().runId("run-1").position(1).name("script"),
                            new PipelineStepCreate().id("mine").runId("run-1").position(2).name("voice")), true);
                }

                public static Publisher<?> failRunningRunsAndReturn(AdapterProvider provider) {
                    return client(provider).pipelineRun().updateManyAndReturn(w -> w.status().eq(Status.RUNNING),
                            d -> d.status(Status.FAILED));
                }
            }
            """;

    private static SeedScenarios scenarios;

    @BeforeAll
    static void compile() {
        scenarios = SeedScenarios.compile("com.example.app.Scenarios", SCENARIOS);
    }

    @Test
    void fieldReferencesAndJsonPathsBecomeTheirFilters() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of());

        SeedScenarios.collect(scenario("staleRuns", adapter));

        Operation.FindMany findMany = (Operation.FindMany) adapter.operations().get(0);
        assertThat(findMany.query().where()).isEqualTo(new Filter.And(List.of(
                new FieldComparison(3, Operator.LT, 4),
                new Filter.JsonPath(6, List.of("model", "name"), JsonOperator.STRING_STARTS_WITH, "gpt"),
                new Filter.JsonPath(6, List.of("tags", "0"), JsonOperator.ARRAY_CONTAINS, Json.of("fast")),
                new Filter.JsonPath(6, List.of("topic"), JsonOperator.EQUALS, Json.of("AI")),
                new Filter.JsonPath(6, List.of("topic"), JsonOperator.STRING_CONTAINS, "A"),
                new Filter.JsonPath(6, List.of("topic"), JsonOperator.STRING_ENDS_WITH, "I"))));
    }

    @Test
    void everyComparisonOperatorComparesTwoFields() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of());

        SeedScenarios.collect(scenario("stepsComparedWithThemselves", adapter));

        Operation.Count count = (Operation.Count) adapter.operations().get(0);
        assertThat(count.query().where()).isEqualTo(new Filter.And(List.of(
                new FieldComparison(6, Operator.GT, 3),
                new FieldComparison(6, Operator.GTE, 3),
                new FieldComparison(3, Operator.LT, 6),
                new FieldComparison(3, Operator.LTE, 6),
                new FieldComparison(4, Operator.EQUALS, 2),
                new FieldComparison(5, Operator.NOT, 5))));
    }

    @Test
    void listConditionsOfAGeneratedBuilderBecomeListOperators() throws Exception {
        assertThat(scenario("tagFilter")).isEqualTo(new Filter.And(List.of(
                new Comparison(7, Operator.HAS, "ai", Mode.DEFAULT),
                new Comparison(7, Operator.HAS_EVERY, List.of("a", "b"), Mode.DEFAULT),
                new Comparison(7, Operator.HAS_SOME, List.of("c"), Mode.DEFAULT),
                new Comparison(7, Operator.IS_EMPTY, null, Mode.DEFAULT))));
    }

    @Test
    void createManyAndReturnSendsDefaultFilledRecordsAndMapsTheRowsBack() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(stepRow("s1"), stepRow("mine")));

        List<Object> steps = SeedScenarios.collect(scenario("createStepsAndReturn", adapter));

        Operation.CreateManyAndReturn operation = (Operation.CreateManyAndReturn) adapter.operations().get(0);
        assertThat(operation.model()).isEqualTo(1);
        assertThat(operation.skipDuplicates()).isTrue();
        assertThat(operation.selection()).isEqualTo(Selection.ALL);
        assertThat(operation.data()).hasSize(2);
        assertThat(operation.data().get(0).writes().get(0).field()).as("uuid(7) id generated").isZero();
        assertThat(operation.data().get(0).writes().get(0).value()).isInstanceOf(String.class).isNotEqualTo("mine");
        assertThat(operation.data().get(1).writes().get(0)).isEqualTo(new FieldWrite(0, WriteOp.SET, "mine"));
        assertThat(operation.data()).allSatisfy(data -> assertThat(data.writes())
                .anySatisfy(write -> assertThat(write.field()).as("createdAt now()").isEqualTo(9)));
        assertThat(steps).hasSize(2);
        assertThat(accessor(steps.get(1), "id")).isEqualTo("mine");
        assertThat(accessor(steps.get(0), "durationMs")).isEqualTo(1500L);
    }

    @Test
    void updateManyAndReturnSetsUpdatedAtAndMapsTheRowsBack() throws Exception {
        Row run = Row.of("run-1", "video", "FAILED", SINCE, SINCE, 1.0, null, null, null);
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(run));

        List<Object> runs = SeedScenarios.collect(scenario("failRunningRunsAndReturn", adapter));

        Operation.UpdateManyAndReturn operation = (Operation.UpdateManyAndReturn) adapter.operations().get(0);
        assertThat(operation.where()).isEqualTo(new Comparison(2, Operator.EQUALS, "RUNNING", Mode.DEFAULT));
        assertThat(operation.data().writes()).extracting(FieldWrite::field).containsExactly(2, 4);
        assertThat(operation.data().writes().get(0).value()).isEqualTo("FAILED");
        assertThat(operation.data().writes().get(1).value()).as("@updatedAt").isInstanceOf(Instant.class);
        assertThat(runs).hasSize(1);
        assertThat(accessor(runs.get(0), "status").toString()).isEqualTo("FAILED");
    }

    private static Row stepRow(String id) {
        return Row.of(id, null, "run-1", 1, "script", "COMPLETED", 0, 1500L, null, SINCE);
    }

    private static Object scenario(String name, Object... arguments) throws Exception {
        return scenarios.run(name, arguments);
    }

    private static Object accessor(Object record, String name) throws Exception {
        // Test-only reflection: the generated classes live in a class loader of their own.
        return record.getClass().getMethod(name).invoke(record);
    }
}
