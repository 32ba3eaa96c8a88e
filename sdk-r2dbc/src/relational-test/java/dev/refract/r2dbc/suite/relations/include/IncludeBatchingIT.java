package dev.refract.r2dbc.suite.relations.include;

import static dev.refract.r2dbc.suite.relations.include.Publishing.*;

import dev.refract.r2dbc.suite.CapturingProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.UserFindMany;
import dev.refract.client.ClientCore;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Row;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A three-level include over a thousand users costs one statement for the users and one per level,
 * as it does over ten: the related records of every parent are read together.
 */
@RelationalSuite
class IncludeBatchingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int USERS = 1_000;
    private static final String AT = "TIMESTAMP '2026-01-01 00:00:00'";

    private static SuiteDatabase database;
    private static CapturingProvider provider;
    private static ClientCore core;

    /** Each user writes two posts; each post has two comments, and each comment one reply. */
    @BeforeAll
    static void fill(SuiteDatabase server) {
        database = server;
        push(server);
        // FLOOR keeps the halves whole where / divides exactly (MySQL)
        server.sql("INSERT INTO \"User\" (id, email, name, \"createdAt\") SELECT g, 'u' || g || '@example.com',"
                        + " 'user ' || g, " + AT + " FROM " + SuiteDatabase.series(USERS),
                "INSERT INTO \"Post\" (id, title, published, views, \"authorId\", \"createdAt\") SELECT g, 'post ' || g,"
                        + " true, g % 7, FLOOR((g + 1) / 2), " + AT + " FROM " + SuiteDatabase.series(2 * USERS),
                "INSERT INTO \"Comment\" (id, body, likes, \"postId\", \"authorId\", \"createdAt\") SELECT g,"
                        + " 'comment ' || g, g % 3, FLOOR((g + 1) / 2), 1, " + AT + " FROM " + SuiteDatabase.series(4 * USERS),
                "INSERT INTO \"Comment\" (id, body, likes, \"postId\", \"authorId\", \"parentId\", \"createdAt\") SELECT"
                        + " g + " + 4 * USERS + ", 'reply ' || g, 0, FLOOR((g + 1) / 2), 2, g, " + AT
                        + " FROM " + SuiteDatabase.series(4 * USERS));
        provider = new CapturingProvider(server.dialect());
        core = Publishing.core(server, provider, 4);
    }

    @AfterAll
    static void close() {
        core.closeAsync().block(WAIT);
    }

    /** Users with their posts, the posts' top-level comments, and the comments' replies. */
    private static Query threeLevels(int users) {
        return new UserFindMany().where(w -> w.id().lte(users)).orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.id().asc()).select(s -> s.title())
                        .include(j -> j.comments(c -> c.where(w -> w.parentId().isNull()).orderBy(o -> o.id().asc())
                                .select(s -> s.body())
                                .include(k -> k.replies(r -> r.select(s -> s.body())))))))
                .build();
    }

    @Test
    void aThreeLevelIncludeOverAThousandParentsIsOneStatementPerLevel() {
        provider.drainRendered();

        List<Row> users = core.execute(new Operation.FindMany(USER, threeLevels(USERS))).block(WAIT).rows();

        List<String> statements = provider.drainRendered();
        assertThat(statements).as("users, then posts, comments and replies").hasSize(1 + 3);
        assertThat(users).hasSize(USERS);
        assertThat(describe(USER, users.get(USERS - 1))).isEqualTo("User{name=user 1000, posts=["
                + "Post{title=post 1999, comments=[Comment{body=comment 3997, replies=[Comment{body=reply 3997}]},"
                + " Comment{body=comment 3998, replies=[Comment{body=reply 3998}]}]},"
                + " Post{title=post 2000, comments=[Comment{body=comment 3999, replies=[Comment{body=reply 3999}]},"
                + " Comment{body=comment 4000, replies=[Comment{body=reply 4000}]}]}]}");
        long replies = users.stream().flatMap(user -> user.getRows(4).stream())
                .flatMap(post -> post.getRows(8).stream())
                .mapToLong(comment -> comment.getRows(9).size())
                .sum();
        assertThat(replies).isEqualTo(4L * USERS);
    }

    @Test
    void relatedRecordsStoredOutOfIdOrderComeInIdOrderWithoutASortInTheStatement() {
        // an update writes new row versions at the end of the table: odd posts now come after even ones
        database.sql("UPDATE \"Post\" SET views = views WHERE id % 2 = 1 AND \"authorId\" <= 10");
        provider.drainRendered();

        List<Row> users = core.execute(new Operation.FindMany(USER, new UserFindMany().where(w -> w.id().lte(10))
                .orderBy(o -> o.id().asc()).select(s -> s.name()).include(i -> i.posts(p -> p.select(s -> s.id().title())))
                .build())).block(WAIT).rows();

        assertThat(provider.drainRendered().get(1)).as("the posts' statement").doesNotContain("ORDER BY");
        assertThat(users).hasSize(10);
        for (int user = 1; user <= 10; user++) {
            assertThat(describe(USER, users.get(user - 1))).isEqualTo("User{name=user " + user + ", posts=[Post{id="
                    + (2 * user - 1) + ", title=post " + (2 * user - 1) + "}, Post{id=" + 2 * user + ", title=post "
                    + 2 * user + "}]}");
        }
    }

    @Test
    void theNumberOfStatementsDoesNotGrowWithTheParents() {
        provider.drainRendered();

        List<Row> users = core.execute(new Operation.FindMany(USER, threeLevels(10))).block(WAIT).rows();

        assertThat(users).hasSize(10);
        assertThat(provider.drainRendered()).hasSize(1 + 3);
    }
}
