package dev.refract.r2dbc.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.RefractClient;
import dev.refract.r2dbc.AdapterOptions;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A thousand {@code findMany} streams of the generated client, each cancelled after ten of its
 * twenty thousand rows, leave the datasource's pool idle and ready for the next query.
 */
@RefractTestDatabases
class CancelledStreamsIT {

    private static final String RUN_ID = "run-cancelled";
    private static final int STEPS = 20_000;
    private static final int STREAMS = 1_000;
    // Fewer connections than concurrent streams: one connection kept by a cancelled stream would
    // soon leave the others waiting forever.
    private static final int POOL_SIZE = 4;
    private static final int CONCURRENT_STREAMS = 8;

    private final PostgresNamespace postgres;
    private TrackingPostgresProvider provider;
    private RefractClient client;

    CancelledStreamsIT(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    @BeforeAll
    static void fillOneRun(PostgresNamespace postgres) throws SQLException {
        PipelineSteps.pushSchema(postgres);
        PipelineSteps.insertRun(postgres, RUN_ID, STEPS);
    }

    @BeforeEach
    void buildClient() {
        provider = new TrackingPostgresProvider(AdapterOptions.defaults());
        client = RefractClient.builder()
                .datasource("db", postgres.r2dbcUrl())
                .poolSize("db", POOL_SIZE)
                .adapterProvider(provider)
                .build();
    }

    @AfterEach
    void closeClient() {
        client.closeAsync().block(Duration.ofSeconds(30));
    }

    private Flux<PipelineStep> allStepsInOrder() {
        return client.pipelineStep()
                .findMany(q -> q.where(w -> w.runId().eq(RUN_ID)).orderBy(o -> o.position().asc()));
    }

    @Test
    void aThousandStreamsCancelledMidWayLeaveThePoolIdleAndTheNextQueryIsServedAtOnce() {
        List<Integer> firstTen = IntStream.rangeClosed(1, 10).boxed().toList();

        Duration cancels = StepVerifier.create(Flux.range(0, STREAMS)
                        .flatMap(stream -> allStepsInOrder().take(10).map(PipelineStep::position).collectList(),
                                CONCURRENT_STREAMS))
                .thenConsumeWhile(firstTen::equals)
                .expectComplete()
                .verify(Duration.ofMinutes(2));

        PoolStatistics afterCancels = awaitNoAcquiredConnection(Duration.ofSeconds(5));
        assertThat(afterCancels.acquired()).as("connections still acquired: %s", afterCancels).isZero();
        assertThat(afterCancels.pending()).as("callers waiting: %s", afterCancels).isZero();
        assertThat(afterCancels.idle()).as("idle connections: %s", afterCancels).isEqualTo(afterCancels.allocated());
        assertThat(afterCancels.allocated()).isBetween(1, POOL_SIZE);

        // Served at once: an idle connection is at hand, so no wait for one to come back.
        Duration nextStream = StepVerifier.create(allStepsInOrder().take(10).map(PipelineStep::position))
                .expectNextSequence(firstTen)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        Duration nextCount = StepVerifier.create(client.pipelineStep().count())
                .expectNext((long) STEPS)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        System.out.printf("%d streams cancelled after ten rows in %d ms; then %s; next stream %d ms, next count %d ms%n",
                STREAMS, cancels.toMillis(), afterCancels, nextStream.toMillis(), nextCount.toMillis());
        assertThat(nextStream).as("time to the next stream's first ten steps").isLessThan(Duration.ofSeconds(1));
        assertThat(nextCount).as("time to the next count").isLessThan(Duration.ofSeconds(1));
        assertThat(provider.adapter().poolStatistics().acquired()).isZero();
    }

    /**
     * Waits for the pool to report no acquired connection: a cancelled stream's downstream ends
     * before its connection is back, since giving it back is itself asynchronous.
     */
    private PoolStatistics awaitNoAcquiredConnection(Duration patience) {
        return Mono.fromSupplier(() -> provider.adapter().poolStatistics())
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .filter(statistics -> statistics.acquired() == 0 && statistics.pending() == 0)
                .repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .timeout(patience, Mono.fromSupplier(() -> provider.adapter().poolStatistics()))
                .block();
    }
}
