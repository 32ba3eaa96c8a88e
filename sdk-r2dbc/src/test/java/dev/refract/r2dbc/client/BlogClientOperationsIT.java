package dev.refract.r2dbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.blog.db.Post;
import com.example.blog.db.PostField;
import com.example.blog.db.PostGroup;
import com.example.blog.db.PostStatus;
import com.example.blog.db.RefractClient;
import com.example.blog.db.RefractClientMetadata;
import com.example.blog.db.Role;
import com.example.blog.db.TagCreate;
import com.example.blog.db.User;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Every delegate operation of the blog corpus schema's generated client against real PostgreSQL:
 * autoincrement keys, unique strings, optional relations and native enums.
 */
@RefractTestDatabases
class BlogClientOperationsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RefractClient db;

    @BeforeAll
    static void pushAndConnect(PostgresNamespace postgres) {
        ClientFixture.push(RefractClientMetadata.SCHEMA, 0, postgres);
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    @BeforeEach
    void emptyTables() {
        db.comment().deleteMany().block(WAIT);
        db.post().deleteMany().block(WAIT);
        db.profile().deleteMany().block(WAIT);
        db.user().deleteMany().block(WAIT);
        db.tag().deleteMany().block(WAIT);
    }

    private static User user(String email) {
        return db.user().create(c -> c.email(email)).block(WAIT);
    }

    private static Post post(String slug, int authorId, int viewCount, Instant publishedAt) {
        return db.post().create(c -> c.slug(slug).title("Title " + slug).body("Body").authorId(authorId)
                .viewCount(viewCount).publishedAt(publishedAt)).block(WAIT);
    }

    private static List<String> slugs(List<Post> posts) {
        return posts.stream().map(Post::slug).toList();
    }

    @Test
    void createFillsDefaultsAndReturnsTheRecordAsStored() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        User ada = user("ada@example.com");
        User bob = user("bob@example.com");
        assertThat(bob.id()).isGreaterThan(ada.id());
        assertThat(ada.role()).isEqualTo(Role.READER);
        assertThat(ada.name()).isNull();
        assertThat(ada.createdAt()).isBetween(before, Instant.now().plusMillis(1));
        StepVerifier.create(db.user().findUnique(q -> q.where(w -> w.email("ada@example.com")))).expectNext(ada)
                .verifyComplete();

        Post created = db.post().create(c -> c.slug("hello").title("Hello").body("First").authorId(ada.id())).block(WAIT);
        assertThat(created.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(created.viewCount()).isZero();
        assertThat(created.publishedAt()).isNull();
        assertThat(created.editorId()).isNull();
        assertThat(created.updatedAt()).isBetween(before, Instant.now().plusMillis(1));
        StepVerifier.create(db.post().findUnique(q -> q.where(w -> w.slug("hello")))).expectNext(created).verifyComplete();
        StepVerifier.create(db.post().findUnique(q -> q.where(w -> w.id(created.id())))).expectNext(created)
                .verifyComplete();
    }

    @Test
    void findUniqueAndFindFirstWithTheirOrThrowVariants() {
        User ada = user("ada@example.com");
        post("a", ada.id(), 3, null);
        post("b", ada.id(), 9, null);
        StepVerifier.create(db.user().findUnique(q -> q.where(w -> w.email("nobody@example.com")))).verifyComplete();
        StepVerifier.create(db.user().findUniqueOrThrow(q -> q.where(w -> w.email("nobody@example.com"))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordNotFoundException.class)
                        .hasMessageContaining("User"))
                .verify(WAIT);
        StepVerifier.create(db.post().findFirst(q -> q.orderBy(o -> o.viewCount().desc())).map(Post::slug)).expectNext("b")
                .verifyComplete();
        StepVerifier.create(db.post().findFirstOrThrow(q -> q.where(w -> w.viewCount().gt(100))))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
        StepVerifier.create(db.post().findFirstOrThrow(q -> q.where(w -> w.viewCount().lt(5))).map(Post::slug))
                .expectNext("a")
                .verifyComplete();
    }

    @Test
    void findManySortsByNullableDatesAndPagesByCursor() {
        User ada = user("ada@example.com");
        Instant day = Instant.parse("2024-03-01T10:00:00Z");
        post("p1", ada.id(), 5, day);
        post("p2", ada.id(), 5, null);
        post("p3", ada.id(), 1, day.plusSeconds(3600));
        post("p4", ada.id(), 7, null);
        StepVerifier.create(db.post().findMany(q -> q.orderBy(o -> o.publishedAt().nullsFirst().desc())
                        .orderBy(o -> o.slug().asc())).collectList().map(BlogClientOperationsIT::slugs))
                .assertNext(found -> assertThat(found).containsExactly("p2", "p4", "p3", "p1"))
                .verifyComplete();
        StepVerifier.create(db.post().findMany(q -> q.orderBy(o -> o.publishedAt().nullsLast().asc())
                        .orderBy(o -> o.viewCount().desc())).collectList().map(BlogClientOperationsIT::slugs))
                .assertNext(found -> assertThat(found).containsExactly("p1", "p3", "p4", "p2"))
                .verifyComplete();
        StepVerifier.create(db.post().findMany(q -> q.orderBy(o -> o.slug().asc()).cursor(c -> c.slug("p2")).skip(1).take(5))
                        .collectList().map(BlogClientOperationsIT::slugs))
                .assertNext(found -> assertThat(found).containsExactly("p3", "p4"))
                .verifyComplete();
        StepVerifier.create(db.post().findMany(q -> q.where(w -> w.publishedAt().isNull().viewCount().gte(6)))
                        .collectList().map(BlogClientOperationsIT::slugs))
                .assertNext(found -> assertThat(found).containsExactly("p4"))
                .verifyComplete();
        StepVerifier.create(db.post().findMany(q -> q.distinct(PostField.VIEW_COUNT).orderBy(o -> o.viewCount().asc())
                        .select(s -> s.viewCount())).map(Post::viewCount).collectList())
                .assertNext(counts -> assertThat(counts).containsExactly(1, 5, 7))
                .verifyComplete();
        StepVerifier.create(db.post().findMany(q -> q.where(w -> w.slug().eq("p1")).omit(o -> o.body().title())))
                .assertNext(p -> {
                    assertThat(p.slug()).isEqualTo("p1");
                    assertThat(p.publishedAt()).isEqualTo(day);
                    assertThat(p.body()).isNull();
                    assertThat(p.title()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void createManySkipsDuplicateUniqueNamesWhenAsked() {
        StepVerifier.create(db.tag().createMany(List.of(new TagCreate().name("java"), new TagCreate().name("sql"))))
                .expectNext(2L)
                .verifyComplete();
        List<TagCreate> overlapping = List.of(new TagCreate().name("sql"), new TagCreate().name("reactive"));
        StepVerifier.create(db.tag().createMany(overlapping))
                .expectErrorSatisfies(error -> assertThat(((UniqueConstraintViolationException) error).fields())
                        .containsExactly("name"))
                .verify(WAIT);
        StepVerifier.create(db.tag().createMany(overlapping, true)).expectNext(1L).verifyComplete();
        StepVerifier.create(db.tag().count()).expectNext(3L).verifyComplete();
    }

    @Test
    void updateChangesNumbersAtomicallyAndClearsAnOptionalRelation() {
        User ada = user("ada@example.com");
        User eve = user("eve@example.com");
        Post created = db.post().create(c -> c.slug("p").title("t").body("b").authorId(ada.id()).editorId(eve.id())
                .viewCount(10)).block(WAIT);
        StepVerifier.create(db.post().update(w -> w.id(created.id()), d -> d.viewCount().increment(5).editorId(null)))
                .assertNext(p -> {
                    assertThat(p.viewCount()).isEqualTo(15);
                    assertThat(p.editorId()).isNull();
                    assertThat(p.updatedAt()).isAfterOrEqualTo(created.updatedAt());
                })
                .verifyComplete();
        StepVerifier.create(db.post().update(w -> w.slug("p"), d -> d.viewCount().decrement(3)).map(Post::viewCount))
                .expectNext(12).verifyComplete();
        StepVerifier.create(db.post().update(w -> w.slug("p"), d -> d.viewCount().multiply(3)).map(Post::viewCount))
                .expectNext(36).verifyComplete();
        StepVerifier.create(db.post().update(w -> w.slug("p"), d -> d.viewCount().divide(5)).map(Post::viewCount))
                .expectNext(7).verifyComplete();
        StepVerifier.create(db.post().update(w -> w.slug("p"), d -> d.viewCount().set(0).status(PostStatus.PUBLISHED)))
                .assertNext(p -> {
                    assertThat(p.viewCount()).isZero();
                    assertThat(p.status()).isEqualTo(PostStatus.PUBLISHED);
                })
                .verifyComplete();
    }

    @Test
    void anUpdateGuardedByAStaleValueSignalsRecordNotFoundAndChangesNothing() {
        User ada = user("ada@example.com");
        Post created = post("p", ada.id(), 4, null);
        StepVerifier.create(db.post().update(w -> w.id(created.id()).and(a -> a.viewCount().eq(4)),
                        d -> d.viewCount().increment(1).title("first writer")).map(Post::viewCount))
                .expectNext(5)
                .verifyComplete();
        StepVerifier.create(db.post().update(w -> w.id(created.id()).and(a -> a.viewCount().eq(4)),
                        d -> d.viewCount().increment(1).title("second writer")))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
        StepVerifier.create(db.post().findUniqueOrThrow(q -> q.where(w -> w.id(created.id()))))
                .assertNext(p -> {
                    assertThat(p.viewCount()).isEqualTo(5);
                    assertThat(p.title()).isEqualTo("first writer");
                })
                .verifyComplete();
    }

    @Test
    void updateManyUpsertDeleteAndDeleteMany() {
        User ada = user("ada@example.com");
        post("p1", ada.id(), 1, null);
        post("p2", ada.id(), 2, null);
        post("p3", ada.id(), 3, null);
        StepVerifier.create(db.post().updateMany(w -> w.viewCount().lte(2), d -> d.status(PostStatus.ARCHIVED)))
                .expectNext(2L).verifyComplete();
        StepVerifier.create(db.user().upsert(w -> w.email("bob@example.com"), c -> c.email("bob@example.com").name("Bob"),
                        u -> u.name("Bobby")).map(User::name))
                .expectNext("Bob").verifyComplete();
        StepVerifier.create(db.user().upsert(w -> w.email("bob@example.com"), c -> c.email("bob@example.com").name("Bob"),
                        u -> u.name("Bobby").role(Role.EDITOR)))
                .assertNext(u -> {
                    assertThat(u.name()).isEqualTo("Bobby");
                    assertThat(u.role()).isEqualTo(Role.EDITOR);
                })
                .verifyComplete();
        StepVerifier.create(db.user().count()).expectNext(2L).verifyComplete();
        StepVerifier.create(db.post().delete(w -> w.slug("p3")).map(Post::viewCount)).expectNext(3).verifyComplete();
        StepVerifier.create(db.post().delete(w -> w.slug("p3")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordNotFoundException.class)
                        .hasMessageContaining("Post"))
                .verify(WAIT);
        StepVerifier.create(db.post().deleteMany(w -> w.status().eq(PostStatus.ARCHIVED))).expectNext(2L).verifyComplete();
        StepVerifier.create(db.post().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void aggregateAndGroupByComputeExactValues() {
        User ada = user("ada@example.com");
        User bob = user("bob@example.com");
        post("a1", ada.id(), 10, null);
        post("a2", ada.id(), 20, null);
        post("b1", bob.id(), 5, null);
        StepVerifier.create(db.post().aggregate(a -> a.count().sum(PostField.VIEW_COUNT).avg(PostField.VIEW_COUNT)
                        .min(PostField.VIEW_COUNT, PostField.SLUG).max(PostField.VIEW_COUNT)))
                .assertNext(result -> {
                    assertThat(result.count()).isEqualTo(3L);
                    assertThat(result.sum().viewCount()).isEqualTo(35L);
                    assertThat(result.avg().viewCount()).isCloseTo(35.0 / 3, Offset.offset(1e-9));
                    assertThat(result.min().viewCount()).isEqualTo(5);
                    assertThat(result.min().slug()).isEqualTo("a1");
                    assertThat(result.max().viewCount()).isEqualTo(20);
                })
                .verifyComplete();
        StepVerifier.create(db.post().groupBy(g -> g.by(PostField.AUTHOR_ID).sum(PostField.VIEW_COUNT).count()
                        .orderBy(o -> o.authorId().asc())).collectList())
                .assertNext(groups -> {
                    assertThat(groups).extracting(PostGroup::authorId).containsExactly(ada.id(), bob.id());
                    assertThat(groups).extracting(g -> g.sum().viewCount()).containsExactly(30L, 5L);
                    assertThat(groups).extracting(PostGroup::count).containsExactly(2L, 1L);
                })
                .verifyComplete();
    }

    @Test
    void duplicateUniqueKeysNameTheirFields() {
        User ada = user("ada@example.com");
        StepVerifier.create(db.user().create(c -> c.email("ada@example.com")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(UniqueConstraintViolationException.class);
                    assertThat(((UniqueConstraintViolationException) error).fields()).containsExactly("email");
                    assertThat(((UniqueConstraintViolationException) error).model()).isEqualTo("User");
                })
                .verify(WAIT);
        db.profile().create(c -> c.userId(ada.id()).bio("hi")).block(WAIT);
        StepVerifier.create(db.profile().create(c -> c.userId(ada.id()).bio("again")))
                .expectErrorSatisfies(error -> assertThat(((UniqueConstraintViolationException) error).fields())
                        .containsExactly("userId"))
                .verify(WAIT);
        post("taken", ada.id(), 0, null);
        User bob = user("bob@example.com");
        Post other = post("free", bob.id(), 0, null);
        StepVerifier.create(db.post().update(w -> w.id(other.id()), d -> d.slug("taken")))
                .expectErrorSatisfies(error -> assertThat(((UniqueConstraintViolationException) error).fields())
                        .containsExactly("slug"))
                .verify(WAIT);
    }

    @Test
    void foreignKeyViolationsNameTheRelation() {
        StepVerifier.create(db.post().create(c -> c.slug("orphan").title("t").body("b").authorId(-1)))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ForeignKeyViolationException.class).hasMessageContaining("relation author");
                    assertThat(((ForeignKeyViolationException) error).fields()).containsExactly("authorId");
                })
                .verify(WAIT);
        User ada = user("ada@example.com");
        post("kept", ada.id(), 0, null);
        StepVerifier.create(db.user().delete(w -> w.id(ada.id())))
                .expectError(ForeignKeyViolationException.class)
                .verify(WAIT);
        StepVerifier.create(db.user().count()).expectNext(1L).verifyComplete();
    }

    @Test
    void everyCallIsColdAndEachSubscriptionRunsItAgain() {
        Mono<User> create = db.user().create(c -> c.email("x@example.com"));
        Mono<Long> count = db.user().count();
        StepVerifier.create(count).expectNext(0L).verifyComplete();
        StepVerifier.create(create.map(User::email)).expectNext("x@example.com").verifyComplete();
        StepVerifier.create(count).expectNext(1L).verifyComplete();
        StepVerifier.create(create).expectError(UniqueConstraintViolationException.class).verify(WAIT);
        Mono<Long> addTag = db.tag().create(c -> c.name("t")).then(db.tag().deleteMany());
        StepVerifier.create(addTag).expectNext(1L).verifyComplete();
        StepVerifier.create(addTag).expectNext(1L).verifyComplete();
    }
}
