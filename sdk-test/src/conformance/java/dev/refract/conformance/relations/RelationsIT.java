package dev.refract.conformance.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.conformance.Ability;
import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.client.Author;
import dev.refract.conformance.client.AuthorWhere;
import dev.refract.conformance.client.Post;
import dev.refract.conformance.client.PostCreate;
import dev.refract.conformance.client.Profile;
import dev.refract.conformance.client.RefractClient;
import dev.refract.error.RelationNotLoadedException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relations by reference, read: including the related records (to-many with their own conditions,
 * order and page, to-one), filtering by them, and counting them. Three authors, which no test
 * changes: Ada with three posts and a profile, Bo with one unpublished post, Cy with neither.
 */
@Conformance
class RelationsIT {

    private final ConformanceContext context;
    private final RefractClient db;

    RelationsIT(ConformanceContext context) {
        this.context = context;
        this.db = context.client();
    }

    @BeforeAll
    static void arrange(ConformanceContext context) {
        context.clear();
        RefractClient db = context.client();
        String ada = db.author().create(c -> c.email("ada@example.com").name("Ada").age(36))
                .block(ConformanceContext.WAIT).id();
        String bo = db.author().create(c -> c.email("bo@example.com").name("Bo")).block(ConformanceContext.WAIT).id();
        db.author().create(c -> c.email("cy@example.com").name("Cy").age(20)).block(ConformanceContext.WAIT);
        db.post().createMany(List.of(
                new PostCreate().title("Engines").views(50).published(true).authorId(ada),
                new PostCreate().title("Notes").views(10).published(true).authorId(ada),
                new PostCreate().title("Drafts").views(0).published(false).authorId(ada),
                new PostCreate().title("Hello").views(5).published(false).authorId(bo)))
                .block(ConformanceContext.WAIT);
        db.profile().create(c -> c.bio("Mathematician").authorId(ada)).block(ConformanceContext.WAIT);
    }

    private List<String> names(Consumer<AuthorWhere> where) {
        return db.author().findMany(q -> q.where(where).orderBy(o -> o.name().asc())).map(Author::name).collectList()
                .block(ConformanceContext.WAIT);
    }

    private static List<String> titles(List<Post> posts) {
        return posts.stream().map(Post::title).toList();
    }

