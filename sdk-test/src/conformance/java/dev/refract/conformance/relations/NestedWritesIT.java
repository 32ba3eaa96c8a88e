package dev.refract.conformance.relations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.conformance.Ability;
import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.client.Author;
import dev.refract.conformance.client.Post;
import dev.refract.conformance.client.PostCreate;
import dev.refract.conformance.client.RefractClient;
import dev.refract.error.UniqueConstraintViolationException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Writes through relations and units of work: bulk writes that select by related records; nested
 * creates, connects and updates, which run in a transaction; transactions that commit or roll
 * back. The last two need the adapter's transactions.
 */
@Conformance
class NestedWritesIT {

    private final ConformanceContext context;
    private final RefractClient db;

    NestedWritesIT(ConformanceContext context) {
        this.context = context;
        this.db = context.client();
    }

    @BeforeEach
    void clear() {
        context.clear();
    }

    @Test
    void aNestedCreateWritesTheRecordWithItsRelatedRecords() {
        context.require(Ability.TRANSACTIONS);
        Author created = db.author().create(c -> c.email("ada@example.com").name("Ada")
                        .posts(p -> p.create(post -> post.title("One")).create(post -> post.title("Two")))
                        .profile(p -> p.create(profile -> profile.bio("Writes"))))
                .block(ConformanceContext.WAIT);
        List<Post> posts = db.post().findMany(q -> q.where(w -> w.authorId().eq(created.id()))
                .orderBy(o -> o.title().asc())).collectList().block(ConformanceContext.WAIT);
        assertThat(posts).extracting(Post::title).containsExactly("One", "Two");
        StepVerifier.create(db.profile().findUniqueOrThrow(q -> q.where(w -> w.authorId(created.id())))
                        .map(p -> p.bio()))
                .expectNext("Writes")
                .verifyComplete();
    }

    @Test
    void aCreateReturnsItsRecordWithTheRelationsItIncludes() {
        context.require(Ability.TRANSACTIONS);
        context.require(Ability.RELATION_COUNTS);
        Author created = db.author().create(c -> c.email("ada@example.com").name("Ada")
                        .posts(p -> p.create(post -> post.title("One")).create(post -> post.title("Two"))),
                        i -> i.posts(p -> p.orderBy(o -> o.title().desc())).count(c -> c.posts()))
                .block(ConformanceContext.WAIT);
        assertThat(created.posts().get()).extracting(Post::title).containsExactly("Two", "One");
        assertThat(created.relationCounts().posts()).isEqualTo(2L);
        assertThat(created.profile().isLoaded()).isFalse();
    }

    @Test
    void aNestedConnectLinksAnExistingRecord() {
        context.require(Ability.TRANSACTIONS);
        String ada = db.author().create(c -> c.email("ada@example.com").name("Ada")).block(ConformanceContext.WAIT).id();
        Post post = db.post().create(c -> c.title("Linked").author(a -> a.connect(w -> w.email("ada@example.com"))))
                .block(ConformanceContext.WAIT);
        assertThat(post.authorId()).isEqualTo(ada);
        Post created = db.post().create(c -> c.title("Both").author(a -> a.create(author -> author
                        .email("bo@example.com").name("Bo"))))
                .block(ConformanceContext.WAIT);
        StepVerifier.create(db.author().findUniqueOrThrow(q -> q.where(w -> w.id(created.authorId()))).map(Author::name))
                .expectNext("Bo")
                .verifyComplete();
    }

    @Test
    void aNestedCreateThatFailsLeavesNothingBehind() {
        context.require(Ability.TRANSACTIONS);
        StepVerifier.create(db.author().create(c -> c.email("ada@example.com").name("Ada")
                        .posts(p -> p.create(post -> post.title("Same")).create(post -> post.title("Same")))))
                .expectError(UniqueConstraintViolationException.class)
                .verify(ConformanceContext.WAIT);
        StepVerifier.create(db.author().count()).expectNext(0L).verifyComplete();
        StepVerifier.create(db.post().count()).expectNext(0L).verifyComplete();
    }

    private void arrangeAdaWithTwoPostsAndBoWithOne() {
        String ada = db.author().create(c -> c.email("ada@example.com").name("Ada")).block(ConformanceContext.WAIT).id();
        String bo = db.author().create(c -> c.email("bo@example.com").name("Bo")).block(ConformanceContext.WAIT).id();
        db.post().createMany(List.of(new PostCreate().title("a1").authorId(ada), new PostCreate().title("a2").authorId(ada),
                new PostCreate().title("b1").authorId(bo))).block(ConformanceContext.WAIT);
    }

