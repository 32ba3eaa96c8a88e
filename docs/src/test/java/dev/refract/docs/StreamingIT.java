package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.RefractClient;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The samples of the page "Streaming", over one run with 20,000 steps and 3,000 runs with one step each. */
@RefractTestDatabases
class StreamingIT {

    private static final int STEPS = 20_000;
    private static final int RUNS = 3_000;

    private static RefractClient db;

    @BeforeAll
    static void seed(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) throws SQLException {
        PipelineDatabases.createTables(postgres);
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"PipelineRun\" (id, name, status, \"startedAt\", \"updatedAt\", cost)"
                    + " SELECT 'run-' || g, 'batch', 'COMPLETED', now(), now(), g FROM generate_series(0, " + RUNS + ") AS g");
            statement.execute("INSERT INTO pipeline_steps (id, \"runId\", position, name, status, attempts, \"createdAt\")"
                    + " SELECT 'step-' || g, 'run-0', g, 'scene-' || g, 'PENDING', 0, now()"
                    + " FROM generate_series(1, " + STEPS + ") AS g");
            statement.execute("INSERT INTO pipeline_steps (id, \"runId\", position, name, status, attempts, \"createdAt\")"
                    + " SELECT 'only-' || g, 'run-' || g, 1, 'only', 'PENDING', 0, now()"
                    + " FROM generate_series(1, " + RUNS + ") AS g");
        }
        db = PipelineDatabases.open(postgres, mongo, redis);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aFindManyIsAStreamThatTheSubscriberPaces() {
        AtomicLong seen = new AtomicLong();

        // tag::flux[]
        Flux<PipelineStep> steps = db.pipelineStep().findMany(q -> q
                .where(w -> w.runId().eq("run-0"))
                .orderBy(o -> o.position().asc()));

        Mono<Long> processed = steps
                .limitRate(500)                                    // ask for 500 rows at a time
                .publishOn(Schedulers.boundedElastic())            // handle them off the driver's thread
                .doOnNext(step -> seen.incrementAndGet())          // your work on each row
                .count();
        // end::flux[]

        assertThat(processed.block(Duration.ofSeconds(60))).isEqualTo(STEPS);
        assertThat(seen).hasValue(STEPS);
    }

    @Test
    void rowsAreHandledInBatches() {
        List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();

        // tag::batches[]
        Flux<Integer> batches = db.pipelineStep().findMany(q -> q.where(w -> w.runId().eq("run-0")))
                .buffer(1_000)                                     // lists of up to 1,000 steps
                .concatMap(batch -> Mono.fromCallable(() -> batch.size())   // e.g. send each batch on,
                        .subscribeOn(Schedulers.boundedElastic()));          // one after the other
        // end::batches[]

        batches.doOnNext(sizes::add).blockLast(Duration.ofSeconds(60));
        assertThat(sizes).hasSize(STEPS / 1_000).containsOnly(1_000);
    }

    @Test
    void cancellingAStreamEndsItsQueryAndFreesItsConnection() {
        // tag::cancel[]
        Flux<PipelineStep> firstTen = db.pipelineStep().findMany(q -> q
                .where(w -> w.runId().eq("run-0"))
                .orderBy(o -> o.position().asc()))
                .take(10);                                          // cancels the query after ten rows
        // end::cancel[]

        assertThat(firstTen.collectList().block()).extracting(PipelineStep::position)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // the connection went back to the pool: a pool of 20 serves 50 such streams one after the other
        Flux.range(0, 50).concatMap(i -> firstTen.count()).blockLast(Duration.ofSeconds(60));
        // a cancelled stream gives its connection back as soon as the cursor is closed, a moment after the cancel
        Integer inUse = Mono.fromCallable(() -> db.core().poolUsage("db").orElseThrow().acquired())
                .filter(acquired -> acquired == 0)
                .repeatWhenEmpty(100, attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .defaultIfEmpty(-1)
                .block();
        assertThat(inUse).isZero();
    }

    @Test
    void aStreamWithIncludesLoadsRelationsChunkByChunk() {
        // tag::includes[]
        Flux<PipelineRun> runs = db.pipelineRun().findMany(q -> q
                .where(w -> w.name().eq("batch"))
                .include(i -> i.steps()));                          // one query per chunk of parents
        Mono<Long> stepsSeen = runs.map(run -> (long) run.steps().get().size()).reduce(0L, Long::sum);
        // end::includes[]

        assertThat(stepsSeen.block(Duration.ofSeconds(60))).isEqualTo(STEPS + RUNS);
    }
}
