package dev.refract.r2dbc.suite.relations.client;

import static dev.refract.r2dbc.suite.relations.client.RelationsClientDatabase.WAIT;
import static dev.refract.r2dbc.suite.relations.client.RelationsClientDatabase.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.relations.db.Comment;
import com.example.relations.db.Post;
import com.example.relations.db.PostCreate;
import com.example.relations.db.RefractClient;
import com.example.relations.db.User;
import com.example.relations.db.UserCreate;
import com.example.relations.db.UserFindMany;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.RelationNotLoadedException;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.relation.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * {@code include} of every shape of relation through the generated client: each
 * level with its own where, orderBy, skip, take (per parent), select and relation counts, on every
 * operation that returns records, compared with the whole expected result. The house is
 * {@link RelationsClientDatabase#seedHouse}.
 */
@RelationalSuite
class IncludeIT {

    private static RelationsClientDatabase database;
    private static RefractClient db;

    @BeforeAll
    static void open(SuiteDatabase server) {
        database = RelationsClientDatabase.open(server);
        db = database.client();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void seed() {
        database.seedHouse();
    }

    private static List<String> users(Consumer<UserFindMany> query) {
        return describe(db.user().findMany(query).collectList().block(WAIT));
    }

    // ------------------------------------------------------------------------------ every shape

    @Test
    void oneToOneLoadsFromEitherSide() {
        assertThat(users(q -> q.orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.profile(p -> p.select(s -> s.bio())))))
                .containsExactly("User{name=ada, profile=Profile{bio=ada's}}", "User{name=bob, profile=Profile{bio=bob's}}",
                        "User{name=cy, profile=none}", "User{name=dee, profile=none}");

        assertThat(describe(db.profile().findMany(q -> q.orderBy(o -> o.id().asc())
                .include(i -> i.user(u -> u.select(s -> s.name().email())))).collectList().block(WAIT)))
                .containsExactly("Profile{id=1, bio=ada's, user=User{email=ada@example.com, name=ada}, userId=1}",
                        "Profile{id=2, bio=bob's, user=User{email=bob@example.com, name=bob}, userId=2}");
    }

    @Test
    void oneToManyFiltersSortsAndTakesPerParent() {
        assertThat(users(q -> q.orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.where(w -> w.published().eq(true)).orderBy(o -> o.views().desc()).take(2)
                        .select(s -> s.title().views())))))
                .containsExactly("User{name=ada, posts=[Post{title=a1, views=5}, Post{title=a3, views=1}]}",
                        "User{name=bob, posts=[Post{title=b1, views=7}, Post{title=b2, views=3}]}",
                        "User{name=cy, posts=[]}", "User{name=dee, posts=[]}");

        assertThat(users(q -> q.where(w -> w.id().lte(2)).orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.views().desc()).skip(1).take(1).select(s -> s.title())))))
                .as("the second most viewed post of each user")
                .containsExactly("User{name=ada, posts=[Post{title=a1}]}", "User{name=bob, posts=[Post{title=b2}]}");
    }

    @Test
    void manyToOneLoadsTheTargetOfEachRecordAndIgnoresWhereOrderAndPaging() {
        assertThat(describe(db.post().findMany(q -> q.orderBy(o -> o.id().asc()).select(s -> s.title())
                .include(i -> i.author(a -> a.where(w -> w.name().eq("nobody")).orderBy(o -> o.id().desc()).skip(3).take(0)
                        .select(s -> s.name())))).collectList().block(WAIT)))
                .containsExactly("Post{title=a1, author=User{name=ada}}", "Post{title=a2, author=User{name=ada}}",
                        "Post{title=a3, author=User{name=ada}}", "Post{title=b1, author=User{name=bob}}",
                        "Post{title=b2, author=User{name=bob}}");
    }

    @Test
    void twoNamedRelationsBetweenTheSameModelsLoadApart() {
        assertThat(describe(db.post().findMany(q -> q.orderBy(o -> o.id().asc()).select(s -> s.title())
                .include(i -> i.author(a -> a.select(s -> s.name())).editor(e -> e.select(s -> s.name()))))
                .collectList().block(WAIT)))
                .containsExactly("Post{title=a1, author=User{name=ada}, editor=User{name=bob}}",
                        "Post{title=a2, author=User{name=ada}, editor=none}",
                        "Post{title=a3, author=User{name=ada}, editor=User{name=cy}}",
                        "Post{title=b1, author=User{name=bob}, editor=User{name=ada}}",
                        "Post{title=b2, author=User{name=bob}, editor=User{name=ada}}");

        assertThat(users(q -> q.orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.id().asc()).select(s -> s.title()))
                        .edited(p -> p.orderBy(o -> o.id().asc()).select(s -> s.title())))))
                .containsExactly(
                        "User{name=ada, posts=[Post{title=a1}, Post{title=a2}, Post{title=a3}],"
                                + " edited=[Post{title=b1}, Post{title=b2}]}",
                        "User{name=bob, posts=[Post{title=b1}, Post{title=b2}], edited=[Post{title=a1}]}",
                        "User{name=cy, posts=[], edited=[Post{title=a3}]}",
                        "User{name=dee, posts=[], edited=[]}");
    }

    @Test
    void implicitManyToManyLoadsThroughTheJoinTableFromEitherSide() {
        assertThat(describe(db.post().findMany(q -> q.orderBy(o -> o.id().asc()).select(s -> s.title())
                .include(i -> i.tags(t -> t.orderBy(o -> o.name().asc())))).collectList().block(WAIT)))
                .containsExactly("Post{title=a1, tags=[Tag{id=1, name=java}, Tag{id=2, name=sql}]}",
                        "Post{title=a2, tags=[Tag{id=2, name=sql}]}", "Post{title=a3, tags=[]}",
                        "Post{title=b1, tags=[Tag{id=1, name=java}]}", "Post{title=b2, tags=[]}");

        assertThat(describe(db.tag().findMany(q -> q.orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.where(w -> w.views().gte(5)).orderBy(o -> o.views().desc())
                        .select(s -> s.title())))).collectList().block(WAIT)))
                .containsExactly("Tag{name=java, posts=[Post{title=b1}, Post{title=a1}]}",
                        "Tag{name=sql, posts=[Post{title=a2}, Post{title=a1}]}", "Tag{name=go, posts=[]}");

        assertThat(describe(db.tag().findMany(q -> q.orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.views().asc()).skip(1).take(1).select(s -> s.title()))))
                .collectList().block(WAIT)))
                .as("paged per tag through the join table")
                .containsExactly("Tag{name=java, posts=[Post{title=b1}]}", "Tag{name=sql, posts=[Post{title=a2}]}",
                        "Tag{name=go, posts=[]}");
    }

    @Test
    void explicitManyToManyLoadsTheJoinModelAndItsTargetFromEitherSide() {
        assertThat(describe(db.post().findMany(q -> q.where(w -> w.id().in(10, 13)).orderBy(o -> o.id().asc())
                .select(s -> s.title())
                .include(i -> i.categories(c -> c.orderBy(o -> o.categoryId().desc())
                        .include(j -> j.category(k -> k.select(s -> s.name())))))).collectList().block(WAIT)))
                .containsExactly("Post{title=a1, categories=["
                                + "PostCategory{postId=10, category=Category{name=tech}, categoryId=2}, "
                                + "PostCategory{postId=10, category=Category{name=news}, categoryId=1}]}",
                        "Post{title=b1, categories=[PostCategory{postId=13, category=Category{name=tech}, categoryId=2}]}");

        assertThat(describe(db.category().findMany(q -> q.orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.postId().asc()).select(s -> s.postId())
                        .include(j -> j.post(k -> k.select(s -> s.title())))))).collectList().block(WAIT)))
                .containsExactly("Category{name=news, posts=[PostCategory{post=Post{title=a1}, postId=10}]}",
                        "Category{name=tech, posts=[PostCategory{post=Post{title=a1}, postId=10},"
                                + " PostCategory{post=Post{title=b1}, postId=13}]}");
    }

    @Test
    void selfRelationsLoadManagersReportsFollowersAndReplies() {
        assertThat(users(q -> q.orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.manager(m -> m.select(s -> s.name()))
                        .reports(r -> r.orderBy(o -> o.id().asc()).select(s -> s.name())))))
                .containsExactly("User{name=ada, manager=none, reports=[User{name=bob}, User{name=cy}]}",
                        "User{name=bob, manager=User{name=ada}, reports=[User{name=dee}]}",
                        "User{name=cy, manager=User{name=ada}, reports=[]}",
                        "User{name=dee, manager=User{name=bob}, reports=[]}");

        assertThat(users(q -> q.orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.following(f -> f.orderBy(o -> o.id().asc()).select(s -> s.name()))
                        .followedBy(f -> f.orderBy(o -> o.id().asc()).select(s -> s.name())))))
                .containsExactly("User{name=ada, following=[User{name=bob}, User{name=cy}], followedBy=[User{name=bob}]}",
                        "User{name=bob, following=[User{name=ada}], followedBy=[User{name=ada}]}",
                        "User{name=cy, following=[], followedBy=[User{name=ada}]}",
                        "User{name=dee, following=[], followedBy=[]}");

        assertThat(describe(db.comment().findMany(q -> q.where(w -> w.parentId().isNull()).orderBy(o -> o.id().asc())
                .select(s -> s.body())
                .include(i -> i.replies(r -> r.orderBy(o -> o.id().asc()).select(s -> s.body())
                        .include(j -> j.replies(k -> k.select(s -> s.body())))))).collectList().block(WAIT)))
                .containsExactly("Comment{body=c1, replies=[Comment{body=r1, replies=[Comment{body=rr1}]},"
                                + " Comment{body=r2, replies=[]}]}",
                        "Comment{body=c2, replies=[]}", "Comment{body=c3, replies=[]}");

        assertThat(describe(db.comment().findMany(q -> q.where(w -> w.parentId().isNotNull()).orderBy(o -> o.id().asc())
                .select(s -> s.body()).include(i -> i.parent(p -> p.select(s -> s.body())))).collectList().block(WAIT)))
                .containsExactly("Comment{body=r1, parent=Comment{body=c1}}", "Comment{body=r2, parent=Comment{body=c1}}",
                        "Comment{body=rr1, parent=Comment{body=r1}}");
    }

    @Test
    void compoundForeignKeysLoadFromEitherSide() {
        assertThat(describe(db.shelf().findMany(q -> q.orderBy(o -> o.aisle().asc().number_().asc())
                .include(i -> i.items(t -> t.orderBy(o -> o.id().desc()).select(s -> s.sku())))).collectList().block(WAIT)))
                .containsExactly("Shelf{aisle=A, number=1, label=top, items=[Item{sku=x2}, Item{sku=x1}]}",
                        "Shelf{aisle=A, number=2, label=middle, items=[]}",
                        "Shelf{aisle=B, number=1, label=floor, items=[Item{sku=x3}]}");

        assertThat(describe(db.item().findMany(q -> q.orderBy(o -> o.id().asc()).select(s -> s.sku())
                .include(i -> i.shelf(s -> s.select(f -> f.label())))).collectList().block(WAIT)))
                .containsExactly("Item{sku=x1, shelf=Shelf{label=top}}", "Item{sku=x2, shelf=Shelf{label=top}}",
                        "Item{sku=x3, shelf=Shelf{label=floor}}", "Item{sku=x4, shelf=none}");
    }

    // ----------------------------------------------------------------------- three levels deep

    /**
     * Users but the first by id descending, two of them, with their posts counted; per user its
     * second least viewed published post, with its comments and tags counted; per post its comments
     * of at most two likes by likes, but the first, two of them, each with its author and its
     * replies counted.
     */
    private static void threeLevels(UserFindMany q) {
        q.where(w -> w.name().in("ada", "bob", "cy")).orderBy(o -> o.id().desc()).skip(1).take(2).select(s -> s.name())
                .include(i -> i.count(c -> c.posts().edited(w -> w.published().eq(true)))
                        .posts(p -> p.where(w -> w.published().eq(true)).orderBy(o -> o.views().asc()).skip(1).take(1)
                                .select(s -> s.title())
                                .include(j -> j.count(c -> c.comments().tags())
                                        .comments(c -> c.where(w -> w.likes().lte(2))
                                                .orderBy(o -> o.likes().desc().id().asc()).skip(1).take(2)
                                                .select(s -> s.body())
                                                .include(k -> k.author(a -> a.select(s -> s.name()))
                                                        .count(n -> n.replies()))))));
    }

    private static final List<String> THREE_LEVELS = List.of(
            "User{name=bob, posts=[Post{title=b1, comments=[], _count={comments=1, tags=1}}], _count={posts=2, edited=1}}",
            "User{name=ada, posts=[Post{title=a1, comments=["
                    + "Comment{body=r1, author=User{name=ada}, _count={replies=1}}, "
                    + "Comment{body=c2, author=User{name=cy}, _count={replies=0}}], _count={comments=5, tags=2}}],"
                    + " _count={posts=3, edited=2}}");

    @Test
    void threeLevelsEachWithItsOwnFilterOrderPagingSelectionAndCounts() {
        assertThat(users(IncludeIT::threeLevels)).containsExactlyElementsOf(THREE_LEVELS);
    }

    @Test
    void aStreamedFindManyLoadsTheSameIncludesAsACollectedOne() {
        List<String> streamed = new ArrayList<>();
        StepVerifier.create(db.user().findMany(IncludeIT::threeLevels).map(RelationsClientDatabase::describe), 0)
                .thenRequest(1)
                .consumeNextWith(streamed::add)
                .thenRequest(1)
                .consumeNextWith(streamed::add)
                .verifyComplete();

        assertThat(streamed).containsExactlyElementsOf(THREE_LEVELS);
    }

    @Test
    void aStreamedFindManyOverMoreParentsThanOneChunkLoadsEveryParentsRelations() {
        int users = 1_203;
        db.user().createMany(IntStream.rangeClosed(1, users)
                .mapToObj(n -> new UserCreate().id(1_000 + n).email("u" + n + "@x").name("u" + n)).toList()).block(WAIT);
        db.post().createMany(IntStream.rangeClosed(1, users)
                .mapToObj(n -> new PostCreate().id(10_000 + n).title("t" + n).authorId(1_000 + n).views(n)).toList())
                .block(WAIT);

        List<String> streamed = db.user().findMany(q -> q.where(w -> w.id().gt(1_000)).orderBy(o -> o.id().asc())
                        .select(s -> s.name()).include(i -> i.posts(p -> p.select(s -> s.views())).count(c -> c.posts())))
                .limitRate(25)
                .map(RelationsClientDatabase::describe)
                .collectList().block(WAIT);

        assertThat(streamed).containsExactlyElementsOf(IntStream.rangeClosed(1, users)
                .mapToObj(n -> "User{name=u" + n + ", posts=[Post{views=" + n + "}], _count={posts=1}}").toList());
    }

    // ------------------------------------------------------------------------------ operations

    @Test
    void findUniqueAndFindFirstLoadTheirIncludes() {
        StepVerifier.create(db.post().findUnique(q -> q.where(w -> w.id(13)).select(s -> s.title())
                        .include(i -> i.author(a -> a.select(s -> s.name())).tags(t -> t.select(s -> s.name()))
                                .count(c -> c.comments())))
                        .map(RelationsClientDatabase::describe))
                .expectNext("Post{title=b1, author=User{name=bob}, tags=[Tag{name=java}], _count={comments=1}}")
                .verifyComplete();
        StepVerifier.create(db.user().findUniqueOrThrow(q -> q.where(w -> w.email("dee@example.com")).select(s -> s.name())
                        .include(i -> i.manager(m -> m.select(s -> s.name()).include(j -> j.manager(k -> k.select(s -> s.name()))))))
                        .map(RelationsClientDatabase::describe))
                .expectNext("User{name=dee, manager=User{name=bob, manager=User{name=ada}}}")
                .verifyComplete();

        StepVerifier.create(db.post().findFirst(q -> q.where(w -> w.title().startsWith("b")).orderBy(o -> o.views().asc())
                        .select(s -> s.title()).include(i -> i.author(a -> a.select(s -> s.name()))
                                .editor(e -> e.select(s -> s.name()))))
                        .map(RelationsClientDatabase::describe))
                .expectNext("Post{title=b2, author=User{name=bob}, editor=User{name=ada}}")
                .verifyComplete();
        StepVerifier.create(db.post().findFirstOrThrow(q -> q.where(w -> w.views().gt(100)).include(i -> i.author())))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
    }

    @Test
    void createUpdateAndUpsertReturnTheirRecordWithItsIncludes() {
        StepVerifier.create(db.post().create(c -> c.id(20).title("c1").author(a -> a.connect(w -> w.email("cy@example.com")))
                                .tags(t -> t.connect(w -> w.name("go")).create(tc -> tc.name("rust"))),
                        i -> i.author(a -> a.select(s -> s.name())).editor().tags(t -> t.orderBy(o -> o.name().asc()))
                                .count(c -> c.comments().tags()))
                        .map(RelationsClientDatabase::describe))
                .expectNext("Post{id=20, title=c1, published=false, views=0, author=User{name=cy}, authorId=3, editor=none,"
                        + " tags=[Tag{id=3, name=go}, Tag{id=101, name=rust}], _count={comments=0, tags=2}}")
                .verifyComplete();

        StepVerifier.create(db.post().update(w -> w.id(11), d -> d.editor(e -> e.connect(w -> w.id(4))).views().increment(1),
                        i -> i.editor(e -> e.select(s -> s.name()).include(j -> j.manager(m -> m.select(s -> s.name()))))
                                .tags(t -> t.select(s -> s.name())))
                        .map(RelationsClientDatabase::describe))
                .expectNext("Post{id=11, title=a2, published=false, views=10, authorId=1,"
                        + " editor=User{name=dee, manager=User{name=bob}}, editorId=4, tags=[Tag{name=sql}]}")
                .verifyComplete();

        StepVerifier.create(db.user().upsert(w -> w.email("eve@example.com"), c -> c.email("eve@example.com").name("eve")
                                .manager(m -> m.connect(w -> w.id(1))),
                        u -> u.name("not updated"),
                        i -> i.manager(m -> m.select(s -> s.name())).posts().count(c -> c.reports()))
                        .map(RelationsClientDatabase::describe))
                .expectNext("User{id=101, email=eve@example.com, name=eve, posts=[], manager=User{name=ada}, managerId=1,"
                        + " _count={reports=0}}")
                .verifyComplete();
    }

    @Test
    void deleteReturnsTheRecordWithTheRelatedRecordsItsCascadeRemoves() {
        StepVerifier.create(db.post().delete(w -> w.id(10), i -> i.comments(c -> c.orderBy(o -> o.id().asc())
                                .select(s -> s.body())).tags(t -> t.select(s -> s.name())).count(c -> c.categories()))
                        .map(RelationsClientDatabase::describe))
                .expectNext("Post{id=10, title=a1, published=true, views=5, authorId=1, editorId=2,"
                        + " comments=[Comment{body=c1}, Comment{body=c2}, Comment{body=r1}, Comment{body=r2}, Comment{body=rr1}],"
                        + " tags=[Tag{name=java}, Tag{name=sql}], _count={categories=2}}")
                .verifyComplete();

        assertThat(describe(db.comment().findMany(q -> q.select(s -> s.body())).collectList().block(WAIT)))
                .containsExactly("Comment{body=c3}");
        StepVerifier.create(db.post().delete(w -> w.id(10), i -> i.comments()))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
    }

    // ---------------------------------------------------------------------- loaded or not loaded

    @Test
    void aRelationIsLoadedOnlyWhenIncludedAndSaysWhichIncludeIsMissing() {
        Post a2 = db.post().findUnique(q -> q.where(w -> w.id(11)).include(i -> i.editor().comments()
                .count(c -> c.tags()))).block(WAIT);

        assertThat(a2.editor()).isEqualTo(Relation.loaded(null));
        assertThat(a2.editor().isLoaded()).isTrue();
        assertThat(a2.editor().find()).isEmpty();
        assertThat(a2.comments()).isEqualTo(Relation.<List<Comment>>loaded(List.of()));
        assertThat(a2.author().isLoaded()).isFalse();
        assertThat(a2.author()).isEqualTo(Relation.notLoaded("Post", "author"));
        assertThatThrownBy(() -> a2.author().get())
                .isInstanceOf(RelationNotLoadedException.class)
                .hasMessageContaining("Post.author")
                .hasMessageContaining("include(i -> i.author())");
        assertThat(a2.tags().isLoaded()).as("counted is not loaded").isFalse();
        assertThat(a2.relationCounts()).isEqualTo(new Post.Counts(null, 1L, null));

        User ada = db.user().findUnique(q -> q.where(w -> w.id(1))).block(WAIT);
        assertThat(List.of(ada.profile(), ada.posts(), ada.edited(), ada.comments(), ada.manager(), ada.reports(),
                ada.following(), ada.followedBy())).allSatisfy(relation -> assertThat(relation.isLoaded()).isFalse());
        assertThat(ada.relationCounts()).as("nothing counted").isNull();
        assertThat(ada.name()).isEqualTo("ada");
    }
}