    @Test
    void countsSelectThroughRelations() {
        context.require(Ability.RELATION_FILTERS);
        arrangeAdaWithTwoPostsAndBoWithOne();
        StepVerifier.create(db.post().count(q -> q.where(w -> w.author().is(a -> a.name().eq("Ada")))))
                .expectNext(2L)
                .verifyComplete();
        StepVerifier.create(db.author().count(q -> q.where(w -> w.posts().some(p -> p.title().startsWith("b")))))
                .expectNext(1L)
                .verifyComplete();
    }

    @Test
    void updateManyAndDeleteManySelectThroughRelations() {
        context.require(Ability.RELATION_FILTERS);
        arrangeAdaWithTwoPostsAndBoWithOne();
        StepVerifier.create(db.post().updateMany(w -> w.author().is(a -> a.email().startsWith("bo")),
                        d -> d.published(true)))
                .expectNext(1L)
                .verifyComplete();
        StepVerifier.create(db.post().deleteMany(w -> w.author().is(a -> a.name().eq("Ada"))))
                .expectNext(2L)
                .verifyComplete();
        StepVerifier.create(db.post().findMany().map(p -> p.title() + ":" + p.published()))
                .expectNext("b1:true")
                .verifyComplete();
        StepVerifier.create(db.author().deleteMany(w -> w.posts().none(p -> p.title().startsWith(""))))
                .expectNext(1L)
                .verifyComplete();
        StepVerifier.create(db.author().findMany().map(Author::name)).expectNext("Bo").verifyComplete();
    }

    @Test
    void aNestedUpdateCreatesAndConnectsRelatedRecords() {
        context.require(Ability.TRANSACTIONS);
        String ada = db.author().create(c -> c.email("ada@example.com").name("Ada")).block(ConformanceContext.WAIT).id();
        String bo = db.author().create(c -> c.email("bo@example.com").name("Bo")
                        .posts(p -> p.create(post -> post.title("Moved")))).block(ConformanceContext.WAIT).id();
        db.author().update(w -> w.id(ada), d -> d.posts(p -> p.create(post -> post.title("New"))
                        .connect(w -> w.authorIdTitle(bo, "Moved"))))
                .block(ConformanceContext.WAIT);
        List<Post> posts = db.post().findMany(q -> q.orderBy(o -> o.title().asc())).collectList()
                .block(ConformanceContext.WAIT);
        assertThat(posts).extracting(Post::title).containsExactly("Moved", "New");
        assertThat(posts).extracting(Post::authorId).containsOnly(ada);
    }

    @Test
    void aTransactionCommitsEveryWriteOfItsWork() {
        context.require(Ability.TRANSACTIONS);
        List<Object> results = db.transaction(List.of(
                        db.author().create(c -> c.email("ada@example.com").name("Ada")),
                        db.author().create(c -> c.email("bo@example.com").name("Bo")),
                        db.author().count()))
                .block(ConformanceContext.WAIT);
        assertThat(results).hasSize(3);
        assertThat(results.get(2)).isEqualTo(2L);
        StepVerifier.create(db.author().count()).expectNext(2L).verifyComplete();
    }

    @Test
    void aTransactionWhoseWorkFailsRollsEveryWriteBack() {
        context.require(Ability.TRANSACTIONS);
        StepVerifier.create(db.transaction(tx -> tx.author().create(c -> c.email("ada@example.com").name("Ada"))
                        .flatMap(ada -> tx.post().create(c -> c.title("Kept?").authorId(ada.id())))
                        .then(tx.author().create(c -> c.email("ada@example.com").name("Twin")))))
                .expectError(UniqueConstraintViolationException.class)
                .verify(ConformanceContext.WAIT);
        StepVerifier.create(db.author().count()).expectNext(0L).verifyComplete();
        StepVerifier.create(db.post().count()).expectNext(0L).verifyComplete();
    }

    @Test
    void readsInsideATransactionSeeItsOwnWrites() {
        context.require(Ability.TRANSACTIONS);
        StepVerifier.create(db.transaction(tx -> tx.author().create(c -> c.email("ada@example.com").name("Ada"))
                        .then(tx.author().count())))
                .expectNext(1L)
                .verifyComplete();
    }
}
