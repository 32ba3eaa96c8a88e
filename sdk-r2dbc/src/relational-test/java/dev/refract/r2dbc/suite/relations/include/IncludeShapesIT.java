package dev.refract.r2dbc.suite.relations.include;

import static dev.refract.r2dbc.suite.relations.include.Publishing.*;

import dev.refract.r2dbc.suite.CapturingProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.CommentFindMany;
import com.example.relations.db.ItemFindMany;
import com.example.relations.db.PostCreate;
import com.example.relations.db.PostFindMany;
import com.example.relations.db.PostUpdate;
import com.example.relations.db.PostWhereUnique;
import com.example.relations.db.ProfileFindMany;
import com.example.relations.db.ShelfFindMany;
import com.example.relations.db.TagFindMany;
import com.example.relations.db.UserFindMany;
import dev.refract.client.ClientCore;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Includes of every shape of relation, through the client core with operations
 * built by the generated query builders: each level with its own filter, order, paging, selection
 * and nested includes, compared with the whole expected result. The house is {@link Publishing#seed}.
 */
@RelationalSuite
class IncludeShapesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static CapturingProvider provider;
    private static ClientCore core;

    private final SuiteDatabase server;

    IncludeShapesIT(SuiteDatabase server) {
        this.server = server;
    }

    @BeforeAll
    static void pushAndConnect(SuiteDatabase server) {
        push(server);
        provider = new CapturingProvider(server.dialect());
        core = Publishing.core(server, provider, 4);
    }

    @AfterAll
    static void close() {
        core.closeAsync().block(WAIT);
    }

    @BeforeEach
    void seedTheHouse() {
        seed(server);
        provider.drainRendered();
    }

    private static List<String> findMany(int model, Query query) {
        return describe(model, core.execute(new Operation.FindMany(model, query)).block(WAIT).rows());
    }

    private static List<String> streamed(int model, Query query) {
        return describe(model, core.stream(new Operation.FindMany(model, query)).collectList().block(WAIT));
    }

    private static List<String> run(Operation operation) {
        return describe(operation.model(), core.execute(operation).block(WAIT).rows());
    }

    @Test
    void oneToOneLoadsFromEitherSide() {
        assertThat(findMany(USER, new UserFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.profile(p -> p.select(s -> s.bio()))).build()))
                .containsExactly("User{name=ada, profile=Profile{bio=ada's}}", "User{name=bob, profile=Profile{bio=bob's}}",
                        "User{name=cy, profile=none}", "User{name=dee, profile=none}");

        assertThat(findMany(PROFILE, new ProfileFindMany().orderBy(o -> o.id().asc()).select(s -> s.bio())
                .include(i -> i.user(u -> u.select(s -> s.name()))).build()))
                .containsExactly("Profile{bio=ada's, user=User{name=ada}}", "Profile{bio=bob's, user=User{name=bob}}");
        assertThat(provider.drainRendered()).as("one statement for the rows and one per include").hasSize(4);
    }

    @Test
    void oneToManyAppliesItsFilterOrderAndTakeToEachParent() {
        assertThat(findMany(USER, new UserFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.where(w -> w.published().eq(true)).orderBy(o -> o.views().desc()).take(2)
                        .select(s -> s.title()))).build()))
                .containsExactly("User{name=ada, posts=[Post{title=a1}, Post{title=a3}]}",
                        "User{name=bob, posts=[Post{title=b1}, Post{title=b2}]}",
                        "User{name=cy, posts=[]}", "User{name=dee, posts=[]}");
    }

    @Test
    void skipAndTakePageEachParentsRecordsOnTheirOwn() {
        Query secondMostViewed = new UserFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.views().desc()).skip(1).take(1).select(s -> s.title())))
                .build();

        assertThat(findMany(USER, secondMostViewed)).containsExactly("User{name=ada, posts=[Post{title=a1}]}",
                "User{name=bob, posts=[Post{title=b2}]}", "User{name=cy, posts=[]}", "User{name=dee, posts=[]}");
        assertThat(findMany(USER, new UserFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.id().asc()).skip(2).select(s -> s.title()))).build()))
                .as("skip alone").containsExactly("User{name=ada, posts=[Post{title=a3}]}", "User{name=bob, posts=[]}",
                        "User{name=cy, posts=[]}", "User{name=dee, posts=[]}");
    }

    @Test
    void manyToOneLoadsEachParentsTargetAndIgnoresTheFilterOfAToOneInclude() {
        assertThat(findMany(POST, new PostFindMany().orderBy(o -> o.id().asc()).select(s -> s.title())
                .include(i -> i.author(a -> a.where(w -> w.name().eq("nobody")).select(s -> s.name()))).build()))
                .containsExactly("Post{title=a1, author=User{name=ada}}", "Post{title=a2, author=User{name=ada}}",
                        "Post{title=a3, author=User{name=ada}}", "Post{title=b1, author=User{name=bob}}",
                        "Post{title=b2, author=User{name=bob}}");
    }

    @Test
    void twoNamedRelationsBetweenTheSameModelsLoadApart() {
        assertThat(findMany(POST, new PostFindMany().orderBy(o -> o.id().asc()).select(s -> s.title())
                .include(i -> i.author(a -> a.select(s -> s.name())).editor(e -> e.select(s -> s.name()))).build()))
                .containsExactly("Post{title=a1, author=User{name=ada}, editor=User{name=bob}}",
                        "Post{title=a2, author=User{name=ada}, editor=none}",
                        "Post{title=a3, author=User{name=ada}, editor=User{name=cy}}",
                        "Post{title=b1, author=User{name=bob}, editor=User{name=ada}}",
                        "Post{title=b2, author=User{name=bob}, editor=User{name=ada}}");

        assertThat(findMany(USER, new UserFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.id().asc()).select(s -> s.title()))
                        .edited(p -> p.orderBy(o -> o.id().asc()).select(s -> s.title()))).build()))
                .containsExactly(
                        "User{name=ada, posts=[Post{title=a1}, Post{title=a2}, Post{title=a3}],"
                                + " edited=[Post{title=b1}, Post{title=b2}]}",
                        "User{name=bob, posts=[Post{title=b1}, Post{title=b2}], edited=[Post{title=a1}]}",
                        "User{name=cy, posts=[], edited=[Post{title=a3}]}",
                        "User{name=dee, posts=[], edited=[]}");
    }

    @Test
    void implicitManyToManyLoadsThroughTheJoinTableFromEitherSide() {
        assertThat(findMany(POST, new PostFindMany().orderBy(o -> o.id().asc()).select(s -> s.title())
                .include(i -> i.tags(t -> t.orderBy(o -> o.name().asc()).select(s -> s.name()))).build()))
                .containsExactly("Post{title=a1, tags=[Tag{name=java}, Tag{name=sql}]}", "Post{title=a2, tags=[Tag{name=sql}]}",
                        "Post{title=a3, tags=[]}", "Post{title=b1, tags=[Tag{name=java}]}", "Post{title=b2, tags=[]}");

        assertThat(findMany(TAG, new TagFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.views().desc()).select(s -> s.title()))).build()))
                .containsExactly("Tag{name=java, posts=[Post{title=b1}, Post{title=a1}]}",
                        "Tag{name=sql, posts=[Post{title=a2}, Post{title=a1}]}", "Tag{name=go, posts=[]}");

        assertThat(findMany(TAG, new TagFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.views().asc()).take(1).select(s -> s.title()))).build()))
                .as("paged through the join table").containsExactly("Tag{name=java, posts=[Post{title=a1}]}",
                        "Tag{name=sql, posts=[Post{title=a1}]}", "Tag{name=go, posts=[]}");
    }

    @Test
    void explicitManyToManyLoadsTheJoinModelAndItsTarget() {
        assertThat(findMany(POST, new PostFindMany().where(w -> w.id().in(10, 13)).orderBy(o -> o.id().asc())
                .select(s -> s.title())
                .include(i -> i.categories(c -> c.orderBy(o -> o.categoryId().desc())
                        .include(j -> j.category(k -> k.select(s -> s.name()))))).build()))
                .containsExactly("Post{title=a1, categories=["
                                + "PostCategory{postId=10, category=Category{name=tech}, categoryId=2}, "
                                + "PostCategory{postId=10, category=Category{name=news}, categoryId=1}]}",
                        "Post{title=b1, categories=[PostCategory{postId=13, category=Category{name=tech}, categoryId=2}]}");
    }

    @Test
    void selfRelationsLoadManagersReportsAndFollowers() {
        assertThat(findMany(USER, new UserFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.manager(m -> m.select(s -> s.name()))
                        .reports(r -> r.orderBy(o -> o.id().asc()).select(s -> s.name()))).build()))
                .containsExactly("User{name=ada, manager=none, reports=[User{name=bob}, User{name=cy}]}",
                        "User{name=bob, manager=User{name=ada}, reports=[User{name=dee}]}",
                        "User{name=cy, manager=User{name=ada}, reports=[]}",
                        "User{name=dee, manager=User{name=bob}, reports=[]}");

        assertThat(findMany(USER, new UserFindMany().orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.following(f -> f.orderBy(o -> o.id().asc()).select(s -> s.name()))
                        .followedBy(f -> f.orderBy(o -> o.id().asc()).select(s -> s.name()))).build()))
                .containsExactly("User{name=ada, following=[User{name=bob}, User{name=cy}], followedBy=[User{name=bob}]}",
                        "User{name=bob, following=[User{name=ada}], followedBy=[User{name=ada}]}",
                        "User{name=cy, following=[], followedBy=[User{name=ada}]}",
                        "User{name=dee, following=[], followedBy=[]}");

        assertThat(findMany(COMMENT, new CommentFindMany().where(w -> w.parentId().isNull()).orderBy(o -> o.id().asc())
                .select(s -> s.body())
                .include(i -> i.replies(r -> r.orderBy(o -> o.id().asc()).select(s -> s.body())
                        .include(j -> j.replies(k -> k.select(s -> s.body()))))).build()))
                .containsExactly("Comment{body=c1, replies=[Comment{body=r1, replies=[Comment{body=rr1}]},"
                                + " Comment{body=r2, replies=[]}]}",
                        "Comment{body=c2, replies=[]}", "Comment{body=c3, replies=[]}");
    }

    @Test
    void compoundForeignKeysLoadFromEitherSide() {
        assertThat(findMany(SHELF, new ShelfFindMany().orderBy(o -> o.aisle().asc()).orderBy(o -> o.number_().asc())
                .select(s -> s.label()).include(i -> i.items(t -> t.orderBy(o -> o.id().asc()).select(s -> s.sku())))
                .build()))
                .containsExactly("Shelf{label=top, items=[Item{sku=x1}, Item{sku=x2}]}", "Shelf{label=middle, items=[]}",
                        "Shelf{label=floor, items=[Item{sku=x3}]}");

        assertThat(findMany(ITEM, new ItemFindMany().orderBy(o -> o.id().asc()).select(s -> s.sku())
                .include(i -> i.shelf(s -> s.select(f -> f.label()))).build()))
                .containsExactly("Item{sku=x1, shelf=Shelf{label=top}}", "Item{sku=x2, shelf=Shelf{label=top}}",
                        "Item{sku=x3, shelf=Shelf{label=floor}}", "Item{sku=x4, shelf=none}");
    }

    @Test
    void everyLevelHasItsOwnQueryAndEachLevelIsOneStatement() {
        Query query = new UserFindMany().where(w -> w.id().lte(3)).orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.where(w -> w.published().eq(true)).orderBy(o -> o.id().asc())
                        .select(s -> s.title())
                        .include(j -> j.comments(c -> c.where(w -> w.parentId().isNull()).orderBy(o -> o.id().asc())
                                .select(s -> s.body())
                                .include(k -> k.author(a -> a.select(s -> s.name()))
                                        .replies(r -> r.orderBy(o -> o.likes().desc()).select(s -> s.body())))))))
                .build();

        List<String> collected = findMany(USER, query);

        assertThat(collected).containsExactly(
                "User{name=ada, posts=[Post{title=a1, comments=["
                        + "Comment{body=c1, author=User{name=bob}, replies=[Comment{body=r2}, Comment{body=r1}]}, "
                        + "Comment{body=c2, author=User{name=cy}, replies=[]}]}, Post{title=a3, comments=[]}]}",
                "User{name=bob, posts=[Post{title=b1, comments=[Comment{body=c3, author=User{name=ada}, replies=[]}]},"
                        + " Post{title=b2, comments=[]}]}",
                "User{name=cy, posts=[]}");
        assertThat(provider.drainRendered()).as("users, posts, comments, their authors, their replies").hasSize(5);
        assertThat(streamed(USER, query)).as("streamed alike").isEqualTo(collected);
    }

    @Test
    void includedRecordsCarryTheirRelationCounts() {
        Query query = new UserFindMany().where(w -> w.id().lte(2)).orderBy(o -> o.id().asc()).select(s -> s.name())
                .include(i -> i.posts(p -> p.orderBy(o -> o.id().asc()).select(s -> s.title()))).build();
        Selection.RelationCount comments = new Selection.RelationCount(8, Filter.ALL);
        Selection.RelationCount javaTags = new Selection.RelationCount(9,
                new Filter.Comparison(1, Filter.Operator.EQUALS, "java", Filter.Mode.DEFAULT));

        assertThat(findMany(USER, countingPosts(query, null, comments, javaTags))).containsExactly(
                "User{name=ada, posts=[Post{title=a1, _count={comments=5, tags=1}}, Post{title=a2, _count={comments=0, tags=0}},"
                        + " Post{title=a3, _count={comments=0, tags=0}}]}",
                "User{name=bob, posts=[Post{title=b1, _count={comments=1, tags=1}}, Post{title=b2, _count={comments=0, tags=0}}]}");
        assertThat(findMany(USER, countingPosts(query, 1, comments, javaTags))).as("paged").containsExactly(
                "User{name=ada, posts=[Post{title=a1, _count={comments=5, tags=1}}]}",
                "User{name=bob, posts=[Post{title=b1, _count={comments=1, tags=1}}]}");
    }

    /** {@code query} whose one include (of posts) counts {@code counts} and takes {@code take} of them. */
    private static Query countingPosts(Query query, Integer take, Selection.RelationCount... counts) {
        Selection.Include posts = query.selection().includes().get(0);
        Query related = posts.query();
        Query counting = new Query(related.where(), related.orderBy(), related.skip(), take, null, List.of(),
                new Selection(related.selection().fields(), List.of(), List.of(counts)));
        return new Query(query.where(), query.orderBy(), 0, null, null, List.of(),
                new Selection(query.selection().fields(), List.of(new Selection.Include(posts.field(), counting))));
    }

    @Test
    void uniqueAndFirstReadsLoadTheirIncludes() {
        Query include = new PostFindMany().select(s -> s.title())
                .include(i -> i.author(a -> a.select(s -> s.name())).tags(t -> t.select(s -> s.name()))).build();
        assertThat(run(new Operation.FindUnique(POST, new PostWhereUnique().id(13).build(), include.selection())))
                .containsExactly("Post{title=b1, author=User{name=bob}, tags=[Tag{name=java}]}");

        Query first = new PostFindMany().where(w -> w.title().startsWith("b")).orderBy(o -> o.views().asc())
                .select(s -> s.title()).include(i -> i.author(a -> a.select(s -> s.name()))).build();
        assertThat(run(new Operation.FindFirst(POST, first))).containsExactly("Post{title=b2, author=User{name=bob}}");
    }

    @Test
    void writesReturnTheirRecordsWithIncludes() {
        Selection withAuthor = new PostFindMany().select(s -> s.title())
                .include(i -> i.author(a -> a.select(s -> s.name())).editor(e -> e.select(s -> s.name()))).build()
                .selection();

        assertThat(run(new Operation.Create(POST, new PostCreate().title("c1").authorId(3).editorId(4).build(),
                withAuthor))).containsExactly("Post{title=c1, author=User{name=cy}, editor=User{name=dee}}");
        assertThat(run(new Operation.Update(POST, new PostWhereUnique().id(11).build(),
                new PostUpdate().editorId(2).build(), withAuthor)))
                .containsExactly("Post{title=a2, author=User{name=ada}, editor=User{name=bob}}");
        assertThat(run(new Operation.Upsert(POST, new PostWhereUnique().id(12).build(),
                new PostCreate().id(12).title("never").authorId(4).build(), new PostUpdate().title("a3!").build(), withAuthor)))
                .containsExactly("Post{title=a3!, author=User{name=ada}, editor=User{name=cy}}");
        assertThat(run(new Operation.CreateManyAndReturn(POST, List.of(new PostCreate().title("d1").authorId(4).build(),
                new PostCreate().title("d2").authorId(2).build()), false, withAuthor)))
                .containsExactlyInAnyOrder("Post{title=d1, author=User{name=dee}, editor=none}",
                        "Post{title=d2, author=User{name=bob}, editor=none}");
        assertThat(run(new Operation.UpdateManyAndReturn(POST, new PostFindMany().where(w -> w.authorId().eq(2)).build()
                .where(), new PostUpdate().views(0).build(), withAuthor)))
                .containsExactlyInAnyOrder("Post{title=b1, author=User{name=bob}, editor=User{name=ada}}",
                        "Post{title=b2, author=User{name=bob}, editor=User{name=ada}}",
                        "Post{title=d2, author=User{name=bob}, editor=none}");
    }

    @Test
    void aDeleteReturnsTheRelatedRecordsItsCascadeRemoves() {
        Selection withComments = new PostFindMany().select(s -> s.title())
                .include(i -> i.comments(c -> c.orderBy(o -> o.id().asc()).select(s -> s.body()))
                        .tags(t -> t.select(s -> s.name()))).build().selection();

        assertThat(run(new Operation.Delete(POST, new PostWhereUnique().id(10).build(), withComments)))
                .containsExactly("Post{title=a1, comments=[Comment{body=c1}, Comment{body=c2}, Comment{body=r1},"
                        + " Comment{body=r2}, Comment{body=rr1}], tags=[Tag{name=java}, Tag{name=sql}]}");
        assertThat(findMany(COMMENT, new CommentFindMany().orderBy(o -> o.id().asc()).select(s -> s.body()).build()))
                .containsExactly("Comment{body=c3}");

        StepVerifier.create(core.execute(new Operation.Delete(POST, new PostWhereUnique().id(10).build(), withComments)))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
    }

    @Test
    void includingAScalarFieldFailsNamingModelAndField() {
        Query query = new Query(Filter.ALL, List.of(), 0, null, null, List.of(),
                new Selection(List.of(), List.of(new Selection.Include(1, Query.ALL))));

        StepVerifier.create(core.execute(new Operation.FindMany(USER, query)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("email").hasMessageContaining("User").hasMessageContaining("not a relation"))
                .verify(WAIT);
        assertThat(provider.drainRendered()).as("nothing ran").isEmpty();
    }

    @Test
    void aCursorInAnIncludeIsRejectedSayingHowToPage() {
        Query query = new UserFindMany().include(i -> i.posts(p -> p.cursor(c -> c.id(11)))).build();

        StepVerifier.create(core.execute(new Operation.FindMany(USER, query)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("User.posts").hasMessageContaining("skip and take"))
                .verify(WAIT);
    }
}
