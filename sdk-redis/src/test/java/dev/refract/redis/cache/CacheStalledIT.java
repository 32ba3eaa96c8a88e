package dev.refract.redis.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.cached.db.Account;
import com.example.cached.db.RefractClient;
import dev.refract.redis.client.LocalServer;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A cache server that stalls ({@code SIGSTOP}: its port accepts connections, nothing answers): cached
 * reads still answer from PostgreSQL, each within the cache's read timeout and the primary's read,
 * with one warning and an error counted per read; once the server answers again, the cache is used.
 */
@RefractTestDatabases
class CacheStalledIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * The default read timeout (250 ms) and a read of PostgreSQL, with room for a busy machine: far
     * below the 10 s command timeout a stalled cache would cost each read without its own bound.
     */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /**
     * Reads {@code ann} until the cache answers with it: the first reads load it and cache it, and on
     * a busy machine one may outlast the read timeout.
     */
    private static void awaitAHit(RefractClient db, Account ann) {
        long before = db.core().cacheStatistics().hits();
        for (int attempt = 0; attempt < 20 && db.core().cacheStatistics().hits() == before; attempt++) {
            assertThat(db.account().findUnique(q -> q.where(w -> w.id(ann.id()))).block(WAIT)).isEqualTo(ann);
        }
        assertThat(db.core().cacheStatistics().hits()).as("a read answered by the cache").isGreaterThan(before);
    }

    @Test
    void cachedReadsGoToPostgresInBoundedTimeWhileTheCacheIsStalledAndUseItAgainOnceItAnswers(
            PostgresNamespace postgres) throws Exception {
        assumeTrue(LocalServer.available(), "redis-server is not on the path: install Redis to run this test");
        CachedDatabase.createTables(postgres);
        AtomicInteger lookUps = new AtomicInteger();
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (LocalServer server = LocalServer.start()) {
            RefractClient db = CachedDatabase.open(postgres, server.url("prefix=stalled"), lookUps);
            try {
                Account ann = db.account().create(c -> c.email("ann@example.com").name("Ann")).block(WAIT);
                awaitAHit(db, ann);
                int loaded = lookUps.get();
                long errors = db.core().cacheStatistics().errors();
                long hits = db.core().cacheStatistics().hits();

                System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
                server.pause();
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    Account read = db.account().findUnique(q -> q.where(w -> w.id(ann.id()))).block(WAIT);
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    assertThat(read).isEqualTo(ann);
                    assertThat(took).as("read %d while the cache is stalled", i).isLessThan(BOUND);
                }
                assertThat(lookUps).hasValue(loaded + 3);
                assertThat(db.core().cacheStatistics().errors()).isEqualTo(errors + 3);
                assertThat(db.core().cacheStatistics().hits()).isEqualTo(hits);

                server.resume();
                awaitAHit(db, ann);
                assertThat(db.core().cacheStatistics().hits()).as("answered by the cache again").isGreaterThan(hits);
            } finally {
                System.setErr(err);
                db.closeAsync().block(WAIT);
            }
        }
        String log = logged.toString(StandardCharsets.UTF_8);
        assertThat(occurrences(log, "The cache failed reading for model Account")).as(log).isEqualTo(1);
        assertThat(log).contains("did not answer a read within 250 ms").contains("The cache answers again");
    }
}
