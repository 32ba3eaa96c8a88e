package dev.refract.redis.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.cached.db.Account;
import com.example.cached.db.RefractClient;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cache that cannot be reached: reads and writes still succeed from PostgreSQL, with a warning and errors counted. */
@RefractTestDatabases
class CacheDownIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A loopback port nothing listens on: taken, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void readsSucceedFromPostgresWhenTheCacheIsDown(PostgresNamespace postgres) throws Exception {
        CachedDatabase.createTables(postgres);
        AtomicInteger lookUps = new AtomicInteger();
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        RefractClient db = CachedDatabase.open(postgres, "redis://127.0.0.1:" + closedPort() + "?prefix=down", lookUps);
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            Account ann = db.account().create(c -> c.email("ann@example.com").name("Ann")).block(WAIT);

            for (int i = 0; i < 3; i++) {
                assertThat(db.account().findUnique(q -> q.where(w -> w.id(ann.id()))).block(WAIT)).isEqualTo(ann);
            }
            Account renamed = db.account().update(w -> w.id(ann.id()), u -> u.name("Ann B.")).block(WAIT);
            assertThat(db.account().findUniqueOrThrow(q -> q.where(w -> w.email("ann@example.com"))).block(WAIT))
                    .isEqualTo(renamed);

            assertThat(lookUps).hasValue(4);
            assertThat(db.core().cacheStatistics().errors()).isEqualTo(5);
            assertThat(db.core().cacheStatistics().hits()).isZero();
        } finally {
            System.setErr(err);
            db.closeAsync().block(WAIT);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("WARN")
                .contains("The cache failed reading for model Account")
                .doesNotContain("password");
    }

    @Test
    void aClientWhoseCacheIsDownClosesCleanly(PostgresNamespace postgres) throws IOException, SQLException {
        CachedDatabase.createTables(postgres);
        RefractClient db = CachedDatabase.open(postgres, "redis://127.0.0.1:" + closedPort(), new AtomicInteger());

        assertThat(db.account().findUnique(q -> q.where(w -> w.id(1))).block(WAIT)).isNull();

        db.closeAsync().block(WAIT);
        assertThat(db.core().isClosed()).isTrue();
    }
}
