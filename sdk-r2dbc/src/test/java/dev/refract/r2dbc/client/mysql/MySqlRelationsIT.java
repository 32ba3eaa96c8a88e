package dev.refract.r2dbc.client.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.mysql.db.Comment;
import com.example.relations.mysql.db.Post;
import com.example.relations.mysql.db.PostCreate;
import com.example.relations.mysql.db.RefractClient;
import com.example.relations.mysql.db.RefractClientMetadata;
import com.example.relations.mysql.db.Tag;
import com.example.relations.mysql.db.TagCreate;
import com.example.relations.mysql.db.User;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Relations through the generated client on MySQL/MariaDB: nested creates across one-to-one,
 * one-to-many and many-to-many relations returned with what they wrote included, include with its
 * own where, order and take per parent, relation counts, {@code skipDuplicates} skipping duplicates
 * only, and a failing nested write leaving nothing.
 */
@RefractTestDatabases
class MySqlRelationsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RefractClient db;

    @BeforeAll
    static void open(MysqlNamespace mysql) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(mysql.r2dbcUrl())).block(WAIT);
        db = RefractClient.builder().datasource("db", mysql.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    @BeforeEach
    void seed() {
        db.comment().deleteMany().then(db.post().deleteMany()).then(db.tag().deleteMany())
                .then(db.profile().deleteMany()).then(db.user().deleteMany()).block(WAIT);
        db.user().create(c -> c.email("ada@x").name("Ada")).block(WAIT);
        db.user().create(c -> c.email("bob@x").name("Bob")).block(WAIT);
        db.tag().create(c -> c.name("java")).block(WAIT);
        db.tag().create(c -> c.name("sql")).block(WAIT);
    }

    private static int userId(String email) {
        return db.user().findUnique(q -> q.where(w -> w.email(email))).block(WAIT).id();
    }

    @Test
    void aUserIsCreatedWithItsProfilePostsCommentsAndTagsAndReturnedWithThemIncluded() {
        int bob = userId("bob@x");
        User cy = db.user().create(c -> c.email("cy@x").name("Cy")
                        .profile(p -> p.create(pc -> pc.bio("cy bio")))
                        .posts(p -> p.create(pc -> pc.title("cy-1")
                                        .comments(cm -> cm.create(cc -> cc.body("first").author(a -> a.connect(w -> w.id(bob)))))
                                        .tags(t -> t.create(tc -> tc.name("rust")).connect(w -> w.name("java"))))
                                .create(pc -> pc.title("cy-2").views(4))),
                i -> i.profile(p -> p.select(s -> s.bio()))
                        .posts(p -> p.orderBy(o -> o.title().asc())
                                .include(j -> j.comments(cm -> cm.include(k -> k.author(a -> a.select(s -> s.name()))))
                                        .tags(t -> t.orderBy(o -> o.name().asc()))))
                        .count(c -> c.posts().comments()))
                .block(WAIT);

        assertThat(cy.profile().get().bio()).isEqualTo("cy bio");
        List<Post> posts = cy.posts().get();
        assertThat(posts).extracting(Post::title).containsExactly("cy-1", "cy-2");
        assertThat(posts.get(0).comments().get()).singleElement()
                .satisfies(comment -> assertThat(comment.author().get().name()).isEqualTo("Bob"));
        assertThat(posts.get(0).tags().get()).extracting(Tag::name).containsExactly("java", "rust");
        assertThat(posts.get(1).tags().get()).isEmpty();
        assertThat(cy.relationCounts().posts()).isEqualTo(2L);
        assertThat(cy.relationCounts().comments()).isZero();
    }

    @Test
    void includeFiltersSortsAndTakesPerParent() {
        for (String email : List.of("ada@x", "bob@x")) {
            int author = userId(email);
            for (int views = 1; views <= 4; views++) {
                int v = views;
                db.post().create(c -> c.title(email + "-" + v).views(v).published(v != 4)
                        .author(a -> a.connect(w -> w.id(author)))).block(WAIT);
            }
        }

        List<User> users = db.user().findMany(q -> q.orderBy(o -> o.email().asc())
                        .include(i -> i.posts(p -> p.where(w -> w.published().eq(true)).orderBy(o -> o.views().desc())
                                .take(2)).count(c -> c.posts())))
                .collectList().block(WAIT);

        assertThat(users).extracting(User::name).containsExactly("Ada", "Bob");
        for (User user : users) {
            assertThat(user.posts().get()).extracting(Post::views).containsExactly(3, 2);
            assertThat(user.relationCounts().posts()).isEqualTo(4L);
        }
    }

    @Test
    void manyToManyLinksAreConnectedAndDisconnected() {
        int ada = userId("ada@x");
        Post post = db.post().create(c -> c.title("linked").author(a -> a.connect(w -> w.id(ada)))
                .tags(t -> t.connect(w -> w.name("java")).connect(w -> w.name("sql")))).block(WAIT);

        Post updated = db.post().update(w -> w.id(post.id()), d -> d.tags(t -> t.disconnect(w -> w.name("java"))),
                i -> i.tags()).block(WAIT);

        assertThat(updated.tags().get()).extracting(Tag::name).containsExactly("sql");
        assertThat(db.tag().findUnique(q -> q.where(w -> w.name("java")).include(i -> i.posts())).block(WAIT)
                .posts().get()).isEmpty();
    }

    @Test
    void skipDuplicatesSkipsOnlyDuplicatesAndStillRefusesAMissingRelatedRecord() {
        StepVerifier.create(db.tag().createMany(List.of(new TagCreate().name("java"), new TagCreate().name("go")), true))
                .expectNext(1L).verifyComplete();
        assertThat(db.tag().findMany(q -> q.orderBy(o -> o.name().asc())).map(Tag::name).collectList().block(WAIT))
                .containsExactly("go", "java", "sql");

        int ada = userId("ada@x");
        StepVerifier.create(db.post().createMany(List.of(new PostCreate().title("kept?").authorId(ada),
                        new PostCreate().title("orphan").authorId(999_999)), true))
                .expectError(ForeignKeyViolationException.class)
                .verify(WAIT);
        assertThat(db.post().count().block(WAIT)).as("the whole insert was undone").isZero();
    }

    @Test
    void anIncludeLooksUpMoreKeysThanAServerPreparedStatementTakes() {
        // 70,000 posts of one user, whose comments are looked up by one list of 70,000 keys: more than the
        // 65,535 parameters a server-side prepared statement may have
        int ada = userId("ada@x");
        String digits = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        db.executeRaw("db", "INSERT INTO `Post` (title, authorId, createdAt) SELECT CONCAT('post ', n), ?,"
                + " CURRENT_TIMESTAMP(3) FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d AS n FROM "
                + digits + " a, " + digits + " b, " + digits + " c, " + digits + " d, " + digits + " e) numbers"
                + " WHERE n < ?", ada, 70_000).block(WAIT);
        int last = db.post().findFirst(q -> q.where(w -> w.title().eq("post 69999"))).block(WAIT).id();
        db.comment().create(c -> c.body("on the last post").postId(last).authorId(ada)).block(WAIT);

        User found = db.user().findUnique(q -> q.where(w -> w.id(ada))
                .include(i -> i.posts(p -> p.include(j -> j.comments())))).block(WAIT);

        assertThat(found).isNotNull();
        List<Post> posts = found.posts().get();
        assertThat(posts).hasSize(70_000);
        assertThat(posts).filteredOn(post -> post.id() == last).singleElement()
                .satisfies(post -> assertThat(post.comments().get()).extracting(Comment::body)
                        .containsExactly("on the last post"));
        assertThat(posts).filteredOn(post -> post.id() != last).allSatisfy(post -> assertThat(post.comments().get())
                .isEmpty());
    }

    @Test
    void aNestedWriteThatFailsLeavesNothingBehind() {
        StepVerifier.create(db.user().create(c -> c.email("cy@x").name("Cy")
                        .posts(p -> p.create(pc -> pc.title("cy-1").tags(t -> t.connect(w -> w.name("missing")))))))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);

        assertThat(db.user().count().block(WAIT)).isEqualTo(2L);
        assertThat(db.post().count().block(WAIT)).isZero();
        assertThat(db.comment().findMany().collectList().block(WAIT)).extracting(Comment::body).isEmpty();
    }
}
