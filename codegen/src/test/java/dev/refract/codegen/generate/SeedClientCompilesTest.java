package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed schema's client compiles without a warning, and so does a program that calls every
 * delegate operation the way the design shows; a misuse does not compile.
 */
class SeedClientCompilesTest {

    private static final String PROGRAM_PATH = "com/example/app/UsesEveryOperation.java";

    private static final String PROGRAM = """
            package com.example.app;

            import com.example.pipeline.db.ContentItem;
            import com.example.pipeline.db.PipelineRun;
            import com.example.pipeline.db.PipelineRunAggregate;
            import com.example.pipeline.db.PipelineRunField;
            import com.example.pipeline.db.PipelineRunGroup;
            import com.example.pipeline.db.PipelineRunWhere;
            import com.example.pipeline.db.PipelineStep;
            import com.example.pipeline.db.PipelineStepCreate;
            import com.example.pipeline.db.PipelineStepField;
            import com.example.pipeline.db.PipelineStepWhere;
            import com.example.pipeline.db.RefractClient;
            import com.example.pipeline.db.Status;
            import dev.refract.json.Json;
            import java.time.Duration;
            import java.time.Instant;
            import java.util.List;
            import java.util.Map;
            import reactor.core.publisher.Flux;
            import reactor.core.publisher.Mono;

            final class UsesEveryOperation {

                private UsesEveryOperation() {}

                static void run() {
                    Instant since = Instant.now().minus(Duration.ofDays(1));
                    try (RefractClient db = RefractClient.builder()
                            .datasource("db", "r2dbc:postgresql://localhost/app")
                            .poolSize("db", 10)
                            .build()) {
                        Mono<PipelineRun> created = db.pipelineRun().create(c -> c
                                .name("video-production").status(Status.RUNNING)
                                .metadata(Json.of(Map.of("topic", "AI automation"))));
                        Mono<PipelineRun> unique = db.pipelineRun().findUnique(q -> q.where(w -> w.id("run-1"))
                                .include(i -> i.steps()));
                        Mono<PipelineRun> uniqueOrThrow = db.pipelineRun().findUniqueOrThrow(q -> q
                                .where(w -> w.id("run-1").and(a -> a.status().eq(Status.RUNNING)))
                                .select(s -> s.id().name()));
                        Mono<PipelineStep> byCompoundKey = db.pipelineStep().findUnique(q -> q
                                .where(w -> w.runIdPosition("run-1", 3)).include(i -> i.run()));
                        Mono<PipelineRun> first = db.pipelineRun().findFirst(q -> q
                                .where(w -> w.name().insensitive().startsWith("video"))
                                .orderBy(o -> o.startedAt().desc()));
                        Mono<PipelineRun> firstOrThrow = db.pipelineRun().findFirstOrThrow(q -> q
                                .where(w -> w.metadata().isNotNull()).omit(o -> o.metadata()));
                        Flux<PipelineRun> failed = db.pipelineRun().findMany(q -> q
                                .where(w -> w.status().eq(Status.FAILED)
                                        .startedAt().gte(since))
                                .include(i -> i.steps(s -> s.orderBy(o -> o.createdAt().asc())
                                        .where(w -> w.attempts().gt(1).durationMs().isNull())
                                        .skip(0).take(10)
                                        .include(r -> r.run())))
                                .orderBy(o -> o.cost().nullsLast().desc().name().asc())
                                .skip(20).take(10)
                                .cursor(c -> c.id("run-1"))
                                .distinct(PipelineRunField.NAME));
                        Flux<PipelineRun> grouped = db.pipelineRun().findMany(q -> q
                                .where(w -> w.or(a -> a.cost().lt(1.0), b -> b.status().in(Status.PENDING, Status.RUNNING))
                                        .not(n -> n.name().contains("test"))
                                        .id().notIn(List.of("a", "b"))
                                        .name().endsWith("-prod")));
                        Flux<ContentItem> tagged = db.contentItem().findMany(q -> q
                                .where(w -> w.tags().has("ai").tags().hasSome(List.of("video", "audio"))));
                        Flux<ContentItem> listOps = db.contentItem().findMany(q -> q
                                .where(w -> w.tags().hasEvery(List.of("ai", "video")).not(n -> n.tags().isEmpty())));
                        Flux<PipelineRun> stale = db.pipelineRun().findMany(q -> q
                                .where(w -> w.startedAt().lt(PipelineRunWhere.UPDATED_AT)
                                        .metadata().path("model", "name").stringStartsWith("gpt")
                                        .metadata().path(List.of("tags")).arrayContains(Json.of("fast"))
                                        .metadata().path("topic").eq(Json.of("AI automation"))
                                        .metadata().path("topic").stringContains("AI")
                                        .metadata().path("topic").stringEndsWith("automation")));
                        Mono<Long> retriedPastPosition = db.pipelineStep().count(q -> q
                                .where(w -> w.attempts().gte(PipelineStepWhere.POSITION)
                                        .position().lte(PipelineStepWhere.ATTEMPTS)
                                        .attempts().gt(PipelineStepWhere.POSITION)
                                        .name().not(PipelineStepWhere.RUN_ID)
                                        .status().eq(PipelineStepWhere.STATUS)));
                        Flux<PipelineRun> all = db.pipelineRun().findMany();
                        Mono<Long> createdMany = db.pipelineStep().createMany(List.of(
                                new PipelineStepCreate().runId("run-1").position(1).name("script"),
                                new PipelineStepCreate().runId("run-1").position(2).name("voice")), true);
                        Mono<Long> createdMore = db.pipelineStep().createMany(List.of(
                                new PipelineStepCreate().runId("run-1").position(3).name("edit")));
                        Flux<PipelineStep> createdReturned = db.pipelineStep().createManyAndReturn(List.of(
                                new PipelineStepCreate().runId("run-1").position(4).name("publish")), true);
                        Flux<PipelineStep> createdReturnedMore = db.pipelineStep().createManyAndReturn(List.of(
                                new PipelineStepCreate().runId("run-1").position(5).name("review")));
                        Flux<PipelineRun> updatedReturned = db.pipelineRun().updateManyAndReturn(
                                w -> w.status().eq(Status.RUNNING), d -> d.status(Status.FAILED).cost().multiply(2.0));
                        Mono<PipelineRun> updated = db.pipelineRun().update(w -> w.id("run-1"),
                                d -> d.cost().increment(1.5).status(Status.COMPLETED).metadata(null));
                        Mono<PipelineStep> retried = db.pipelineStep().update(w -> w.runIdPosition("run-1", 1),
                                d -> d.attempts().increment(1).durationMs().multiply(2L));
                        Mono<Long> updatedMany = db.pipelineStep().updateMany(w -> w.status().eq(Status.RUNNING),
                                d -> d.status(Status.FAILED).attempts().decrement(1));
                        Mono<PipelineRun> upserted = db.pipelineRun().upsert(w -> w.id("run-2"),
                                c -> c.name("image-production"),
                                d -> d.cost().divide(2.0));
                        Mono<PipelineRun> deleted = db.pipelineRun().delete(w -> w.id("run-3"));
                        Mono<Long> deletedMany = db.pipelineStep().deleteMany(w -> w.createdAt().lt(since));
                        Mono<Long> deletedAll = db.session().deleteMany();
                        Mono<Long> counted = db.pipelineRun().count(q -> q.where(w -> w.status().not(Status.PENDING)));
                        Mono<Long> countedAll = db.pipelineRun().count();
                        Mono<PipelineRunAggregate> aggregate = db.pipelineRun().aggregate(a -> a
                                .where(w -> w.status().eq(Status.COMPLETED))
                                .count().sum(PipelineRunField.COST).avg(PipelineRunField.COST)
                                .min(PipelineRunField.STARTED_AT).max(PipelineRunField.STARTED_AT));
                        Flux<PipelineRunGroup> costs = db.pipelineRun().groupBy(g -> g
                                .by(PipelineRunField.NAME).sum(PipelineRunField.COST).count()
                                .where(w -> w.status().eq(Status.COMPLETED))
                                .having(h -> h.name().startsWith("video").count().gte(2L).sumCost().gt(100.0)
                                        .maxStartedAt().lt(since))
                                .orderBy(o -> o.name().asc()));
                        Flux<PipelineRun> withFailedSteps = db.pipelineRun().findMany(q -> q
                                .where(w -> w.steps().some(s -> s.status().eq(Status.FAILED))
                                        .steps().every(s -> s.attempts().lte(3))
                                        .steps().none(s -> s.run().is(r -> r.name().startsWith("test"))))
                                .orderBy(o -> o.steps().count().desc().name().asc())
                                .include(i -> i.count(c -> c.steps(w -> w.status().eq(Status.FAILED)))
                                        .steps(s -> s.select(f -> f.name()))));
                        Flux<PipelineStep> byRun = db.pipelineStep().findMany(q -> q
                                .where(w -> w.run().is(r -> r.status().eq(Status.RUNNING))
                                        .run().isNot(r -> r.cost().gt(10.0)))
                                .orderBy(o -> o.run(r -> r.startedAt().desc().steps().count().asc()).position().asc())
                                .include(i -> i.run(r -> r.select(s -> s.name()).include(ri -> ri.count(c -> c.steps())))));
                        Mono<Long> countedSteps = db.pipelineRun().findUnique(q -> q.where(w -> w.id("run-1"))
                                        .include(i -> i.count(c -> c.steps())))
                                .map(r -> r.relationCounts().steps());
                        Mono<Long> withMetadata = db.pipelineRun().aggregate(a -> a
                                        .count(PipelineRunField.METADATA, PipelineRunField.NAME))
                                .map(a -> a.counts().metadata());
                        Flux<PipelineRunGroup> byCost = db.pipelineRun().groupBy(g -> g
                                .by(PipelineRunField.STATUS).count(PipelineRunField.METADATA)
                                .orderBy(o -> o.sum(PipelineRunField.COST).desc().count().asc()
                                        .count(PipelineRunField.METADATA).desc().avg(PipelineRunField.COST).asc()
                                        .min(PipelineRunField.STARTED_AT).asc()
                                        .max(PipelineRunField.STARTED_AT).nullsLast().desc()
                                        .status().asc()));
                        Flux<Long> groupMetadata = byCost.map(group -> group.counts().metadata());
                        Mono<PipelineRunAggregate.Counts> nonNull = db.pipelineRun().countFields(
                                q -> q.where(w -> w.status().eq(Status.COMPLETED)),
                                PipelineRunField.METADATA, PipelineRunField.COST);
                        Mono<Double> totalCost = aggregate.map(r -> r.sum().cost());
                        Flux<String> names = costs.map(PipelineRunGroup::name);
                        Flux<List<PipelineStep>> steps = failed.map(run -> run.steps().get());
                        Mono<Void> closing = db.closeAsync();
                        List<Object> all2 = List.of(created, unique, uniqueOrThrow, byCompoundKey, first, firstOrThrow,
                                grouped, tagged, all, createdMany, createdMore, updated, retried, updatedMany, upserted,
                                deleted, deletedMany, deletedAll, counted, countedAll, totalCost, names, steps, closing,
                                listOps, stale, retriedPastPosition, createdReturned, createdReturnedMore, updatedReturned,
                                withFailedSteps, byRun, countedSteps, withMetadata, groupMetadata, nonNull);
                        if (all2.isEmpty()) {
                            throw new IllegalStateException();
                        }
                    }
                }
            }
            """;

