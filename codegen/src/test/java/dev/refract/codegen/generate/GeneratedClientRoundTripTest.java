package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.AdapterUnavailableException;
import dev.refract.error.ClientClosedException;
import dev.refract.error.MissingRequiredFieldException;
import dev.refract.error.RelationNotLoadedException;
import dev.refract.json.Json;
import dev.refract.meta.Provider;
import dev.refract.query.CachePolicy;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.spi.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives the generated seed client end to end against a recording adapter: the query model its
 * builders produce, the records its mapper builds, and its errors.
 */
class GeneratedClientRoundTripTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private static final String SCENARIOS = """
            package com.example.app;

            import com.example.pipeline.db.PipelineRunField;
            import com.example.pipeline.db.PipelineStepCreate;
            import com.example.pipeline.db.RefractClient;
            import com.example.pipeline.db.Status;
            import dev.refract.spi.AdapterProvider;
            import java.time.Instant;
            import org.reactivestreams.Publisher;

            public final class Scenarios {

                private Scenarios() {}

                private static RefractClient client(AdapterProvider provider) {
                    return RefractClient.builder().adapterProvider(provider).datasource("db", "r2dbc:postgresql://x/app").build();
                }

                public static Publisher<?> failedRunsWithSteps(AdapterProvider provider, Instant since) {
                    return client(provider).pipelineRun().findMany(q -> q
                            .where(w -> w.status().eq(Status.FAILED).startedAt().gte(since))
                            .include(i -> i.steps(s -> s.orderBy(o -> o.createdAt().asc()))));
                }

                public static Publisher<?> runWithoutSteps(AdapterProvider provider) {
                    return client(provider).pipelineRun().findUnique(q -> q.where(w -> w.id("run-1")));
                }

                public static Publisher<?> runCachedBrieflyWithATag(AdapterProvider provider) {
                    return client(provider).pipelineRun().findUnique(q -> q.where(w -> w.id("run-1"))
                            .cache(c -> c.ttl(java.time.Duration.ofSeconds(5)).swr(java.time.Duration.ofSeconds(30))
                                    .tags("videos")));
                }

                public static Publisher<?> runBypassingTheCache(AdapterProvider provider) {
                    return client(provider).pipelineRun().findUnique(q -> q.where(w -> w.id("run-1")).noCache());
                }

                public static Publisher<?> stepWithoutName(AdapterProvider provider) {
                    return client(provider).pipelineStep().create(c -> c.runId("run-1").position(1));
                }

                public static Publisher<?> retryStep(AdapterProvider provider) {
                    return client(provider).pipelineStep().update(w -> w.runIdPosition("run-1", 2),
                            d -> d.attempts().increment(1).durationMs(null));
                }

                public static Publisher<?> insensitiveSearch(AdapterProvider provider) {
                    return client(provider).pipelineRun().count(q -> q.where(w -> w.name().insensitive().contains("Video")));
                }

                public static Publisher<?> costByName(AdapterProvider provider) {
                    return client(provider).pipelineRun().groupBy(g -> g.by(PipelineRunField.NAME).sum(PipelineRunField.COST));
                }

                public static Publisher<?> afterClose(AdapterProvider provider) {
                    RefractClient db = client(provider);
                    db.close();
                    return db.pipelineRun().count();
                }

                public static Publisher<?> contentWithoutAdapter(AdapterProvider provider) {
                    return client(provider).contentItem().findMany();
                }

                public static Object buildStepWithoutRunId() {
                    return new PipelineStepCreate().position(1).name("script").build();
                }
            }
            """;

    private static SeedScenarios scenarios;

    @BeforeAll
    static void compile() {
        scenarios = SeedScenarios.compile("com.example.app.Scenarios", SCENARIOS);
    }

    private static Object scenario(String name, Object... arguments) throws Exception {
        return scenarios.run(name, arguments);
    }

    private static Row runRow(Object steps) {
        return Row.of("run-1", "video-production", "FAILED", SINCE, SINCE, 1.25, Json.parse("{\"b\":1,\"a\":2}"), steps,
                null);
    }

    private static Row stepRow() {
        return Row.of("step-1", null, "run-1", 1, "script", "COMPLETED", 0, 1500L, null, SINCE);
    }

    @Test
    void findManyBuildsTheQueryModelAndMapsIncludedRelations() throws Exception {
        // the step as a FindRelated answers it: its parent's key after the fields and the counts
        Row relatedStep = Row.of("step-1", null, "run-1", 1, "script", "COMPLETED", 0, 1500L, null, SINCE, null, "run-1");
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(runRow(null)))
                .answering(Operation.FindRelated.class, List.of(relatedStep));

        Object publisher = scenario("failedRunsWithSteps", adapter, SINCE);
        assertThat(adapter.operations()).as("nothing runs before subscription").isEmpty();
        List<?> runs = SeedScenarios.collect(publisher);

        Operation.FindMany operation = (Operation.FindMany) adapter.operations().get(0);
        assertThat(operation.model()).isZero();
        assertThat(operation.query().where()).isEqualTo(new Filter.And(List.of(
                new Comparison(2, Operator.EQUALS, "FAILED", Mode.DEFAULT),
                new Comparison(3, Operator.GTE, SINCE, Mode.DEFAULT))));
        assertThat(operation.query().selection().includes()).as("the core loads includes itself").isEmpty();
        Operation.FindRelated steps = (Operation.FindRelated) adapter.operations().get(1);
        assertThat(steps.model()).isEqualTo(1);
        assertThat(steps.parentModel()).isZero();
        assertThat(steps.field()).isEqualTo(7);
        assertThat(steps.keys()).containsExactly("run-1");
        assertThat(steps.query().orderBy()).containsExactly(new OrderBy(9, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT));
        assertThat(adapter.configs().get(0).url()).isEqualTo("r2dbc:postgresql://x/app");
        assertThat(adapter.configs().get(0).pool().size()).isEqualTo(20);

        assertThat(runs).hasSize(1);
        Object run = runs.get(0);
        assertThat(accessor(run, "status").toString()).isEqualTo("FAILED");
        assertThat(accessor(run, "metadata")).isEqualTo(Json.parse("{\"a\":2,\"b\":1}"));
        List<?> loadedSteps = (List<?>) ((dev.refract.relation.Relation<?>) accessor(run, "steps")).get();
        assertThat(loadedSteps).hasSize(1);
        assertThat(accessor(loadedSteps.get(0), "durationMs")).isEqualTo(1500L);
        assertThat(((dev.refract.relation.Relation<?>) accessor(loadedSteps.get(0), "run")).isLoaded()).isFalse();
    }

    @Test
    void relationNotIncludedSaysHowToIncludeIt() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(runRow(null)));

        Object run = SeedScenarios.collect(scenario("runWithoutSteps", adapter)).get(0);

        dev.refract.relation.Relation<?> steps = (dev.refract.relation.Relation<?>) accessor(run, "steps");
        assertThat(steps.isLoaded()).isFalse();
        assertThatThrownBy(steps::get).isInstanceOf(RelationNotLoadedException.class)
                .hasMessageContaining("PipelineRun.steps").hasMessageContaining("include(i -> i.steps())");
        assertThat(adapter.operations().get(0)).isEqualTo(new Operation.FindUnique(0,
                new Comparison(0, Operator.EQUALS, "run-1", Mode.DEFAULT), Selection.ALL));
    }

    @Test
    void aFindUniqueCarriesItsCacheStrategyToTheClientCore() throws Exception {
        RecordingAdapter cached = new RecordingAdapter(Provider.POSTGRESQL, List.of(runRow(null)));
        RecordingAdapter bypassing = new RecordingAdapter(Provider.POSTGRESQL, List.of(runRow(null)));

        SeedScenarios.collect(scenario("runCachedBrieflyWithATag", cached));
        SeedScenarios.collect(scenario("runBypassingTheCache", bypassing));

        assertThat(((Operation.FindUnique) cached.operations().get(0)).cache()).isEqualTo(new CachePolicy(false,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Set.of("videos")));
        assertThat(((Operation.FindUnique) bypassing.operations().get(0)).cache()).isEqualTo(CachePolicy.BYPASS);
    }

    @Test
    void missingRequiredFieldFailsOnSubscriptionWithoutReachingTheAdapter() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of());

        Mono<?> created = (Mono<?>) scenario("stepWithoutName", adapter);

        assertThatThrownBy(created::block).isInstanceOf(MissingRequiredFieldException.class)
                .hasMessageContaining("'name'").hasMessageContaining("PipelineStep");
        assertThat(adapter.operations()).isEmpty();
    }

    @Test
    void createBuilderNamesTheMissingRequiredField() {
        assertThatThrownBy(() -> scenario("buildStepWithoutRunId"))
                .isInstanceOfSatisfying(MissingRequiredFieldException.class, e -> {
                    assertThat(e.model()).isEqualTo("PipelineStep");
                    assertThat(e.fields()).containsExactly("runId");
                });
    }

    @Test
    void updateCarriesAtomicIncrementAndExplicitNull() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(stepRow()));

        SeedScenarios.collect(scenario("retryStep", adapter));

        Operation.Update update = (Operation.Update) adapter.operations().get(0);
        assertThat(update.model()).isEqualTo(1);
        assertThat(update.where()).isEqualTo(new Filter.And(List.of(
                new Comparison(2, Operator.EQUALS, "run-1", Mode.DEFAULT),
                new Comparison(3, Operator.EQUALS, 2, Mode.DEFAULT))));
        assertThat(update.data()).isEqualTo(new WriteData(List.of(
                new FieldWrite(6, WriteOp.INCREMENT, 1), new FieldWrite(7, WriteOp.SET, null))));
    }

    @Test
    void insensitiveModeReachesTheFilter() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of());

        assertThat(SeedScenarios.collect(scenario("insensitiveSearch", adapter))).containsExactly(0L);

        Operation.Count count = (Operation.Count) adapter.operations().get(0);
        assertThat(count.query().where()).isEqualTo(new Comparison(1, Operator.CONTAINS, "Video", Mode.INSENSITIVE));
    }

    @Test
    void groupByMapsKeysAndAggregatesByPosition() throws Exception {
        Object[] values = new Object[dev.refract.query.Aggregations.rowWidth(9, 9)];
        values[1] = "video-production";
        values[dev.refract.query.Aggregations.index(dev.refract.query.Aggregations.Function.SUM, 5, 9, 9)] = 12.5;
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of(Row.wrap(values)));

        Object group = SeedScenarios.collect(scenario("costByName", adapter)).get(0);

        assertThat(accessor(group, "name")).isEqualTo("video-production");
        assertThat(accessor(accessor(group, "sum"), "cost")).isEqualTo(12.5);
        Operation.GroupBy operation = (Operation.GroupBy) adapter.operations().get(0);
        assertThat(operation.by()).containsExactly(1);
        assertThat(operation.aggregations().sum()).containsExactly(5);
    }

    @Test
    void closedClientAnswersWithClientClosed() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.POSTGRESQL, List.of());

        Mono<?> count = (Mono<?>) scenario("afterClose", adapter);

        assertThatThrownBy(count::block).isInstanceOf(ClientClosedException.class).hasMessageContaining("PipelineRun");
        assertThat(adapter.operations()).isEmpty();
    }

    @Test
    void datasourceWithoutAdapterFailsOnSubscriptionNamingTheArtifact() throws Exception {
        RecordingAdapter postgres = new RecordingAdapter(Provider.POSTGRESQL, List.of());

        Flux<?> contents = (Flux<?>) scenario("contentWithoutAdapter", postgres);

        assertThatThrownBy(contents::blockFirst).isInstanceOfSatisfying(AdapterUnavailableException.class, e -> {
            assertThat(e.datasource()).isEqualTo("docs");
            assertThat(e.getMessage()).contains("'docs'").contains("mongodb").contains("refract-sdk-mongo");
        });
    }

    private static Object accessor(Object record, String name) throws Exception {
        // Test-only reflection: the generated classes live in a class loader of their own.
        return record.getClass().getMethod(name).invoke(record);
    }

}
