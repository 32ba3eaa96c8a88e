package dev.refract.r2dbc.suite.relations.include;

import static dev.refract.r2dbc.suite.relations.include.Publishing.*;

import dev.refract.r2dbc.suite.CapturingProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.UserFindMany;
import dev.refract.client.ClientCore;
import dev.refract.query.Operation;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Row;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * A streamed {@code findMany} with includes over more users than one chunk of the loader: the same
 * rows as the collected read, one load per chunk, and a pool left idle by streams cancelled mid-way.
 */
@RelationalSuite
class IncludeStreamingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int USERS = 2_500;
    private static final int POOL_SIZE = 4;
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
        core = Publishing.core(server, provider, POOL_SIZE);
    }

    @AfterAll
    static void close() {
        core.closeAsync().block(WAIT);
    }

    private static Operation usersWithPostsAndManager() {
        return new Operation.FindMany(USER, new UserFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.views().desc()).take(2).select(s -> s.title().views()))
                        .manager(m -> m.select(s -> s.name())))
                .build());
    }

    @Test
    void aStreamGivesTheRowsOfTheCollectedReadLoadingEachChunkOnce() {
        List<Row> collected = core.execute(usersWithPostsAndManager()).block(WAIT).rows();
        provider.drainRendered();

        List<Row> streamed = core.stream(usersWithPostsAndManager()).collectList().block(WAIT);

        assertThat(streamed).hasSize(USERS).isEqualTo(collected);
        assertThat(provider.drainRendered()).as("the users, then posts and manager for each of three chunks").hasSize(1 + 3 * 2);
        assertThat(describe(USER, streamed.get(2))).isEqualTo("User{name=user 3,"
                + " posts=[Post{title=post 9, views=9}, Post{title=post 8, views=8}], manager=User{name=user 1}}");
    }

    @Test
    void streamsCancelledMidWayLeaveThePoolIdle() {
        // each stream holds one connection for its users and one for a chunk's loads: two at a time fit the pool
        StepVerifier.create(Flux.range(0, 20)
                        .flatMap(stream -> core.stream(usersWithPostsAndManager()).take(1_500).count(), 2))
                .thenConsumeWhile(count -> count == 1_500)
                .expectComplete()
                .verify(WAIT);

        PoolStatistics statistics = provider.awaitIdlePool(Duration.ofSeconds(5));
        assertThat(statistics.acquired()).as("connections still acquired: %s", statistics).isZero();
        assertThat(statistics.pending()).as("callers waiting: %s", statistics).isZero();
        StepVerifier.create(core.stream(usersWithPostsAndManager()).take(3).map(row -> row.get(2)))
                .expectNext("user 1", "user 2", "user 3")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
