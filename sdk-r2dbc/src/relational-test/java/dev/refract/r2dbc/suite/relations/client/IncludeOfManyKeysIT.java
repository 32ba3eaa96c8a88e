package dev.refract.r2dbc.suite.relations.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.Comment;
import com.example.relations.db.Post;
import com.example.relations.db.RefractClient;
import com.example.relations.db.RefractClientMetadata;
import com.example.relations.db.User;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An include whose parents are more than a statement may bind: the comments of one user's 70,000
 * posts are looked up by 70,000 keys, more than the 65,535 parameters a prepared statement of
 * either server takes.
 */
@RelationalSuite
class IncludeOfManyKeysIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int POSTS = 70_000;

    private static RefractClient db;

    @BeforeAll
    static void open(SuiteDatabase server) {
        server.push(RefractClientMetadata.SCHEMA);
        server.sql("INSERT INTO \"User\" (id, email, name, \"createdAt\") VALUES (1, 'ada@x', 'Ada', CURRENT_TIMESTAMP)",
                "INSERT INTO \"Post\" (id, title, \"authorId\", \"createdAt\") SELECT g, 'post ' || g, 1,"
                        + " CURRENT_TIMESTAMP FROM " + SuiteDatabase.series(POSTS),
                "INSERT INTO \"Comment\" (body, likes, \"postId\", \"authorId\", \"createdAt\") VALUES"
                        + " ('on the last post', 0, " + POSTS + ", 1, CURRENT_TIMESTAMP)");
        db = RefractClient.builder().datasource("db", server.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.closeAsync().block(WAIT);
        }
    }

    @Test
    void theCommentsOfSeventyThousandPostsAreLoadedWithTheirPosts() {
        User found = db.user().findUnique(q -> q.where(w -> w.id(1))
                .include(i -> i.posts(p -> p.include(j -> j.comments())))).block(WAIT);

        assertThat(found).isNotNull();
        List<Post> posts = found.posts().get();
        assertThat(posts).hasSize(POSTS);
        assertThat(posts).filteredOn(post -> post.id() == POSTS).singleElement()
                .satisfies(post -> assertThat(post.comments().get()).extracting(Comment::body)
                        .containsExactly("on the last post"));
        assertThat(posts).filteredOn(post -> post.id() != POSTS)
                .allSatisfy(post -> assertThat(post.comments().get()).isEmpty());
    }
}
