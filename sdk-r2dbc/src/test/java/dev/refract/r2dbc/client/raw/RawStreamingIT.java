package dev.refract.r2dbc.client.raw;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.raw.db.RefractClient;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.r2dbc.suite.CapturingProvider;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * A raw read of a million rows on a pool of two connections streams as the subscriber asks, and
 * cancelling it gives its connection back: more cancelled reads than connections still leave the
 * pool idle.
 */
@RefractTestDatabases
class RawStreamingIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MILLION = 1_000_000;

    private static final CapturingProvider PROVIDER = new CapturingProvider();
    private static RefractClient db;

    @BeforeAll
    static void open(PostgresNamespace postgres) {
        db = RawDatabase.open(postgres, PROVIDER, 2);
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    private static void assertIdlePool() {
        PoolStatistics statistics = PROVIDER.awaitIdlePool(Duration.ofSeconds(2));
        assertThat(statistics.acquired()).as("connections still held: %s", statistics).isZero();
        assertThat(statistics.pending()).as("callers waiting: %s", statistics).isZero();
    }

    @Test
    void takingFiveOfAMillionRowsCancelsTheReadAndReleasesItsConnection() {
        for (int round = 0; round < 6; round++) {
            AtomicInteger delivered = new AtomicInteger();
            StepVerifier.create(db.queryRaw("db", RawDatabase.numbersUpTo(), MILLION)
                            .doOnNext(row -> delivered.incrementAndGet())
                            .take(5)
                            .map(row -> row.get("n")))
                    .expectNext(1, 2, 3, 4, 5)
                    .expectComplete()
                    .verify(WAIT);
            assertThat(delivered).hasValue(5);
            assertIdlePool();
        }
    }

    @Test
    void rowsArriveOnlyAsTheSubscriberAsksForThem() {
        StepVerifier.create(db.queryRaw("db", RawDatabase.numbersUpTo(), MILLION), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .thenRequest(10)
                .expectNextCount(10)
                .expectNoEvent(Duration.ofMillis(100))
                .thenRequest(1_000)
                .expectNextCount(1_000)
                .thenCancel()
                .verify(WAIT);
        assertIdlePool();
    }

    @Test
    void aMillionRowsStreamToTheEnd() {
        StepVerifier.create(db.queryRaw("db", RawDatabase.numbersUpTo(), MILLION).count())
                .expectNext((long) MILLION)
                .verifyComplete();
        assertIdlePool();
    }
}
