package dev.refract.r2dbc.suite.relations.include;

import static dev.refract.r2dbc.suite.relations.include.Publishing.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.UserFindMany;
import dev.refract.client.ClientCore;
import dev.refract.query.Operation;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.r2dbc.suite.CapturingProvider;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * How many connections of the pool a read with includes takes: one for a read whose rows are in
 * hand before their relations are read (a collected read, or a stream that fits one chunk of the
 * loader), and its connection back in the pool however the read ends.
 */
@RelationalSuite
class IncludeConnectionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int USERS = 1_200;
    private static final String AT = "TIMESTAMP '2026-01-01 00:00:00'";

    private static CapturingProvider provider;
    private static ClientCore core;

    /** Each user writes three posts; every third user reports to user 1. */
    @BeforeAll
    static void fill(SuiteDatabase server) {
        push(server);
        // user 1 first: the others report to it; FLOOR keeps the thirds whole where / divides exactly (MySQL)
        server.sql("INSERT INTO \"User\" (id, email, name, \"managerId\", \"createdAt\") SELECT g,"
                        + " 'u' || g || '@example.com', 'user ' || g, CASE WHEN g % 3 = 0 THEN 1 END, " + AT
                        + " FROM " + SuiteDatabase.series(USERS) + " ORDER BY g",
                "INSERT INTO \"Post\" (id, title, published, views, \"authorId\", \"createdAt\") SELECT g, 'post ' || g,"
                        + " g % 2 = 0, g % 11, FLOOR((g + 2) / 3), " + AT + " FROM " + SuiteDatabase.series(3 * USERS));
        provider = new CapturingProvider(server.dialect());
        core = Publishing.core(server, provider, 4);
    }

    @AfterAll
    static void close() {
        core.closeAsync().block(WAIT);
    }

    /** The users up to {@code last} with their posts and their manager: two include statements. */
    private static Operation usersUpTo(int last) {
        return new Operation.FindMany(USER, new UserFindMany().where(w -> w.id().lte(last)).orderBy(o -> o.id().asc())
                .include(i -> i.posts().manager()).build());
    }

    /** How many connections the pool hands out while {@code read} runs to its end. */
    private static long acquisitionsOf(Runnable read) {
        long before = provider.adapter().poolStatistics().acquisitions();
        read.run();
        return provider.awaitIdlePool(Duration.ofSeconds(5)).acquisitions() - before;
    }

    @Test
    void aCollectedReadRunsItsStatementAndItsIncludesOnOneConnection() {
        core.execute(usersUpTo(1)).block(WAIT); // the pool is started before counting
        List<Row> read = new ArrayList<>();

        long acquired = acquisitionsOf(() -> read.addAll(core.execute(usersUpTo(300)).block(WAIT).rows()));

        assertThat(acquired).as("users, posts and managers: three statements").isEqualTo(1);
        assertThat(read).hasSize(300);
        assertPostsAndManagerOfUser3(read.get(2));
    }

    @Test
    void aStreamThatFitsOneChunkReadsItsIncludesOnItsOwnConnection() {
        core.execute(usersUpTo(1)).block(WAIT);
        List<Row> streamed = new ArrayList<>();

        long acquired = acquisitionsOf(() -> streamed.addAll(core.stream(usersUpTo(1_000)).collectList().block(WAIT)));

        assertThat(acquired).as("1,000 users, exactly one chunk, with posts and managers").isEqualTo(1);
        assertThat(streamed).hasSize(1_000);
        assertPostsAndManagerOfUser3(streamed.get(2));
    }

    /** User 3 wrote posts 7, 8 and 9 and reports to user 1; the rows are no wider than their fields and counts. */
    private static void assertPostsAndManagerOfUser3(Row user) {
        assertThat(describe(USER, user)).contains("name=user 3", "title=post 7", "title=post 8", "title=post 9",
                "name=user 1").doesNotContain("post 10");
    }

    @Test
    void aLongerStreamLoadsItsChunksOnOtherConnectionsAndGivesEveryOneBack() {
        core.execute(usersUpTo(1)).block(WAIT);
        List<Long> counted = new ArrayList<>();

        long acquired = acquisitionsOf(() -> counted.add(core.stream(usersUpTo(USERS)).count().block(WAIT)));

        assertThat(counted).containsExactly((long) USERS);
        assertThat(acquired).as("one for the users, then one per include statement of each of two chunks")
                .isEqualTo(1 + 2 * 2);
    }

    @Test
    void streamsCancelledAtAnyPointGiveTheirConnectionsBack() {
        StepVerifier.create(Flux.range(0, 40)
                        .flatMap(stream -> core.stream(usersUpTo(stream % 2 == 0 ? 300 : USERS)).take(1 + stream * 29L)
                                .count(), 2))
                .thenConsumeWhile(count -> count > 0)
                .expectComplete()
                .verify(WAIT);

        PoolStatistics statistics = provider.awaitIdlePool(Duration.ofSeconds(5));
        assertThat(statistics.acquired()).as("connections still acquired: %s", statistics).isZero();
        assertThat(statistics.pending()).as("callers waiting: %s", statistics).isZero();
    }
}