    private static List<GeneratedFile> files;

    @BeforeAll
    static void generate() {
        files = new JavaGenerator().generate(SeedSchemaFixture.seed());
    }

    @Test
    void generatedSeedClientCompilesWithoutWarnings() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(InMemoryCompiler.sources(files));

        assertThat(result.success()).as(result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void programUsingEveryOperationCompilesWithoutWarnings() {
        InMemoryCompiler.Result result = compileWith(PROGRAM);

        assertThat(result.success()).as(result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void whereWithWrongValueTypeDoesNotCompile() {
        String misuse = PROGRAM.replace("w.status().eq(Status.FAILED)", "w.status().eq(\"FAILED\")");
        assertThat(misuse).isNotEqualTo(PROGRAM);

        InMemoryCompiler.Result result = compileWith(misuse);

        assertThat(result.success()).isFalse();
        assertThat(result.diagnostics()).contains(PROGRAM_PATH).contains("error");
    }

    @Test
    void atomicIncrementOfTextFieldDoesNotCompile() {
        String misuse = PROGRAM.replace("d -> d.cost().increment(1.5)", "d -> d.name().increment(1.5)");
        assertThat(misuse).isNotEqualTo(PROGRAM);

        assertThat(compileWith(misuse).success()).isFalse();
    }

    @Test
    void relationOfModelWithoutItDoesNotCompile() {
        String misuse = PROGRAM.replace(".include(i -> i.steps()));", ".include(i -> i.run()));");
        assertThat(misuse).isNotEqualTo(PROGRAM);

        assertThat(compileWith(misuse).success()).isFalse();
    }

    @Test
    void comparingFieldsOfDifferentTypesDoesNotCompile() {
        String misuse = PROGRAM.replace("w.attempts().gte(PipelineStepWhere.POSITION)",
                "w.attempts().gte(PipelineStepWhere.DURATION_MS)");
        assertThat(misuse).isNotEqualTo(PROGRAM);

        InMemoryCompiler.Result result = compileWith(misuse);

        assertThat(result.success()).isFalse();
        assertThat(result.diagnostics()).contains(PROGRAM_PATH).contains("error");
    }

    @Test
    void comparingWithAFieldOfAnotherModelDoesNotCompile() {
        String misuse = PROGRAM.replace("w.startedAt().lt(PipelineRunWhere.UPDATED_AT)",
                "w.startedAt().lt(PipelineStepWhere.CREATED_AT)");
        assertThat(misuse).isNotEqualTo(PROGRAM);

        assertThat(compileWith(misuse).success()).isFalse();
    }

    @Test
    void orderingAFieldWithoutAnOrderDoesNotCompile() {
        String misuse = PROGRAM.replace("status().eq(PipelineStepWhere.STATUS)", "status().lt(PipelineStepWhere.STATUS)");
        assertThat(misuse).isNotEqualTo(PROGRAM);

        assertThat(compileWith(misuse).success()).isFalse();
    }

    @Test
    void jsonPathStringConditionTakesTextNotJson() {
        String misuse = PROGRAM.replace("path(\"topic\").stringContains(\"AI\")",
                "path(\"topic\").stringContains(Json.of(\"AI\"))");
        assertThat(misuse).isNotEqualTo(PROGRAM);

        assertThat(compileWith(misuse).success()).isFalse();
    }

    @Test
    void toOneQuantifierOnAToManyRelationDoesNotCompile() {
        assertMisuseFails("w.steps().some(s -> s.status().eq(Status.FAILED))", "w.steps().is(s -> s.status().eq(Status.FAILED))");
    }

    @Test
    void toManyQuantifierOnAToOneRelationDoesNotCompile() {
        assertMisuseFails("w.run().is(r -> r.status().eq(Status.RUNNING))", "w.run().some(r -> r.status().eq(Status.RUNNING))");
    }

    @Test
    void nullCheckOnARequiredToOneRelationDoesNotCompile() {
        assertMisuseFails(".run().isNot(r -> r.cost().gt(10.0))", ".run().isNull()");
    }

    @Test
    void relatedConditionsTakeTheRelatedModelsFields() {
        assertMisuseFails("s.attempts().lte(3)", "s.cost().lte(3.0)");
    }

    @Test
    void toManyRelationSortsOnlyByItsCount() {
        assertMisuseFails("o.steps().count().desc().name().asc()", "o.steps().desc().name().asc()");
    }

    @Test
    void recordOrderByHasNoAggregates() {
        assertMisuseFails("o.steps().count().desc().name().asc()", "o.sum(PipelineRunField.COST).desc()");
    }

    @Test
    void groupOrderByTakesFieldsOfItsOwnModel() {
        assertMisuseFails("o.sum(PipelineRunField.COST).desc()", "o.sum(PipelineStepField.ATTEMPTS).desc()");
    }

    @Test
    void modelWithoutToManyRelationsCountsNone() {
        assertMisuseFails(".include(i -> i.run(r -> r.select(", ".include(i -> i.count(c -> c.run()).run(r -> r.select(");
    }

    @Test
    void recordOfAModelWithoutToManyRelationsHasNoRelationCounts() {
        assertMisuseFails("Flux<PipelineStep> byRun = db.pipelineStep().findMany(q -> q",
                "Flux<Object> byRun = db.pipelineStep().findMany(q -> q.take(1)).map(step -> step.relationCounts());\n"
                        + "Flux<PipelineStep> unused = db.pipelineStep().findMany(q -> q");
    }

    private static void assertMisuseFails(String valid, String misused) {
        String misuse = PROGRAM.replace(valid, misused);
        assertThat(misuse).isNotEqualTo(PROGRAM);

        InMemoryCompiler.Result result = compileWith(misuse);

        assertThat(result.success()).as("compiles although it should not:\n" + misused).isFalse();
        assertThat(result.diagnostics()).contains(PROGRAM_PATH).contains("error");
    }

    private static InMemoryCompiler.Result compileWith(String program) {
        Map<String, String> sources = new HashMap<>(InMemoryCompiler.sources(files));
        sources.put(PROGRAM_PATH, program);
        return InMemoryCompiler.compile(sources);
    }
}
