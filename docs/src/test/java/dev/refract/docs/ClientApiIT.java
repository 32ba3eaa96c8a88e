package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.pipeline.db.ContentItem;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineRunAggregate;
import com.example.pipeline.db.PipelineRunField;
import com.example.pipeline.db.PipelineRunGroup;
import com.example.pipeline.db.PipelineRunWhere;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.PipelineStepCreate;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Status;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.error.RecordNotFoundException;
import dev.refract.json.Json;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The samples of the page "The client API": every operation and every filter operator, on three
 * runs, their steps and their content items.
 */
@RefractTestDatabases
class ClientApiIT {

    private static RefractClient db;

    @BeforeAll
    static void seed(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        PipelineDatabases.createTables(postgres);
        db = PipelineDatabases.open(postgres, mongo, redis);
        db.pipelineRun().create(c -> c.id("r1").name("video-production").status(Status.COMPLETED).cost(12.5)
                .metadata(Json.of(Map.of("topic", "AI automation", "source", Map.of("kind", "upload"),
                        "labels", List.of("ai", "video"))))
                .steps(s -> s.create(st -> st.position(1).name("script").status(Status.COMPLETED))
                        .create(st -> st.position(2).name("voice-over").status(Status.FAILED).attempts(3)))).block();
        db.pipelineRun().create(c -> c.id("r2").name("Video-Edit").status(Status.FAILED).cost(3.0)).block();
        db.pipelineRun().create(c -> c.id("r3").name("podcast").status(Status.RUNNING)
                .metadata(Json.of(Map.of("topic", "audio")))
                .steps(s -> s.create(st -> st.position(1).name("record").status(Status.RUNNING)))).block();
        db.contentItem().create(c -> c.runId("r1").type("script").title("The pipeline explained")
                .tags(List.of("ai", "video")).metadata(Json.of(Map.of("words", 900)))).block();
        db.contentItem().create(c -> c.runId("r3").type("audio").title("Episode 1")
                .tags(List.of()).metadata(Json.of(Map.of()))).block();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<String> ids(Flux<PipelineRun> runs) {
        return runs.map(PipelineRun::id).collectList().block();
    }

    // ---- reads -------------------------------------------------------------------------------------

    @Test
    void findUniqueReadsByAUniqueKey() {
        // tag::findUnique[]
        Mono<PipelineRun> run = db.pipelineRun().findUnique(q -> q.where(w -> w.id("r1")));
        Mono<PipelineStep> second = db.pipelineStep().findUnique(q -> q.where(w -> w.runIdPosition("r1", 2)));
        Mono<PipelineRun> none = db.pipelineRun().findUnique(q -> q.where(w -> w.id("no-such-run")));  // empty
        // end::findUnique[]

        assertThat(run.block().name()).isEqualTo("video-production");
        assertThat(second.block().name()).isEqualTo("voice-over");
        assertThat(none.blockOptional()).isEmpty();
    }

    @Test
    void findUniqueOrThrowSignalsRecordNotFound() {
        // tag::findUniqueOrThrow[]
        Mono<PipelineRun> run = db.pipelineRun().findUniqueOrThrow(q -> q.where(w -> w.id("no-such-run")));
        // signals RecordNotFoundException (code R2025) naming PipelineRun
        // end::findUniqueOrThrow[]

        assertThatThrownBy(run::block).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void findFirstReadsTheFirstInOrder() {
        // tag::findFirst[]
        Mono<PipelineRun> costliest = db.pipelineRun().findFirst(q -> q
                .where(w -> w.cost().gt(0.0))
                .orderBy(o -> o.cost().desc()));
        Mono<PipelineRun> cheapest = db.pipelineRun().findFirstOrThrow(q -> q.orderBy(o -> o.cost().asc()));
        // end::findFirst[]

        assertThat(costliest.block().id()).isEqualTo("r1");
        assertThat(cheapest.block().id()).isEqualTo("r3");
    }

    @Test
    void findManyStreamsEveryMatch() {
        // tag::findMany[]
        Flux<PipelineRun> page = db.pipelineRun().findMany(q -> q
                .where(w -> w.status().in(Status.COMPLETED, Status.FAILED))
                .orderBy(o -> o.name().asc())
                .skip(0)
                .take(10));
        Flux<PipelineRun> all = db.pipelineRun().findMany();
        // end::findMany[]

        assertThat(ids(page)).containsExactly("r2", "r1");   // "Video-Edit" sorts before "video-production"
        assertThat(ids(all)).containsExactlyInAnyOrder("r1", "r2", "r3");
    }

    @Test
    void countCountsMatches() {
        // tag::count[]
        Mono<Long> all = db.pipelineRun().count();
        Mono<Long> failedSteps = db.pipelineStep().count(q -> q.where(w -> w.status().eq(Status.FAILED)));
        // end::count[]

        assertThat(all.block()).isEqualTo(3);
        assertThat(failedSteps.block()).isEqualTo(1);
    }

    @Test
    void aggregateComputesOverMatches() {
        // tag::aggregate[]
        Mono<PipelineRunAggregate> spend = db.pipelineRun().aggregate(a -> a
                .where(w -> w.status().not(Status.RUNNING))
                .count()
                .sum(PipelineRunField.COST)
                .avg(PipelineRunField.COST)
                .min(PipelineRunField.COST)
                .max(PipelineRunField.COST));
        // end::aggregate[]

        PipelineRunAggregate result = spend.block();
        assertThat(result.count()).isEqualTo(2);
        assertThat(result.sum().cost()).isEqualTo(15.5);
        assertThat(result.avg().cost()).isEqualTo(7.75);
        assertThat(result.min().cost()).isEqualTo(3.0);
        assertThat(result.max().cost()).isEqualTo(12.5);
    }

    @Test
    void groupByAggregatesPerKey() {
        // tag::groupBy[]
        Flux<PipelineRunGroup> perStatus = db.pipelineRun().groupBy(g -> g
                .by(PipelineRunField.STATUS)
                .count()
                .sum(PipelineRunField.COST)
                .having(h -> h.sumCost().gte(3.0))
                .orderBy(o -> o.sum(PipelineRunField.COST).desc()));
        // end::groupBy[]

        assertThat(perStatus.collectList().block()).extracting(PipelineRunGroup::status)
                .containsExactly(Status.COMPLETED, Status.FAILED);
    }

    // ---- writes ------------------------------------------------------------------------------------

    @Test
    void createUpdateUpsertAndDeleteOneRecord() {
        // tag::create[]
        Mono<PipelineRun> created = db.pipelineRun().create(c -> c
                .id("w1")                                   // optional: @default(cuid()) makes one
                .name("newsletter")
                .metadata(Json.of(Map.of("issue", 42))));   // status, startedAt, cost: their defaults
        // end::create[]
        // tag::update[]
        Mono<PipelineRun> started = db.pipelineRun().update(
                w -> w.id("w1"),
                d -> d.status(Status.RUNNING).cost().increment(0.25));
        // end::update[]
        // tag::upsert[]
        Mono<PipelineRun> upserted = db.pipelineRun().upsert(
                w -> w.id("w1"),
                c -> c.id("w1").name("newsletter"),          // when there is no such run
                u -> u.status(Status.COMPLETED));            // when there is
        // end::upsert[]
        // tag::delete[]
        Mono<PipelineRun> deleted = db.pipelineRun().delete(w -> w.id("w1"));   // the record as it was
        // end::delete[]

        PipelineRun run = created.block();
        assertThat(run.status()).isEqualTo(Status.PENDING);
        assertThat(run.cost()).isZero();
        assertThat(started.block().cost()).isEqualTo(0.25);
        assertThat(upserted.block().status()).isEqualTo(Status.COMPLETED);
        assertThat(deleted.block().id()).isEqualTo("w1");
        assertThatThrownBy(deleted::block).isInstanceOf(RecordNotFoundException.class);   // gone already
    }

    @Test
    void createManyUpdateManyAndDeleteManyCountWhatTheyChanged() {
        db.pipelineRun().create(c -> c.id("w2").name("batch")).block();

        // tag::createMany[]
        Mono<Long> created = db.pipelineStep().createMany(List.of(
                new PipelineStepCreate().runId("w2").position(1).name("fetch"),
                new PipelineStepCreate().runId("w2").position(2).name("render")));
        Flux<PipelineStep> returned = db.pipelineStep().createManyAndReturn(List.of(
                new PipelineStepCreate().runId("w2").position(3).name("upload")));
        Mono<Long> skipped = db.pipelineStep().createMany(List.of(
                new PipelineStepCreate().runId("w2").position(1).name("fetch")), true);   // skipDuplicates
        // end::createMany[]
        // tag::updateMany[]
        Mono<Long> retried = db.pipelineStep().updateMany(
                w -> w.runId().eq("w2").status().eq(Status.PENDING),
                d -> d.status(Status.RUNNING).attempts().increment(1));
        // end::updateMany[]
        // tag::deleteMany[]
        Mono<Long> removed = db.pipelineStep().deleteMany(w -> w.runId().eq("w2"));
        // end::deleteMany[]

        assertThat(created.block()).isEqualTo(2);
        assertThat(returned.collectList().block()).extracting(PipelineStep::name).containsExactly("upload");
        assertThat(skipped.block()).isZero();
        assertThat(retried.block()).isEqualTo(3);
        assertThat(removed.block()).isEqualTo(3);
        db.pipelineRun().delete(w -> w.id("w2")).block();
    }

    // ---- filters -----------------------------------------------------------------------------------

    @Test
    void equalityAndMembership() {
        // tag::equals[]
        Flux<PipelineRun> failed = db.pipelineRun().findMany(q -> q.where(w -> w.status().eq(Status.FAILED)));
        Flux<PipelineRun> notFailed = db.pipelineRun().findMany(q -> q.where(w -> w.status().not(Status.FAILED)));
        Flux<PipelineRun> settled = db.pipelineRun().findMany(q -> q.where(w -> w
                .status().in(Status.COMPLETED, Status.FAILED)));
        Flux<PipelineRun> others = db.pipelineRun().findMany(q -> q.where(w -> w
                .id().notIn(List.of("r1", "r2"))));
        // end::equals[]

        assertThat(ids(failed)).containsExactly("r2");
        assertThat(ids(notFailed)).containsExactlyInAnyOrder("r1", "r3");
        assertThat(ids(settled)).containsExactlyInAnyOrder("r1", "r2");
        assertThat(ids(others)).containsExactly("r3");
    }

    @Test
    void comparisons() {
        // tag::comparisons[]
        Flux<PipelineRun> costly = db.pipelineRun().findMany(q -> q.where(w -> w.cost().gt(10.0)));
        Flux<PipelineRun> cheap = db.pipelineRun().findMany(q -> q.where(w -> w.cost().lte(3.0)));
        Flux<PipelineStep> retried = db.pipelineStep().findMany(q -> q.where(w -> w
                .attempts().gte(1)
                .attempts().lt(5)));                          // conditions of one builder all hold
        // end::comparisons[]

        assertThat(ids(costly)).containsExactly("r1");
        assertThat(ids(cheap)).containsExactlyInAnyOrder("r2", "r3");
        assertThat(retried.collectList().block()).extracting(PipelineStep::name).containsExactly("voice-over");
    }

    @Test
    void textConditions() {
        // tag::strings[]
        Flux<PipelineRun> videos = db.pipelineRun().findMany(q -> q.where(w -> w.name().startsWith("video")));
        Flux<PipelineRun> anyCase = db.pipelineRun().findMany(q -> q.where(w -> w
                .name().insensitive().startsWith("video")));  // mode: 'insensitive'
        Flux<PipelineRun> edits = db.pipelineRun().findMany(q -> q.where(w -> w.name().endsWith("Edit")));
        Flux<PipelineRun> casts = db.pipelineRun().findMany(q -> q.where(w -> w.name().contains("cast")));
        // end::strings[]

        assertThat(ids(videos)).containsExactly("r1");
        assertThat(ids(anyCase)).containsExactlyInAnyOrder("r1", "r2");
        assertThat(ids(edits)).containsExactly("r2");
        assertThat(ids(casts)).containsExactly("r3");
    }

    @Test
    void andOrNot() {
        // tag::logic[]
        Flux<PipelineRun> either = db.pipelineRun().findMany(q -> q.where(w -> w
                .or(a -> a.status().eq(Status.FAILED),
                    b -> b.cost().gt(10.0))));
        Flux<PipelineRun> both = db.pipelineRun().findMany(q -> q.where(w -> w
                .and(a -> a.name().insensitive().contains("video"),
                     b -> b.cost().gt(5.0))));
        Flux<PipelineRun> neither = db.pipelineRun().findMany(q -> q.where(w -> w
                .not(n -> n.status().in(Status.COMPLETED, Status.FAILED))));
        // end::logic[]

        assertThat(ids(either)).containsExactlyInAnyOrder("r1", "r2");
        assertThat(ids(both)).containsExactly("r1");
        assertThat(ids(neither)).containsExactly("r3");
    }

    @Test
    void nullChecks() {
        // tag::nulls[]
        Flux<PipelineRun> described = db.pipelineRun().findMany(q -> q.where(w -> w.metadata().isNotNull()));
        Flux<PipelineRun> bare = db.pipelineRun().findMany(q -> q.where(w -> w.metadata().isNull()));
        Flux<PipelineStep> untimed = db.pipelineStep().findMany(q -> q.where(w -> w.durationMs().isNull()));
        // end::nulls[]

        assertThat(ids(described)).containsExactlyInAnyOrder("r1", "r3");
        assertThat(ids(bare)).containsExactly("r2");
        assertThat(untimed.collectList().block()).hasSize(3);
    }

    @Test
    void listConditions() {
        // tag::lists[]
        Flux<ContentItem> aboutAi = db.contentItem().findMany(q -> q.where(w -> w.tags().has("ai")));
        Flux<ContentItem> aiVideos = db.contentItem().findMany(q -> q.where(w -> w
                .tags().hasEvery(List.of("ai", "video"))));
        Flux<ContentItem> aiOrAudio = db.contentItem().findMany(q -> q.where(w -> w
                .tags().hasSome(List.of("ai", "audio"))));
        Flux<ContentItem> untagged = db.contentItem().findMany(q -> q.where(w -> w.tags().isEmpty()));
        Flux<ContentItem> exactly = db.contentItem().findMany(q -> q.where(w -> w
                .tags().eq(List.of("ai", "video"))));
        // end::lists[]

        assertThat(aboutAi.map(ContentItem::runId).collectList().block()).containsExactly("r1");
        assertThat(aiVideos.map(ContentItem::runId).collectList().block()).containsExactly("r1");
        assertThat(aiOrAudio.map(ContentItem::runId).collectList().block()).containsExactly("r1");
        assertThat(untagged.map(ContentItem::runId).collectList().block()).containsExactly("r3");
        assertThat(exactly.map(ContentItem::runId).collectList().block()).containsExactly("r1");
    }

    @Test
    void jsonConditions() {
        // tag::json[]
        Flux<PipelineRun> uploads = db.pipelineRun().findMany(q -> q.where(w -> w
                .metadata().path("source", "kind").eq(Json.of("upload"))));
        Flux<PipelineRun> aboutAi = db.pipelineRun().findMany(q -> q.where(w -> w
                .metadata().path("topic").stringStartsWith("AI")));
        Flux<PipelineRun> labelled = db.pipelineRun().findMany(q -> q.where(w -> w
                .metadata().path("labels").arrayContains(Json.of(List.of("video")))));
        Flux<PipelineRun> automated = db.pipelineRun().findMany(q -> q.where(w -> w
                .metadata().path("topic").stringContains("auto")
                .metadata().path("topic").stringEndsWith("automation")));
        // end::json[]

        assertThat(ids(uploads)).containsExactly("r1");
        assertThat(ids(aboutAi)).containsExactly("r1");
        assertThat(ids(labelled)).containsExactly("r1");
        assertThat(ids(automated)).containsExactly("r1");
    }

    @Test
    void relationConditions() {
        // tag::relations[]
        Flux<PipelineRun> withAFailure = db.pipelineRun().findMany(q -> q.where(w -> w
                .steps().some(s -> s.status().eq(Status.FAILED))));
        Flux<PipelineRun> allDone = db.pipelineRun().findMany(q -> q.where(w -> w
                .steps().every(s -> s.status().eq(Status.COMPLETED))));   // also runs without steps
        Flux<PipelineRun> noRetries = db.pipelineRun().findMany(q -> q.where(w -> w
                .steps().none(s -> s.attempts().gt(0))));
        Flux<PipelineStep> ofCostlyRuns = db.pipelineStep().findMany(q -> q.where(w -> w
                .run().is(r -> r.cost().gt(10.0))));
        Flux<PipelineStep> ofOtherRuns = db.pipelineStep().findMany(q -> q.where(w -> w
                .run().isNot(r -> r.cost().gt(10.0))));
        // end::relations[]

        assertThat(ids(withAFailure)).containsExactly("r1");
        assertThat(ids(allDone)).containsExactly("r2");
        assertThat(ids(noRetries)).containsExactlyInAnyOrder("r2", "r3");
        assertThat(ofCostlyRuns.collectList().block()).extracting(PipelineStep::runId).containsOnly("r1");
        assertThat(ofOtherRuns.collectList().block()).extracting(PipelineStep::runId).containsOnly("r3");
    }

    @Test
    void fieldReferences() {
        db.pipelineRun().create(c -> c.id("w3").name("backfill").startedAt(Instant.parse("2020-01-01T00:00:00Z"))).block();

        // tag::fieldRefs[]
        Flux<PipelineRun> backdated = db.pipelineRun().findMany(q -> q.where(w -> w
                .startedAt().lt(PipelineRunWhere.UPDATED_AT)));   // compares two columns of the row
        // end::fieldRefs[]

        assertThat(ids(backdated)).contains("w3").doesNotContain("r1", "r2", "r3");
        db.pipelineRun().delete(w -> w.id("w3")).block();
    }
}