    @Test
    void includeLoadsToManyRecordsAndLeavesOtherRelationsNotLoaded() {
        List<Author> authors = db.author().findMany(q -> q.orderBy(o -> o.name().asc()).include(i -> i.posts()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(authors).extracting(Author::name).containsExactly("Ada", "Bo", "Cy");
        assertThat(titles(authors.get(0).posts().get())).containsExactlyInAnyOrder("Engines", "Notes", "Drafts");
        assertThat(titles(authors.get(1).posts().get())).containsExactly("Hello");
        assertThat(authors.get(2).posts().get()).isEmpty();
        assertThat(authors.get(0).profile().isLoaded()).isFalse();
        assertThatThrownBy(() -> authors.get(0).profile().get())
                .isInstanceOf(RelationNotLoadedException.class);
    }

    @Test
    void anIncludedToManyRelationHasItsOwnConditionsOrderAndPage() {
        Author ada = db.author().findUniqueOrThrow(q -> q.where(w -> w.email("ada@example.com"))
                        .include(i -> i.posts(p -> p.where(w -> w.published().eq(true)).orderBy(o -> o.views().desc()))))
                .block(ConformanceContext.WAIT);
        assertThat(titles(ada.posts().get())).containsExactly("Engines", "Notes");
        Author paged = db.author().findUniqueOrThrow(q -> q.where(w -> w.email("ada@example.com"))
                        .include(i -> i.posts(p -> p.orderBy(o -> o.views().asc()).skip(1).take(1))))
                .block(ConformanceContext.WAIT);
        assertThat(titles(paged.posts().get())).containsExactly("Notes");
    }

    @Test
    void includeLoadsToOneRecordsFromBothSides() {
        List<Author> authors = db.author().findMany(q -> q.orderBy(o -> o.name().asc()).include(i -> i.profile()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(authors.get(0).profile().get().bio()).isEqualTo("Mathematician");
        assertThat(authors.get(1).profile().get()).isNull();
        assertThat(authors.get(1).profile().find()).isEmpty();
        List<Post> posts = db.post().findMany(q -> q.orderBy(o -> o.title().asc()).include(i -> i.author()))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(posts).extracting(p -> p.title() + ":" + p.author().get().name())
                .containsExactly("Drafts:Ada", "Engines:Ada", "Hello:Bo", "Notes:Ada");
        Profile profile = db.profile().findFirstOrThrow(q -> q.include(i -> i.author())).block(ConformanceContext.WAIT);
        assertThat(profile.author().get().email()).isEqualTo("ada@example.com");
    }

    @Test
    void includesNestWithTheirOwnIncludesAndCounts() {
        context.require(Ability.RELATION_COUNTS);
        Author ada = db.author().findUniqueOrThrow(q -> q.where(w -> w.email("ada@example.com"))
                        .include(i -> i.profile().posts(p -> p.where(w -> w.published().eq(true))
                                .orderBy(o -> o.title().asc()).include(pi -> pi.author(a -> a.include(ai -> ai
                                        .count(c -> c.posts())))))))
                .block(ConformanceContext.WAIT);
        assertThat(ada.profile().get().bio()).isEqualTo("Mathematician");
        List<Post> posts = ada.posts().get();
        assertThat(titles(posts)).containsExactly("Engines", "Notes");
        assertThat(posts).allSatisfy(post -> {
            assertThat(post.author().get().name()).isEqualTo("Ada");
            assertThat(post.author().get().relationCounts().posts()).isEqualTo(3L);
        });
    }

    @Test
    void aStreamedFindManyLoadsTheSameIncludesAsACollectedOne() {
        List<String> streamed = db.author().findMany(q -> q.orderBy(o -> o.name().asc())
                        .include(i -> i.posts(p -> p.orderBy(o -> o.title().asc())).profile()))
                .limitRate(1)
                .map(a -> a.name() + ":" + titles(a.posts().get()) + ":" + a.profile().find().map(Profile::bio).orElse("-"))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(streamed).containsExactly("Ada:[Drafts, Engines, Notes]:Mathematician", "Bo:[Hello]:-", "Cy:[]:-");
    }

    @Test
    void toManyRelationFiltersSomeEveryAndNone() {
        context.require(Ability.RELATION_FILTERS);
        assertThat(names(w -> w.posts().some(p -> p.published().eq(true)))).containsExactly("Ada");
        assertThat(names(w -> w.posts().some(p -> p.views().gte(5)))).containsExactly("Ada", "Bo");
        assertThat(names(w -> w.posts().every(p -> p.published().eq(false)))).containsExactly("Bo", "Cy");
        assertThat(names(w -> w.posts().none(p -> p.published().eq(true)))).containsExactly("Bo", "Cy");
        assertThat(names(w -> w.posts().none(p -> p.views().gte(0)))).containsExactly("Cy");
    }

    @Test
    void toOneRelationFiltersIsIsNotAndMissing() {
        context.require(Ability.RELATION_FILTERS);
        assertThat(names(w -> w.profile().is(p -> p.bio().contains("Math")))).containsExactly("Ada");
        assertThat(names(w -> w.profile().isNull())).containsExactly("Bo", "Cy");
        assertThat(names(w -> w.profile().isNotNull())).containsExactly("Ada");
        List<String> posts = db.post().findMany(q -> q.where(w -> w.author().is(a -> a.name().eq("Bo"))))
                .map(Post::title).collectList().block(ConformanceContext.WAIT);
        assertThat(posts).containsExactly("Hello");
        List<String> others = db.post().findMany(q -> q.where(w -> w.author().isNot(a -> a.name().eq("Ada"))))
                .map(Post::title).collectList().block(ConformanceContext.WAIT);
        assertThat(others).containsExactly("Hello");
    }

    @Test
    void relationFiltersCombineWithScalarConditions() {
        context.require(Ability.RELATION_FILTERS);
        assertThat(names(w -> w.age().gte(18).posts().none(p -> p.title().eq("Nothing")))).containsExactly("Ada", "Cy");
        assertThat(names(w -> w.or(a -> a.profile().isNotNull(), b -> b.posts().some(p -> p.title().eq("Hello")))))
                .containsExactly("Ada", "Bo");
    }

    @Test
    void relationCountsCountAllOrTheMatchingRelatedRecords() {
        context.require(Ability.RELATION_COUNTS);
        List<Author> authors = db.author().findMany(q -> q.orderBy(o -> o.name().asc())
                        .include(i -> i.count(c -> c.posts())))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(authors).extracting(a -> a.relationCounts().posts()).containsExactly(3L, 1L, 0L);
        List<Author> published = db.author().findMany(q -> q.orderBy(o -> o.name().asc())
                        .include(i -> i.count(c -> c.posts(w -> w.published().eq(true)))))
                .collectList().block(ConformanceContext.WAIT);
        assertThat(published).extracting(a -> a.relationCounts().posts()).containsExactly(2L, 0L, 0L);
    }
}
