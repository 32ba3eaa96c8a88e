package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineRunField;
import com.example.pipeline.db.PipelineRunGroup;
import com.example.pipeline.db.Status;
import com.example.relations.db.Comment;
import com.example.relations.db.Post;
import com.example.relations.db.RefractClient;
import com.example.relations.db.RefractClientMetadata;
import com.example.relations.db.User;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The samples of the page "Relations", on the relations schema and the pipeline schema. */
@RefractTestDatabases
class RelationsIT {

    private static RefractClient db;
    private static com.example.pipeline.db.RefractClient pipeline;

    @BeforeAll
    static void open(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofMinutes(1));
        PipelineDatabases.createTables(postgres);
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
        pipeline = PipelineDatabases.open(postgres, mongo, redis);
        // Ada writes, Bob comments, Cy edits
        db.user().create(c -> c.email("bob@example.com").name("Bob")).block();
        db.user().create(c -> c.email("cy@example.org").name("Cy")).block();
        db.user().create(c -> c.email("dee@example.org").name("Dee")
                .posts(p -> p.create(pc -> pc.id(42).title("Draft"))
                        .create(pc -> pc.id(7).title("Published").published(true)
                                .editor(e -> e.connect(w -> w.email("cy@example.org")))
                                .comments(cm -> cm.create(cc -> cc.body("Nice").likes(12)
                                        .author(a -> a.connect(w -> w.email("cy@example.org")))))))).block();
    }

    @AfterAll
    static void close() {
        db.close();
        pipeline.close();
    }

    @Test
    void includeLoadsTheRelationsOfAllParentsAtOnce() {
        com.example.pipeline.db.RefractClient db = pipeline;
        PipelineRun run = db.pipelineRun().create(c -> c.name("video").status(Status.FAILED)
                .steps(s -> s.create(st -> st.position(2).name("voice-over")).create(st -> st.position(1).name("script"))))
                .block();

        // tag::includePipeline[]
        Flux<PipelineRun> failed = db.pipelineRun().findMany(q -> q
                .where(w -> w.status().eq(Status.FAILED)
                        .startedAt().gte(Instant.now().minus(Duration.ofDays(1))))
                .include(i -> i.steps(s -> s.orderBy(o -> o.createdAt().asc()))));
        // end::includePipeline[]

        assertThat(failed.collectList().block()).singleElement()
                .satisfies(r -> assertThat(r.steps().get()).hasSize(2));
        db.pipelineRun().delete(w -> w.id(run.id())).block();
    }

    @Test
    void includesNestWithTheirOwnQueries() {
        // tag::includeNested[]
        Flux<User> authors = db.user().findMany(q -> q
                .include(i -> i
                        .profile()
                        .posts(p -> p
                                .where(w -> w.published().eq(true))
                                .orderBy(o -> o.createdAt().desc())
                                .take(3)                                    // three per user
                                .include(pi -> pi.tags().comments(c -> c.include(ci -> ci.replies()))))));
        // end::includeNested[]

        User dee = authors.filter(u -> u.name().equals("Dee")).blockFirst();
        assertThat(dee.profile().get()).isNull();
        assertThat(dee.posts().get()).singleElement().satisfies(post -> {
            assertThat(post.id()).isEqualTo(7);
            assertThat(post.comments().get()).singleElement()
                    .satisfies(comment -> assertThat(comment.replies().get()).isEmpty());
        });
    }

    @Test
    void includeCountsRelatedRecords() {
        // tag::relationCounts[]
        Flux<User> users = db.user().findMany(q -> q
                .include(i -> i.count(c -> c.posts().comments(w -> w.likes().gt(10)))));
        users.map(u -> u.relationCounts().posts());      // Long; null for a relation not counted
        // end::relationCounts[]

        User dee = users.filter(u -> u.name().equals("Dee")).blockFirst();
        assertThat(dee.relationCounts().posts()).isEqualTo(2);
        assertThat(dee.relationCounts().comments()).isZero();
        assertThat(users.map(u -> u.relationCounts().posts()).collectList().block()).contains(0L, 2L);
    }

    @Test
    void relationFiltersNest() {
        db.user().update(w -> w.email("dee@example.org"), d -> d.profile(p -> p.create(pc -> pc.bio("Writes")))).block();

        Flux<User> found =
                // tag::relationFilters[]
                db.user().findMany(q -> q.where(w -> w
                        .posts().some(p -> p
                                .published().eq(true)
                                .comments().some(c -> c.author().isNot(a -> a.email().endsWith("@example.com"))))
                        .profile().isNotNull()));
                // end::relationFilters[]

        assertThat(found.collectList().block()).extracting(User::name).containsExactly("Dee");
        db.user().update(w -> w.email("dee@example.org"), d -> d.profile(p -> p.delete())).block();
    }

    @Test
    void recordsSortByTheirRelations() {
        // tag::relationOrder[]
        Flux<Post> posts = db.post().findMany(q -> q.orderBy(o -> o.author(a -> a.name().asc()).id().asc()));
        Flux<User> users = db.user().findMany(q -> q.orderBy(o -> o.posts().count().desc()));
        Flux<Comment> comments = db.comment().findMany(q -> q.orderBy(o -> o.post(p -> p.author(a -> a.name().asc()))));
        // end::relationOrder[]

        assertThat(posts.collectList().block()).extracting(Post::id).startsWith(7, 42);
        assertThat(users.blockFirst().name()).isEqualTo("Dee");
        assertThat(comments.collectList().block()).extracting(Comment::body).contains("Nice");
    }

    @Test
    void nestedWritesCreateConnectAndChangeRelatedRecords() {
        // tag::nestedWrites[]
        Mono<User> ada = db.user().create(c -> c
                .email("ada@example.com").name("Ada")
                .profile(p -> p.create(pc -> pc.bio("Mathematician")))
                .posts(p -> p
                        .create(pc -> pc.title("Notes on the Engine")
                                .tags(t -> t.connectOrCreate(w -> w.name("maths"), tc -> tc.name("maths")))
                                .comments(cm -> cm.create(cc -> cc.body("First!").author(a -> a.connect(w -> w.email("bob@example.com"))))))
                        .connect(w -> w.id(42))));

        Mono<Post> post = db.post().update(w -> w.id(7), d -> d
                .title("Edited")
                .editor(e -> e.disconnect())
                .tags(t -> t.set(List.of(w -> w.name("java"), w -> w.name("reactive"))))
                .comments(c -> c.deleteMany(w -> w.likes().eq(0))));
        // end::nestedWrites[]

        db.tag().create(c -> c.name("java")).block();
        db.tag().create(c -> c.name("reactive")).block();
        User created = ada.block();
        assertThat(db.post().count(q -> q.where(w -> w.authorId().eq(created.id()))).block()).isEqualTo(2);
        Post edited = post.block();
        assertThat(edited.title()).isEqualTo("Edited");
        assertThat(edited.editorId()).isNull();
        assertThat(db.tag().count(q -> q.where(w -> w.posts().some(p -> p.id().eq(7)))).block()).isEqualTo(2);
        // move post 42 back to its author, so that the other samples see the same data
        db.post().update(w -> w.id(42), d -> d.author(a -> a.connect(w -> w.email("dee@example.org")))).block();
        db.post().deleteMany(w -> w.authorId().eq(created.id())).block();
        db.user().delete(w -> w.id(created.id())).block();
    }

    @Test
    void groupBySumsPerKey() {
        com.example.pipeline.db.RefractClient db = pipeline;
        db.pipelineRun().create(c -> c.name("video").status(Status.COMPLETED).cost(2.5)).block();
        db.pipelineRun().create(c -> c.name("video").status(Status.COMPLETED).cost(1.5)).block();

        // tag::groupBy[]
        Flux<PipelineRunGroup> costs = db.pipelineRun().groupBy(g -> g
                .by(PipelineRunField.NAME).sum(PipelineRunField.COST).count()
                .where(w -> w.status().eq(Status.COMPLETED)));
        // end::groupBy[]

        assertThat(costs.collectList().block()).singleElement().satisfies(group -> {
            assertThat(group.name()).isEqualTo("video");
            assertThat(group.sum().cost()).isEqualTo(4.0);
            assertThat(group.count()).isEqualTo(2);
        });
        db.pipelineRun().deleteMany(w -> w.name().eq("video")).block();
    }
}
