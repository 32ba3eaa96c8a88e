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
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Status;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.RefractException;
import dev.refract.json.Json;
import dev.refract.meta.ModelMeta;
import dev.refract.relation.Relation;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The samples of the page "The generated client", run against the pipeline schema. */
@RefractTestDatabases
class GeneratedClientIT {

    private static RefractClient db;

    @BeforeAll
    static void open(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        PipelineDatabases.createTables(postgres);
        db = PipelineDatabases.open(postgres, mongo, redis);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theBuilderOverridesUrlsAndPoolSizesOfTheSchema() {
        // tag::builder[]
        RefractClient db = RefractClient.builder()
                .datasource("db", "r2dbc:postgresql://localhost:5432/app")  // wins over env("DATABASE_URL")
                .poolSize("db", 10)                                         // wins over poolSize = 20
                .build();
        // end::builder[]
        assertThat(db.core().poolUsage("db")).isEmpty();   // pools start on first use
        db.close();
        assertThat(db.core().isClosed()).isTrue();
    }

    @Test
    void theBuilderReadsSettingsFromAFunction() {
        // tag::environment[]
        Map<String, String> settings = Map.of(
                "DATABASE_URL", "r2dbc:postgresql://localhost:5432/app",
                "MONGODB_URL", "mongodb://localhost:27017/app",
                "REDIS_URL", "redis://localhost:6379");
        RefractClient db = RefractClient.builder()
                .environment(settings::get)
                .build();
        // end::environment[]
        assertThat(db.core().isClosed()).isFalse();
        db.close();
    }

    @Test
    void everyOperationOfAModel() {
        PipelineRun existing = db.pipelineRun().create(c -> c.name("video-production").status(Status.FAILED)).block();
        String runId = existing.id();
        String stepId = db.pipelineStep().create(c -> c.runId(runId).position(5).name("render").status(Status.RUNNING))
                .block().id();

        // tag::operations[]
        // findUnique: by id, with the steps loaded
        Mono<PipelineRun> run = db.pipelineRun().findUnique(q -> q
                .where(w -> w.id(runId))
                .include(i -> i.steps()));

        // findUnique of an @@cache model: read through Redis with this call's own strategy, or bypass it
        // (see caching.md)
        Mono<PipelineRun> cached = db.pipelineRun().findUnique(q -> q
                .where(w -> w.id(runId))
                .cache(c -> c.ttl(Duration.ofSeconds(5)).swr(Duration.ofSeconds(30)).tags("runs")));
        Mono<PipelineRun> fresh = db.pipelineRun().findUnique(q -> q.where(w -> w.id(runId)).noCache());

        // findUniqueOrThrow: by the compound key @@unique([runId, position])
        Mono<PipelineStep> step = db.pipelineStep().findUniqueOrThrow(q -> q
                .where(w -> w.runIdPosition(runId, 1)));

        // findFirst
        Mono<PipelineRun> latestFailure = db.pipelineRun().findFirst(q -> q
                .where(w -> w.status().eq(Status.FAILED))
                .orderBy(o -> o.startedAt().desc()));

        // findFirstOrThrow
        Mono<PipelineRun> latest = db.pipelineRun().findFirstOrThrow(q -> q
                .orderBy(o -> o.startedAt().desc()));

        // findMany
        Flux<PipelineRun> failed = db.pipelineRun().findMany(q -> q
                .where(w -> w.status().eq(Status.FAILED)
                             .startedAt().gte(Instant.now().minus(Duration.ofDays(1))))
                .orderBy(o -> o.startedAt().desc())
                .take(50)
                .include(i -> i.steps(s -> s.orderBy(o -> o.position().asc()))));
        Flux<ContentItem> everything = db.contentItem().findMany();

        // create
        Mono<PipelineRun> created = db.pipelineRun().create(c -> c
                .name("video-production")
                .status(Status.RUNNING)
                .metadata(Json.of(Map.of("topic", "AI automation"))));

        // createMany
        Mono<Long> createdSteps = db.pipelineStep().createMany(List.of(
                new PipelineStepCreate().runId(runId).position(1).name("script"),
                new PipelineStepCreate().runId(runId).position(2).name("voice-over")));

        // update
        Mono<PipelineStep> finished = db.pipelineStep().update(
                w -> w.id(stepId),
                d -> d.status(Status.COMPLETED).durationMs(1_250L).attempts().increment(1));

        // updateMany
        Mono<Long> timedOut = db.pipelineStep().updateMany(
                w -> w.status().eq(Status.RUNNING).createdAt().lt(Instant.now().minus(Duration.ofHours(1))),
                d -> d.status(Status.FAILED));

        // upsert
        Mono<PipelineStep> upserted = db.pipelineStep().upsert(
                w -> w.runIdPosition(runId, 3),
                c -> c.runId(runId).position(3).name("publish"),
                u -> u.attempts().increment(1));
        // an upsert's where may add conditions to its unique values: the record is updated only when it
        // meets them; when a record has the unique values but not the rest, the create collides with it and
        // the upsert fails with UniqueConstraintViolationException, on every database

        // delete
        Mono<PipelineRun> deleted = db.pipelineRun().delete(w -> w.id(runId));

        // deleteMany
        Mono<Long> purged = db.pipelineRun().deleteMany(w -> w
                .status().in(Status.COMPLETED, Status.FAILED)
                .startedAt().lt(Instant.parse("2026-01-01T00:00:00Z")));

        // count
        Mono<Long> running = db.pipelineRun().count(q -> q.where(w -> w.status().eq(Status.RUNNING)));
        Mono<Long> all = db.pipelineRun().count();

        // aggregate
        Mono<PipelineRunAggregate> spend = db.pipelineRun().aggregate(a -> a
                .where(w -> w.status().eq(Status.COMPLETED))
                .count()
                .sum(PipelineRunField.COST)
                .max(PipelineRunField.STARTED_AT));
        Mono<Double> total = spend.mapNotNull(s -> s.sum().cost());   // empty when no run matched

        // groupBy
        Flux<PipelineRunGroup> costs = db.pipelineRun().groupBy(g -> g
                .by(PipelineRunField.NAME)
                .count()
                .sum(PipelineRunField.COST)
                .where(w -> w.status().eq(Status.COMPLETED))
                .having(h -> h.sumCost().gt(100.0)));
        // end::operations[]

        // Nothing has run yet: each call runs when it is subscribed to.
        assertThat(db.pipelineStep().count().block()).isEqualTo(1);
        assertThat(created.block().status()).isEqualTo(Status.RUNNING);
        assertThat(createdSteps.block()).isEqualTo(2);
        assertThat(step.block().name()).isEqualTo("script");
        assertThat(run.block().steps().get()).hasSize(3);
        assertThat(cached.block().id()).isEqualTo(runId);
        assertThat(fresh.block().id()).isEqualTo(runId);
        assertThat(latestFailure.block().id()).isEqualTo(runId);
        assertThat(latest.block()).isNotNull();
        assertThat(failed.collectList().block()).extracting(PipelineRun::id).containsExactly(runId);
        assertThat(everything.collectList().block()).isEmpty();
        PipelineStep done = finished.block();
        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(timedOut.block()).isZero();
        assertThat(upserted.block().name()).isEqualTo("publish");
        assertThat(upserted.block().attempts()).isEqualTo(1);
        assertThat(running.block()).isEqualTo(1);
        assertThat(all.block()).isEqualTo(2);
        assertThat(spend.block().sum().cost()).isNull();     // no run is COMPLETED: a sum of nothing
        assertThat(total.block()).isNull();                  // and so an empty Mono
        assertThat(costs.collectList().block()).isEmpty();
        assertThat(deleted.block().id()).isEqualTo(runId);
        assertThat(purged.block()).isZero();
        assertThat(db.pipelineStep().count().block()).isZero();  // the steps went with their run (onDelete: Cascade)
    }

    @Test
    void updateReturnsTheRecordWithCountsOfItsRelations() {
        String runId = db.pipelineRun().create(c -> c.name("video-production")
                .steps(s -> s.create(st -> st.position(1).name("script").status(Status.FAILED)))).block().id();

        // tag::updateWithCounts[]
        Mono<PipelineRun> renamed = db.pipelineRun().update(
                w -> w.id(runId),
                d -> d.name("video-production-v2"),
                i -> i.count(c -> c.steps(s -> s.status().eq(Status.FAILED))));
        // end::updateWithCounts[]

        PipelineRun run = renamed.block();
        assertThat(run.name()).isEqualTo("video-production-v2");
        assertThat(run.relationCounts().steps()).isEqualTo(1);
    }

    @Test
    void filtersCombineAndNest() {
        db.pipelineRun().create(c -> c.id("filter-1").name("Video-edit").metadata(Json.of(Map.of("topic", "ai")))).block();
        db.pipelineRun().create(c -> c.id("run-1").name("video-short").metadata(Json.of(Map.of()))).block();
        db.contentItem().create(c -> c.runId("filter-1").type("script").title("The pipeline explained")
                .tags(List.of("ai", "video")).metadata(Json.of(Map.of()))).block();

        // tag::filters[]
        Flux<PipelineRun> matching = db.pipelineRun().findMany(q -> q.where(w -> w
                .name().insensitive().startsWith("video")
                .metadata().isNotNull()
                .or(a -> a.status().eq(Status.FAILED),
                    b -> b.cost().gt(10.0))
                .not(n -> n.id().in("run-1", "run-2"))));
        Flux<ContentItem> tagged = db.contentItem().findMany(q -> q.where(w -> w
                .tags().has("ai")
                .title().contains("pipeline")));
        // end::filters[]

        assertThat(matching.collectList().block()).isEmpty();   // neither run FAILED nor cost more than 10
        db.pipelineRun().update(w -> w.id("filter-1"), d -> d.cost(12.0)).block();
        assertThat(matching.collectList().block()).extracting(PipelineRun::id).containsExactly("filter-1");
        assertThat(tagged.collectList().block()).extracting(ContentItem::runId).containsExactly("filter-1");
        db.pipelineRun().deleteMany(w -> w.id().in("filter-1", "run-1")).block();
        db.contentItem().deleteMany().block();
    }

    @Test
    void fieldReferencesAndJsonPaths() {
        db.pipelineRun().create(c -> c.id("ref-1").name("upload")
                .metadata(Json.of(Map.of("source", Map.of("kind", "upload"))))).block();

        // tag::fieldReferences[]
        Flux<PipelineRun> touchedLater = db.pipelineRun().findMany(q -> q.where(w -> w
                .startedAt().lt(PipelineRunWhere.UPDATED_AT)
                .metadata().path("source", "kind").eq(Json.of("upload"))));
        // end::fieldReferences[]

        db.pipelineRun().update(w -> w.id("ref-1"), d -> d.name("upload-2")).block();
        assertThat(touchedLater.collectList().block()).extracting(PipelineRun::id).containsExactly("ref-1");
        db.pipelineRun().delete(w -> w.id("ref-1")).block();
    }

    @Test
    void orderByPaginationAndProjection() {
        String runId = db.pipelineRun().create(c -> c.id("page-1").name("paged")).block().id();
        for (int position = 1; position <= 30; position++) {
            int p = position;
            db.pipelineStep().create(c -> c.runId(runId).position(p).name("scene-" + p)
                    .durationMs(p % 2 == 0 ? null : (long) p)).block();
        }

        // tag::orderBy[]
        Flux<PipelineRun> byStatus = db.pipelineRun().findMany(q -> q
                .orderBy(o -> o.status().asc().startedAt().desc()));
        Flux<PipelineStep> slowestLast = db.pipelineStep().findMany(q -> q
                .orderBy(o -> o.durationMs().nullsLast().desc()));
        // end::orderBy[]

        // tag::cursor[]
        Flux<PipelineStep> page = db.pipelineStep().findMany(q -> q
                .where(w -> w.runId().eq(runId))
                .orderBy(o -> o.position().asc())
                .cursor(c -> c.runIdPosition(runId, 10))
                .skip(1)
                .take(20));
        // end::cursor[]

        // tag::select[]
        Flux<PipelineRun> names = db.pipelineRun().findMany(q -> q
                .select(s -> s.id().name())
                .distinct(PipelineRunField.NAME));
        Flux<PipelineRun> withoutMetadata = db.pipelineRun().findMany(q -> q.omit(o -> o.metadata()));
        // end::select[]

        assertThat(byStatus.collectList().block()).extracting(PipelineRun::id).contains("page-1");
        List<PipelineStep> slowest = slowestLast.collectList().block();
        assertThat(slowest).extracting(PipelineStep::durationMs)
                .isSortedAccordingTo(Comparator.nullsLast(Comparator.<Long>reverseOrder()))
                .contains(29L).endsWith((Long) null);
        assertThat(page.collectList().block()).extracting(PipelineStep::position).startsWith(11, 12).hasSize(20);
        assertThat(names.collectList().block()).extracting(PipelineRun::name).contains("paged").doesNotHaveDuplicates();
        assertThat(withoutMetadata.collectList().block()).extracting(PipelineRun::metadata).containsOnlyNulls();
        db.pipelineRun().delete(w -> w.id(runId)).block();
    }

    @Test
    void numberFieldsChangeAtomically() {
        String runId = db.pipelineRun().create(c -> c.name("atomic")).block().id();
        String stepId = db.pipelineStep().create(c -> c.runId(runId).position(1).name("script")).block().id();

        PipelineStep step = db.pipelineStep().update(w -> w.id(stepId),
                // tag::atomicUpdate[]
                d -> d.status(Status.COMPLETED).attempts().increment(1)
                // end::atomicUpdate[]
        ).block();

        assertThat(step.attempts()).isEqualTo(1);
        db.pipelineRun().delete(w -> w.id(runId)).block();
    }

    @Test
    void nestedWritesRunInTheCallOfTheirParent() {
        String other = db.pipelineRun().create(c -> c.name("other")).block().id();
        db.pipelineStep().create(c -> c.id("step-7").runId(other).position(7).name("moved")).block();
        String runId = db.pipelineRun().create(c -> c.name("parent")
                .steps(s -> s.create(st -> st.position(2).name("voice-over").status(Status.FAILED).attempts(3))))
                .block().id();
        String stepId = db.pipelineStep().findFirstOrThrow(q -> q.where(w -> w.runId().eq(runId))).block().id();

        // tag::nestedWrites[]
        db.pipelineRun().create(c -> c.name("video")
                .steps(s -> s.create(st -> st.position(1).name("script"))
                        .connect(w -> w.id("step-7"))));
        db.pipelineRun().update(w -> w.id(runId), d -> d
                .steps(s -> s.updateMany(w -> w.status().eq(Status.FAILED), u -> u.attempts(0))
                        .delete(w -> w.id("step-7"))));
        db.pipelineStep().update(w -> w.id(stepId), d -> d.run(r -> r.update(u -> u.cost().increment(1.5))));
        // end::nestedWrites[]

        // The three calls above are only built: run them as the page describes, one after the other.
        PipelineRun video = db.pipelineRun().create(c -> c.name("video")
                .steps(s -> s.create(st -> st.position(1).name("script")).connect(w -> w.id("step-7"))),
                i -> i.steps()).block();
        assertThat(video.steps().get()).extracting(PipelineStep::name).containsExactlyInAnyOrder("script", "moved");
        assertThatThrownBy(() -> db.pipelineRun().update(w -> w.id(runId), d -> d
                .steps(s -> s.updateMany(w -> w.status().eq(Status.FAILED), u -> u.attempts(0))
                        .delete(w -> w.id("step-7")))).block())
                .isInstanceOf(RecordNotFoundException.class);   // step-7 belongs to the video run now
        PipelineStep step = db.pipelineStep().update(w -> w.id(stepId), d -> d.run(r -> r.update(u -> u.cost().increment(1.5))),
                i -> i.run()).block();
        assertThat(step.run().get().cost()).isEqualTo(1.5);
        db.pipelineRun().deleteMany(w -> w.id().in(other, runId, video.id())).block();
    }

    @Test
    void relationsSayWhetherTheyWereLoaded() {
        PipelineRun run = db.pipelineRun().create(c -> c.name("loaded")
                .steps(s -> s.create(st -> st.position(1).name("script"))), i -> i.steps()).block();
        PipelineStep step = db.pipelineStep().findFirstOrThrow(q -> q.where(w -> w.runId().eq(run.id()))
                .include(i -> i.run())).block();

        // tag::relationValues[]
        Relation<List<PipelineStep>> steps = run.steps();
        if (steps.isLoaded()) {
            List<PipelineStep> list = steps.get();   // empty when the run has no steps
            System.out.println(list.size() + " steps");
        }
        if (steps instanceof Relation.Loaded<List<PipelineStep>> loaded) {
            System.out.println(loaded.value().size() + " steps");
        }

        Optional<PipelineRun> owner = step.run().find();  // throws when run was not included
        PipelineRun ownerOrNull = step.run().get();        // null when loaded but absent
        // end::relationValues[]

        assertThat(owner).map(PipelineRun::id).contains(run.id());
        assertThat(ownerOrNull.id()).isEqualTo(run.id());
        db.pipelineRun().delete(w -> w.id(run.id())).block();
    }

    @Test
    void errorsAreTypedAndCarryTheirCode() {
        String runId = "no-such-run";

        // tag::errors[]
        Mono<PipelineRun> orNothing = db.pipelineRun()
                .findUniqueOrThrow(q -> q.where(w -> w.id(runId)))
                .onErrorResume(RecordNotFoundException.class, e -> Mono.empty());

        Mono<PipelineRun> logged = db.pipelineRun()
                .create(c -> c.name("video-production"))
                .doOnError(RefractException.class, e -> System.err.println(
                        e.code().code() + " on " + e.model() + " " + e.fields() + ": " + e.getMessage()));
        // end::errors[]

        assertThat(orNothing.block()).isNull();
        PipelineRun run = logged.block();
        assertThat(run.name()).isEqualTo("video-production");
        db.pipelineRun().delete(w -> w.id(run.id())).block();
    }

    @Test
    void theMetadataDescribesTheSchema() {
        // tag::metadata[]
        ModelMeta steps = RefractClientMetadata.PIPELINE_STEP;
        System.out.println(steps.dbName() + " lives in datasource "
                + RefractClientMetadata.SCHEMA.datasource(steps.datasource()).name());
        // pipeline_steps lives in datasource db
        // end::metadata[]

        assertThat(steps.dbName()).isEqualTo("pipeline_steps");
        assertThat(RefractClientMetadata.SCHEMA.datasource(steps.datasource()).name()).isEqualTo("db");
    }
}
