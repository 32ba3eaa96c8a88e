package dev.refract.r2dbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.PipelineStepCreate;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import dev.refract.error.AdapterUnavailableException;
import dev.refract.error.ClientClosedException;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.r2dbc.suite.CapturingProvider;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Streaming through the seed client on a pool of two connections: a {@code findMany} over 10,000
 * steps delivers rows as they are asked for, and cancelling it hands its connection back at once.
 * Also: a closed client refuses every call with a clear error.
 */
@RefractTestDatabases
class SeedClientStreamingIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int ROWS = 10_000;

    private static final CapturingProvider PROVIDER = new CapturingProvider();
    private static RefractClient db;

    @BeforeAll
    static void fillTenThousandSteps(PostgresNamespace postgres) {
        ClientFixture.push(RefractClientMetadata.SCHEMA, 0, postgres);
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).poolSize("db", 2)
                .adapterProvider(PROVIDER).build();
        db.pipelineRun().create(c -> c.id("r1").name("bulk")).block(WAIT);
        Long created = Flux.range(0, ROWS / 2_000)
                .concatMap(batch -> db.pipelineStep().createMany(IntStream.range(batch * 2_000, (batch + 1) * 2_000)
                        .mapToObj(i -> new PipelineStepCreate().runId("r1").position(i).name("step " + i)).toList()))
                .reduce(0L, Long::sum)
                .block(Duration.ofSeconds(30));
        assertThat(created).isEqualTo(ROWS);
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    private static void awaitIdlePool() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (PROVIDER.adapter().poolStatistics().acquired() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        PoolStatistics statistics = PROVIDER.adapter().poolStatistics();
        assertThat(statistics.acquired()).as("connections still held: %s", statistics).isZero();
        assertThat(statistics.pending()).as("callers waiting: %s", statistics).isZero();
    }

    @Test
    void takingFiveOfTenThousandRowsCancelsTheStreamAndReleasesItsConnection() throws InterruptedException {
        StepVerifier.create(db.pipelineStep().count()).expectNext((long) ROWS).verifyComplete();
        // More cancelled streams than the pool has connections: a leaked connection would starve the later ones.
        for (int round = 0; round < 10; round++) {
            AtomicInteger delivered = new AtomicInteger();
            StepVerifier.create(db.pipelineStep().findMany(q -> q.orderBy(o -> o.position().asc()))
                            .doOnNext(step -> delivered.incrementAndGet())
                            .take(5)
                            .map(PipelineStep::position))
                    .expectNext(0, 1, 2, 3, 4)
                    .expectComplete()
                    .verify(WAIT);
            assertThat(delivered).hasValueLessThan(ROWS);
            awaitIdlePool();
        }
        StepVerifier.create(db.pipelineRun().findMany().map(PipelineRun::id))
                .expectNext("r1")
                .expectComplete()
                .verify(Duration.ofSeconds(1));
    }

    @Test
    void aStreamDeliversEveryRowAsTheSubscriberAsksForThem() throws InterruptedException {
        StepVerifier.create(db.pipelineStep().findMany(q -> q.select(s -> s.position())).map(PipelineStep::position), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(10)
                .expectNextCount(10)
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(ROWS - 10)
                .expectComplete()
                .verify(Duration.ofSeconds(20));
        awaitIdlePool();
    }

    @Test
    void aClosedClientAnswersEveryCallWithAClearError(PostgresNamespace postgres) {
        RefractClient closing = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
        StepVerifier.create(closing.pipelineRun().count()).expectNext(1L).verifyComplete();
        closing.closeAsync().block(WAIT);
        List.of(closing.pipelineRun().count(), closing.pipelineRun().findUnique(q -> q.where(w -> w.id("r1"))),
                        closing.pipelineStep().create(c -> c.runId("r1").position(-1).name("late")))
                .forEach(call -> StepVerifier.create(call)
                        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ClientClosedException.class)
                                .hasMessageContaining("The client is closed")
                                .hasMessageContaining("build a new client"))
                        .verify(WAIT));
        StepVerifier.create(closing.pipelineStep().findMany())
                .expectError(ClientClosedException.class)
                .verify(WAIT);
        StepVerifier.create(db.pipelineStep().count(q -> q.where(w -> w.position().eq(-1)))).expectNext(0L)
                .verifyComplete();
    }

    @Test
    void postgresCallsNeverTouchTheMongodbAndRedisDatasources(PostgresNamespace postgres) {
        Queue<String> asked = new ConcurrentLinkedQueue<>();
        RefractClient postgresOnly = RefractClient.builder().datasource("db", postgres.r2dbcUrl())
                .environment(name -> {
                    asked.add(name);
                    return null;
                })
                .build();
        try {
            StepVerifier.create(postgresOnly.pipelineRun().count()).expectNext(1L).verifyComplete();
            StepVerifier.create(postgresOnly.pipelineStep().count()).expectNext((long) ROWS).verifyComplete();
            assertThat(asked).isEmpty();
            StepVerifier.create(postgresOnly.contentItem().count())
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AdapterUnavailableException.class)
                            .hasMessageContaining("docs"))
                    .verify(WAIT);
        } finally {
            postgresOnly.closeAsync().block(WAIT);
        }
    }
}
