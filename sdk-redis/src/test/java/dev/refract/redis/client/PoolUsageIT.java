package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.keyvalue.db.RefractClient;
import com.example.keyvalue.db.Session;
import dev.refract.spi.PoolUsage;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * The shared connection reported as a pool of one: open and idle between operations, the operations
 * under way as acquired, and the operations waiting for it to be made as pending.
 */
@RefractTestDatabases
class PoolUsageIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static PoolUsage usage(RefractClient client) {
        return client.core().poolUsage("kv").orElseThrow();
    }

    /** Waits, a few milliseconds at a time, until the usage of {@code client} satisfies {@code expected}. */
    private static PoolUsage awaitUsage(RefractClient client, Predicate<PoolUsage> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        PoolUsage usage = usage(client);
        while (!expected.test(usage) && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
            usage = usage(client);
        }
        return usage;
    }

    @Test
    void anOpenConnectionIsIdleBetweenOperationsAndAcquiredByAStreamUnderWay(RedisNamespace redis) {
        try (RefractClient client = KeyValueDatabase.open(redis)) {
            assertThat(client.core().poolUsage("kv")).as("nothing started yet").isEmpty();
            for (int i = 0; i < 3; i++) {
                int n = i;
                client.session().create(c -> c.userId("u").token("t" + n)).block(WAIT);
            }
            assertThat(usage(client)).isEqualTo(new PoolUsage(0, 1, 0, 1));

            StepVerifier.create(client.session().findMany(), 1)
                    .expectNextCount(1)
                    .then(() -> assertThat(usage(client)).isEqualTo(new PoolUsage(1, 0, 0, 1)))
                    .thenRequest(Long.MAX_VALUE)
                    .expectNextCount(2)
                    .verifyComplete();

            assertThat(usage(client)).isEqualTo(new PoolUsage(0, 1, 0, 1));
            client.close();
            assertThat(client.core().poolUsage("kv")).isEmpty();
        }
    }

    @Test
    void operationsWaitingForTheConnectionToBeMadeArePending() throws Exception {
        assumeTrue(LocalServer.available(), "redis-server is not on the path: install Redis to run this test");
        try (LocalServer server = LocalServer.start();
                RefractClient client = RefractClient.builder().datasource("kv", server.url("prefix=pool")).build()) {
            server.pause();
            // the server accepts the connection but answers nothing, so the connection is not made yet
            Disposable first = client.session().findUnique(q -> q.where(w -> w.id("a"))).subscribe();
            Disposable second = client.session().findUnique(q -> q.where(w -> w.id("b"))).subscribe();

            PoolUsage waiting = awaitUsage(client, usage -> usage.pending() == 2);
            assertThat(waiting).isEqualTo(new PoolUsage(2, 0, 2, 1));

            server.resume();
            PoolUsage done = awaitUsage(client, usage -> usage.acquired() == 0);
            assertThat(done).isEqualTo(new PoolUsage(0, 1, 0, 1));
            assertThat(first.isDisposed()).isTrue();
            assertThat(second.isDisposed()).isTrue();
            Session none = client.session().findUnique(q -> q.where(w -> w.id("a"))).block(WAIT);
            assertThat(none).isNull();
        }
    }
}
