package dev.refract.r2dbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineRunCreate;
import com.example.pipeline.db.PipelineRunField;
import com.example.pipeline.db.PipelineRunGroup;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.PipelineStepCreate;
import com.example.pipeline.db.PipelineStepField;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Status;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.MissingRequiredFieldException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.r2dbc.suite.CapturingProvider;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Every delegate operation of the seed schema's generated client against real PostgreSQL: the
 * client is built with only the {@code db} datasource given, so the MongoDB and Redis datasources
 * it never calls need no server.
 */
@RefractTestDatabases
class SeedClientOperationsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final CapturingProvider PROVIDER = new CapturingProvider();
    private static RefractClient db;

    @BeforeAll
    static void pushAndConnect(PostgresNamespace postgres) {
        ClientFixture.push(RefractClientMetadata.SCHEMA, 0, postgres);
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).adapterProvider(PROVIDER).build();
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    @BeforeEach
    void emptyTables() {
        // Steps go with their runs: the relation cascades on delete.
        db.pipelineRun().deleteMany().block(WAIT);
    }

    private static PipelineRun run(String id, String name, Status status, double cost) {
        return db.pipelineRun().create(c -> c.id(id).name(name).status(status).cost(cost)).block(WAIT);
    }

    private static PipelineStep step(String runId, int position, Long durationMs) {
        return db.pipelineStep().create(c -> c.runId(runId).position(position).name("step-" + position)
                .durationMs(durationMs)).block(WAIT);
    }

    private static List<String> ids(List<PipelineRun> runs) {
        return runs.stream().map(PipelineRun::id).toList();
    }

    @Test
    void createFillsDefaultsAndReturnsTheRecordAsStored() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PipelineRun created = db.pipelineRun().create(c -> c.name("video-production")).block(WAIT);
        Instant after = Instant.now().plusMillis(1);

        assertThat(created.id()).matches("c[0-9a-z]{24}");
        assertThat(created.status()).isEqualTo(Status.PENDING);
        assertThat(created.cost()).isEqualTo(0.0);
        assertThat(created.metadata()).isNull();
        assertThat(created.startedAt()).isBetween(before, after);
        assertThat(created.updatedAt()).isBetween(before, after);
        StepVerifier.create(db.pipelineRun().findUnique(q -> q.where(w -> w.id(created.id()))))
                .expectNext(created)
                .verifyComplete();

        PipelineStep step = db.pipelineStep().create(c -> c.runId(created.id()).position(1).name("script")).block(WAIT);
        assertThat(step.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(step.attempts()).isZero();
        assertThat(step.durationMs()).isNull();
        assertThat(step.createdAt()).isBetween(before, Instant.now().plusMillis(1));
        StepVerifier.create(db.pipelineStep().findUnique(q -> q.where(w -> w.runIdPosition(created.id(), 1))))
                .expectNext(step)
                .verifyComplete();
    }

    @Test
    void findUniqueIsEmptyForAMissingKeyAndTheOrThrowVariantSignalsRecordNotFound() {
        run("r1", "a", Status.PENDING, 1);
        StepVerifier.create(db.pipelineRun().findUnique(q -> q.where(w -> w.id("missing")))).verifyComplete();
        StepVerifier.create(db.pipelineRun().findUniqueOrThrow(q -> q.where(w -> w.id("missing"))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordNotFoundException.class)
                        .hasMessageContaining("PipelineRun"))
                .verify(WAIT);
        StepVerifier.create(db.pipelineRun().findUniqueOrThrow(q -> q.where(w -> w.id("r1"))).map(PipelineRun::name))
                .expectNext("a")
                .verifyComplete();
    }

    @Test
    void findFirstTakesTheFirstInOrderAndTheOrThrowVariantSignalsRecordNotFound() {
        run("r1", "a", Status.COMPLETED, 3);
        run("r2", "b", Status.COMPLETED, 7);
        run("r3", "c", Status.FAILED, 9);
        StepVerifier.create(db.pipelineRun().findFirst(q -> q.where(w -> w.status().eq(Status.COMPLETED))
                        .orderBy(o -> o.cost().desc())).map(PipelineRun::id))
                .expectNext("r2")
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().findFirst(q -> q.where(w -> w.status().eq(Status.RUNNING))))
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().findFirstOrThrow(q -> q.where(w -> w.status().eq(Status.RUNNING))))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
        StepVerifier.create(db.pipelineRun().findFirstOrThrow(q -> q.orderBy(o -> o.name().desc())).map(PipelineRun::id))
                .expectNext("r3")
                .verifyComplete();
    }

    @Test
    void findManyFiltersSortsBySeveralKeysAndPages() {
        run("r1", "b", Status.COMPLETED, 5);
        run("r2", "a", Status.COMPLETED, 5);
        run("r3", "a", Status.FAILED, 2);
        run("r4", "c", Status.PENDING, 8);
        run("r5", "b", Status.COMPLETED, 1);
        StepVerifier.create(db.pipelineRun().findMany(q -> q.where(w -> w.cost().gte(2.0))
                        .orderBy(o -> o.cost().desc()).orderBy(o -> o.name().asc())).map(PipelineRun::id).collectList())
                .assertNext(found -> assertThat(found).containsExactly("r4", "r2", "r1", "r3"))
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().findMany(q -> q.orderBy(o -> o.id().asc()).skip(1).take(2))
                        .collectList().map(SeedClientOperationsIT::ids))
                .assertNext(found -> assertThat(found).containsExactly("r2", "r3"))
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().findMany(q -> q.orderBy(o -> o.id().asc()).cursor(c -> c.id("r3")).take(2))
                        .collectList().map(SeedClientOperationsIT::ids))
                .assertNext(found -> assertThat(found).containsExactly("r3", "r4"))
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().findMany(q -> q.where(w -> w.or(a -> a.name().eq("c"), b -> b.cost().lt(2.0))))
                        .collectList().map(SeedClientOperationsIT::ids))
                .assertNext(found -> assertThat(found).containsExactlyInAnyOrder("r4", "r5"))
                .verifyComplete();
    }

    @Test
    void findManySortsNullsFirstOrLastAsAsked() {
        run("r1", "a", Status.RUNNING, 0);
        step("r1", 1, 30L);
        step("r1", 2, null);
        step("r1", 3, 10L);
        StepVerifier.create(db.pipelineStep().findMany(q -> q.orderBy(o -> o.durationMs().nullsFirst().asc()))
                        .map(PipelineStep::position).collectList())
                .assertNext(positions -> assertThat(positions).containsExactly(2, 3, 1))
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().findMany(q -> q.orderBy(o -> o.durationMs().nullsLast().desc()))
                        .map(PipelineStep::position).collectList())
                .assertNext(positions -> assertThat(positions).containsExactly(1, 3, 2))
                .verifyComplete();
    }

    @Test
    void findManyKeepsDistinctValuesAndReadsOnlyTheSelectedOrRemainingFields() {
        run("r1", "a", Status.COMPLETED, 1);
        run("r2", "a", Status.COMPLETED, 2);
        run("r3", "b", Status.COMPLETED, 3);
        StepVerifier.create(db.pipelineRun().findMany(q -> q.distinct(PipelineRunField.NAME).orderBy(o -> o.name().asc())
                        .select(s -> s.name())).collectList())
                .assertNext(runs -> {
                    assertThat(runs).extracting(PipelineRun::name).containsExactly("a", "b");
                    assertThat(runs).allSatisfy(r -> {
                        assertThat(r.id()).isNull();
                        assertThat(r.cost()).isNull();
                        assertThat(r.startedAt()).isNull();
                    });
                })
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().findUnique(q -> q.where(w -> w.id("r2")).omit(o -> o.cost().metadata())))
                .assertNext(r -> {
                    assertThat(r.id()).isEqualTo("r2");
                    assertThat(r.name()).isEqualTo("a");
                    assertThat(r.status()).isEqualTo(Status.COMPLETED);
                    assertThat(r.startedAt()).isNotNull();
                    assertThat(r.cost()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void createManyCountsWhatItCreatedAndSkipsDuplicatesWhenAsked() {
        List<PipelineRunCreate> first = List.of(new PipelineRunCreate().id("r1").name("a"),
                new PipelineRunCreate().id("r2").name("b"));
        StepVerifier.create(db.pipelineRun().createMany(first)).expectNext(2L).verifyComplete();
        List<PipelineRunCreate> overlapping = List.of(new PipelineRunCreate().id("r2").name("b again"),
                new PipelineRunCreate().id("r3").name("c"));
        StepVerifier.create(db.pipelineRun().createMany(overlapping))
                .expectError(UniqueConstraintViolationException.class)
                .verify(WAIT);
        StepVerifier.create(db.pipelineRun().count()).expectNext(2L).verifyComplete();
        StepVerifier.create(db.pipelineRun().createMany(overlapping, true)).expectNext(1L).verifyComplete();
        StepVerifier.create(db.pipelineRun().findUniqueOrThrow(q -> q.where(w -> w.id("r2"))).map(PipelineRun::name))
                .expectNext("b")
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().count()).expectNext(3L).verifyComplete();
    }

    @Test
    void updateChangesNumbersAtomicallySetsNullAndRefreshesUpdatedAt() throws InterruptedException {
        PipelineRun run = run("r1", "a", Status.RUNNING, 10);
        PipelineStep created = step("r1", 1, 500L);
        Thread.sleep(5);
        StepVerifier.create(db.pipelineStep().update(w -> w.id(created.id()), d -> d.attempts().increment(5)
                        .durationMs(null)))
                .assertNext(s -> {
                    assertThat(s.attempts()).isEqualTo(5);
                    assertThat(s.durationMs()).isNull();
                })
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().update(w -> w.id(created.id()), d -> d.attempts().multiply(6)))
                .assertNext(s -> assertThat(s.attempts()).isEqualTo(30))
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().update(w -> w.id(created.id()), d -> d.attempts().divide(4)))
                .assertNext(s -> assertThat(s.attempts()).isEqualTo(7))
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().update(w -> w.id(created.id()), d -> d.attempts().decrement(2)))
                .assertNext(s -> assertThat(s.attempts()).isEqualTo(5))
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().update(w -> w.id(created.id()), d -> d.attempts().set(1)))
                .assertNext(s -> assertThat(s.attempts()).isEqualTo(1))
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().update(w -> w.id("r1"), d -> d.cost().increment(2.5).status(Status.COMPLETED)))
                .assertNext(updated -> {
                    assertThat(updated.cost()).isEqualTo(12.5);
                    assertThat(updated.status()).isEqualTo(Status.COMPLETED);
                    assertThat(updated.startedAt()).isEqualTo(run.startedAt());
                    assertThat(updated.updatedAt()).isAfter(run.updatedAt());
                })
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().findUniqueOrThrow(q -> q.where(w -> w.id(created.id()))))
                .assertNext(s -> {
                    assertThat(s.attempts()).isEqualTo(1);
                    assertThat(s.durationMs()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void updateWithAStaleVersionConditionSignalsRecordNotFoundAndChangesNothing() {
        run("r1", "a", Status.RUNNING, 0);
        PipelineStep created = step("r1", 1, null);
        StepVerifier.create(db.pipelineStep().update(w -> w.id(created.id()).and(a -> a.attempts().eq(0)),
                        d -> d.attempts().increment(1).name("retried")))
                .assertNext(s -> assertThat(s.attempts()).isEqualTo(1))
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().update(w -> w.id(created.id()).and(a -> a.attempts().eq(0)),
                        d -> d.attempts().increment(1).name("stale")))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
        StepVerifier.create(db.pipelineStep().findUniqueOrThrow(q -> q.where(w -> w.id(created.id()))))
                .assertNext(s -> {
                    assertThat(s.attempts()).isEqualTo(1);
                    assertThat(s.name()).isEqualTo("retried");
                })
                .verifyComplete();
        StepVerifier.create(db.pipelineStep().update(w -> w.id("missing"), d -> d.name("x")))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
    }

    @Test
    void updateManyAndDeleteManyCountTheRecordsTheyTouched() {
        run("r1", "a", Status.RUNNING, 1);
        run("r2", "a", Status.RUNNING, 2);
        run("r3", "b", Status.RUNNING, 3);
        StepVerifier.create(db.pipelineRun().updateMany(w -> w.name().eq("a"), d -> d.status(Status.FAILED)))
                .expectNext(2L)
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().count(q -> q.where(w -> w.status().eq(Status.FAILED)))).expectNext(2L)
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().updateMany(w -> w.name().eq("none"), d -> d.status(Status.FAILED)))
                .expectNext(0L)
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().deleteMany(w -> w.status().eq(Status.FAILED))).expectNext(2L).verifyComplete();
        StepVerifier.create(db.pipelineRun().findMany().map(PipelineRun::id)).expectNext("r3").verifyComplete();
    }

    @Test
    void upsertCreatesWhenMissingAndUpdatesWhenPresentInOneStatement() {
        PROVIDER.drainRendered();
        StepVerifier.create(db.pipelineRun().upsert(w -> w.id("r1"), c -> c.id("r1").name("created").cost(1.0),
                        u -> u.cost().increment(1.0)))
                .assertNext(r -> {
                    assertThat(r.name()).isEqualTo("created");
                    assertThat(r.cost()).isEqualTo(1.0);
                    assertThat(r.status()).isEqualTo(Status.PENDING);
                })
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().upsert(w -> w.id("r1"), c -> c.id("r1").name("created again").cost(1.0),
                        u -> u.cost().increment(1.0).name("updated")))
                .assertNext(r -> {
                    assertThat(r.name()).isEqualTo("updated");
                    assertThat(r.cost()).isEqualTo(2.0);
                })
                .verifyComplete();
        assertThat(PROVIDER.drainRendered()).hasSize(2).allSatisfy(sql -> assertThat(sql)
                .startsWith("INSERT INTO").contains("ON CONFLICT").contains("DO UPDATE"));
        StepVerifier.create(db.pipelineRun().count()).expectNext(1L).verifyComplete();
    }

    @Test
    void deleteReturnsTheDeletedRecordAndSignalsRecordNotFoundWhenMissing() {
        PipelineRun created = run("r1", "a", Status.PENDING, 1);
        step("r1", 1, null);
        StepVerifier.create(db.pipelineRun().delete(w -> w.id("r1"))).expectNext(created).verifyComplete();
        StepVerifier.create(db.pipelineStep().count()).expectNext(0L).verifyComplete();
        StepVerifier.create(db.pipelineRun().delete(w -> w.id("r1")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordNotFoundException.class)
                        .hasMessageContaining("PipelineRun"))
                .verify(WAIT);
    }

    @Test
    void countAndAggregateComputeExactValues() {
        run("r1", "a", Status.COMPLETED, 1.25);
        run("r2", "b", Status.COMPLETED, 2.5);
        run("r3", "c", Status.FAILED, 4);
        StepVerifier.create(db.pipelineRun().count(q -> q.where(w -> w.status().eq(Status.COMPLETED)))).expectNext(2L)
                .verifyComplete();
        StepVerifier.create(db.pipelineRun().aggregate(a -> a.count().sum(PipelineRunField.COST).avg(PipelineRunField.COST)
                        .min(PipelineRunField.COST, PipelineRunField.NAME).max(PipelineRunField.COST)))
                .assertNext(result -> {
                    assertThat(result.count()).isEqualTo(3L);
                    assertThat(result.sum().cost()).isEqualTo(7.75);
                    assertThat(result.avg().cost()).isCloseTo(7.75 / 3, org.assertj.core.data.Offset.offset(1e-12));
                    assertThat(result.min().cost()).isEqualTo(1.25);
                    assertThat(result.min().name()).isEqualTo("a");
                    assertThat(result.max().cost()).isEqualTo(4.0);
                })
                .verifyComplete();
        run("r4", "d", Status.PENDING, 0);
        step("r4", 1, 100L);
        step("r4", 2, 250L);
        StepVerifier.create(db.pipelineStep().aggregate(a -> a.where(w -> w.runId().eq("r4"))
                        .sum(PipelineStepField.DURATION_MS, PipelineStepField.ATTEMPTS)))
                .assertNext(result -> {
                    assertThat(result.sum().durationMs()).isEqualTo(350L);
                    assertThat(result.count()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void groupBySumsTheCostOfCompletedRunsByName() {
        run("r1", "video", Status.COMPLETED, 1.5);
        run("r2", "video", Status.COMPLETED, 2.25);
        run("r3", "video", Status.FAILED, 100);
        run("r4", "podcast", Status.COMPLETED, 0.75);
        run("r5", "blog", Status.RUNNING, 3);
        StepVerifier.create(db.pipelineRun().groupBy(g -> g.by(PipelineRunField.NAME)
                        .where(w -> w.status().eq(Status.COMPLETED)).sum(PipelineRunField.COST).count()
                        .orderBy(o -> o.name().asc())).collectList())
                .assertNext(groups -> {
                    assertThat(groups).extracting(PipelineRunGroup::name).containsExactly("podcast", "video");
                    assertThat(groups).extracting(g -> g.sum().cost()).containsExactly(0.75, 3.75);
                    assertThat(groups).extracting(PipelineRunGroup::count).containsExactly(1L, 2L);
                    assertThat(groups).allSatisfy(g -> assertThat(g.id()).isNull());
                })
                .verifyComplete();
    }

    @Test
    void aDuplicateUniqueKeyNamesItsFields() {
        run("r1", "a", Status.RUNNING, 0);
        step("r1", 1, null);
        StepVerifier.create(db.pipelineStep().create(c -> c.runId("r1").position(1).name("again")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(UniqueConstraintViolationException.class);
                    assertThat(((UniqueConstraintViolationException) error).fields()).containsExactly("runId", "position");
                    assertThat(((UniqueConstraintViolationException) error).model()).isEqualTo("PipelineStep");
                })
                .verify(WAIT);
        StepVerifier.create(db.pipelineRun().create(c -> c.id("r1").name("twin")))
                .expectErrorSatisfies(error -> assertThat(((UniqueConstraintViolationException) error).fields())
                        .containsExactly("id"))
                .verify(WAIT);
    }

    @Test
    void aStepOfAMissingRunIsAForeignKeyViolationNamingTheRelation() {
        StepVerifier.create(db.pipelineStep().create(c -> c.runId("no-such-run").position(1).name("orphan")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                            .hasMessageContaining("relation run");
                    assertThat(((ForeignKeyViolationException) error).fields()).containsExactly("runId");
                    assertThat(((ForeignKeyViolationException) error).model()).isEqualTo("PipelineStep");
                })
                .verify(WAIT);
        StepVerifier.create(db.pipelineStep().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void requiredFieldsAreRefusedBeforeAnythingIsSent() {
        // The generated builders keep NOT NULL columns from ever receiving null, so the database's
        // own not-null check is unreachable through the client; these are the client's checks.
        assertThatThrownBy(() -> db.pipelineRun().create(c -> c.cost(1.0)).block(WAIT))
                .isInstanceOf(MissingRequiredFieldException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new PipelineStepCreate().name(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'name'");
        StepVerifier.create(db.pipelineRun().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void everyCallIsColdAndRunsAgainOnEachSubscription() {
        Mono<PipelineRun> create = db.pipelineRun().create(c -> c.name("cold"));
        Mono<Long> deleteAll = db.pipelineRun().deleteMany();
        StepVerifier.create(db.pipelineRun().count()).expectNext(0L).verifyComplete();
        create.block(WAIT);
        create.block(WAIT);
        StepVerifier.create(db.pipelineRun().findMany().map(PipelineRun::id).distinct().count())
                .expectNext(2L)
                .verifyComplete();
        IntStream.range(0, 3).forEach(i -> create.block(WAIT));
        StepVerifier.create(deleteAll).expectNext(5L).verifyComplete();
        StepVerifier.create(deleteAll).expectNext(0L).verifyComplete();
    }
}
