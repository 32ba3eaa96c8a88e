package dev.refract.r2dbc.suite.relations.client;

import static dev.refract.r2dbc.suite.relations.client.PublishingHouse.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.CommentField;
import com.example.relations.db.PostAggregate;
import com.example.relations.db.PostField;
import com.example.relations.db.PostGroup;
import com.example.relations.db.PostGroupByQuery;
import com.example.relations.db.RefractClient;
import com.example.relations.db.UserField;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Aggregates, per-field counts and group-bys through the generated client, against
 * the posts of {@link PublishingHouse}, asserting exact typed results.
 *
 * <p>The posts, by author: ann 10 (100 views, edited), 11 (50); bob 12 (70, edited); cat 13 (10),
 * 14 (0, edited, draft); dan 15 (30). Drafts: 11 and 14.
 */
@RelationalSuite
class AggregatesAndGroupByIT {

    private static final PostAggregate.Sum NO_SUM = new PostAggregate.Sum(null, null, null, null);
    private static final PostAggregate.Avg NO_AVG = new PostAggregate.Avg(null, null, null, null);
    private static final PostAggregate.Bounds NO_BOUNDS = new PostAggregate.Bounds(null, null, null, null, null, null);
    private static final PostAggregate.Counts NO_COUNTS = new PostAggregate.Counts(null, null, null, null, null, null,
            null);

    private static RefractClient db;

    @BeforeAll
    static void fill(SuiteDatabase server) {
        db = PublishingHouse.open(server);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.closeAsync().block(WAIT);
        }
    }

    private static List<PostGroup> groups(Consumer<PostGroupByQuery> query) {
        return db.post().groupBy(query).collectList().block(WAIT);
    }

    /** The authors of the groups of posts by author that {@code query} returns, in order. */
    private static List<Integer> authors(Consumer<PostGroupByQuery> query) {
        return db.post().groupBy(g -> query.accept(g.by(PostField.AUTHOR_ID))).map(PostGroup::authorId).collectList()
                .block(WAIT);
    }

    private static PostAggregate.Sum sumOfViews(Long views) {
        return new PostAggregate.Sum(null, views, null, null);
    }

    private static PostAggregate.Avg avgOfViews(Double views) {
        return new PostAggregate.Avg(null, views, null, null);
    }

    private static PostAggregate.Bounds boundsOfViews(Integer views) {
        return new PostAggregate.Bounds(null, null, views, null, null, null);
    }

    private static PostAggregate.Counts countOfEditors(Long editors) {
        return new PostAggregate.Counts(null, null, null, null, null, editors, null);
    }

    // ---------------------------------------------------------------------------------- aggregate

    @Test
    void aggregateComputesEveryFunctionAndCountsTheValuesOfEachField() {
        PostAggregate result = db.post().aggregate(a -> a.count().sum(PostField.VIEWS).avg(PostField.VIEWS)
                .min(PostField.VIEWS, PostField.TITLE).max(PostField.VIEWS, PostField.TITLE)
                .count(PostField.EDITOR_ID, PostField.TITLE)).block(WAIT);

        assertThat(result.count()).isEqualTo(6L);
        assertThat(result.sum()).isEqualTo(sumOfViews(260L));
        assertThat(result.avg().views()).isCloseTo(260.0 / 6, Offset.offset(1e-9));
        assertThat(result.avg()).isEqualTo(new PostAggregate.Avg(null, result.avg().views(), null, null));
        assertThat(result.min()).isEqualTo(new PostAggregate.Bounds(null, "Go", 0, null, null, null));
        assertThat(result.max()).isEqualTo(new PostAggregate.Bounds(null, "Zig", 100, null, null, null));
        assertThat(result.counts()).isEqualTo(new PostAggregate.Counts(null, 6L, null, null, null, 3L, null));
    }

    @Test
    void aggregateFiltersThroughRelationsSortsAndPages() {
        assertThat(db.post().aggregate(a -> a.where(w -> w.author().is(u -> u.name().eq("ann"))).sum(PostField.VIEWS)
                .count()).block(WAIT)).isEqualTo(new PostAggregate(2L, sumOfViews(150L), NO_AVG, NO_BOUNDS, NO_BOUNDS,
                NO_COUNTS));
        assertThat(db.post().aggregate(a -> a.orderBy(o -> o.views().desc()).take(3).sum(PostField.VIEWS).count())
                .block(WAIT)).isEqualTo(new PostAggregate(3L, sumOfViews(220L), NO_AVG, NO_BOUNDS, NO_BOUNDS, NO_COUNTS));
        assertThat(db.post().aggregate(a -> a.orderBy(o -> o.author(u -> u.name().asc()).id().asc()).skip(2).take(2)
                .min(PostField.VIEWS).max(PostField.VIEWS)).block(WAIT))
                .as("the posts of bob and the first of cat").isEqualTo(new PostAggregate(null, NO_SUM, NO_AVG,
                        boundsOfViews(10), boundsOfViews(70), NO_COUNTS));
    }

    @Test
    void anAggregateSortedByARelationCountTakesTheFirstRecords() {
        // ann and cat wrote two posts each
        assertThat(db.user().aggregate(a -> a.orderBy(o -> o.posts().count().desc().id().asc()).take(2).count()
                .min(UserField.NAME).max(UserField.NAME)).block(WAIT))
                .satisfies(result -> {
                    assertThat(result.count()).isEqualTo(2L);
                    assertThat(result.min().name()).isEqualTo("ann");
                    assertThat(result.max().name()).isEqualTo("cat");
                });
    }

    @Test
    void anAggregateOverNoRecordsCountsZeroAndHasNoValues() {
        assertThat(db.post().aggregate(a -> a.where(w -> w.views().gt(1000)).count().sum(PostField.VIEWS)
                .avg(PostField.VIEWS).min(PostField.VIEWS).max(PostField.VIEWS).count(PostField.TITLE)).block(WAIT))
                .isEqualTo(new PostAggregate(0L, NO_SUM, NO_AVG, NO_BOUNDS, NO_BOUNDS,
                        new PostAggregate.Counts(null, 0L, null, null, null, null, null)));
    }

    @Test
    void countFieldsCountsTheRecordsWhereEachFieldHoldsAValue() {
        assertThat(db.post().countFields(q -> q.where(w -> w.published().eq(true)), PostField.EDITOR_ID, PostField.ID)
                .block(WAIT)).isEqualTo(new PostAggregate.Counts(4L, null, null, null, null, 2L, null));
        assertThat(db.post().countFields(q -> q.where(w -> w.tags().some(t -> {})), PostField.EDITOR_ID).block(WAIT))
                .isEqualTo(countOfEditors(3L));
        StepVerifier.create(db.post().countFields(q -> {}))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("countFields on Post needs at least one field"))
                .verify(WAIT);
    }

    // ------------------------------------------------------------------------------------ groupBy

    @Test
    void groupsCarryTheirKeysAndEveryAggregate() {
        List<PostGroup> groups = groups(g -> g.by(PostField.AUTHOR_ID).count().sum(PostField.VIEWS).avg(PostField.VIEWS)
                .min(PostField.VIEWS).max(PostField.VIEWS).count(PostField.EDITOR_ID).orderBy(o -> o.authorId().asc()));

        assertThat(groups).containsExactly(
                group(1, 2L, 150L, 75.0, 50, 100, 1L),
                group(2, 1L, 70L, 70.0, 70, 70, 1L),
                group(3, 2L, 10L, 5.0, 0, 10, 1L),
                group(4, 1L, 30L, 30.0, 30, 30, 0L));
    }

    private static PostGroup group(int author, Long count, Long sum, Double avg, Integer min, Integer max, Long editors) {
        return new PostGroup(null, null, null, null, author, null, null, count, sumOfViews(sum), avgOfViews(avg),
                boundsOfViews(min), boundsOfViews(max), countOfEditors(editors));
    }

    @Test
    void groupsByANullableKeyAndByTwoKeys() {
        assertThat(groups(g -> g.by(PostField.EDITOR_ID).count().orderBy(o -> o.editorId().nullsFirst().asc())))
                .extracting(group -> group.editorId() + ":" + group.count())
                .containsExactly("null:3", "1:1", "2:1", "3:1");
        assertThat(groups(g -> g.by(PostField.PUBLISHED, PostField.AUTHOR_ID).sum(PostField.VIEWS)
                .where(w -> w.author().is(a -> a.name().in("ann", "cat")))
                .orderBy(o -> o.published().asc().authorId().asc())))
                .extracting(group -> group.published() + "/" + group.authorId() + ":" + group.sum().views())
                .containsExactly("false/1:50", "false/3:0", "true/1:100", "true/3:10");
    }

    @Test
    void groupsSortByTheirKeysAndByEachAggregate() {
        // views per author: ann 100 + 50, bob 70, cat 10 + 0, dan 30
        assertThat(authors(g -> g.orderBy(o -> o.authorId().desc()))).containsExactly(4, 3, 2, 1);
        assertThat(authors(g -> g.orderBy(o -> o.sum(PostField.VIEWS).desc()))).containsExactly(1, 2, 4, 3);
        assertThat(authors(g -> g.orderBy(o -> o.count().desc().authorId().asc()))).containsExactly(1, 3, 2, 4);
        assertThat(authors(g -> g.orderBy(o -> o.avg(PostField.VIEWS).asc()))).containsExactly(3, 4, 2, 1);
        assertThat(authors(g -> g.orderBy(o -> o.min(PostField.VIEWS).desc()))).containsExactly(2, 1, 4, 3);
        assertThat(authors(g -> g.orderBy(o -> o.max(PostField.VIEWS).asc()))).containsExactly(3, 4, 2, 1);
        assertThat(authors(g -> g.orderBy(o -> o.count(PostField.EDITOR_ID).asc().authorId().asc())))
                .containsExactly(4, 1, 2, 3);
        assertThat(authors(g -> g.orderBy(o -> o.min(PostField.TITLE).asc()))).as("first titles: Java tips, Rust, Go, Nim")
                .containsExactly(3, 1, 4, 2);
    }

    @Test
    void groupsSortByAnAggregateWithMissingValuesFirstOrLast() {
        // the least editor per author: ann 2, bob 1, cat 3, dan none
        assertThat(authors(g -> g.orderBy(o -> o.min(PostField.EDITOR_ID).nullsFirst().asc()))).containsExactly(4, 2, 1, 3);
        assertThat(authors(g -> g.orderBy(o -> o.min(PostField.EDITOR_ID).nullsLast().desc()))).containsExactly(3, 1, 2, 4);
    }

    @Test
    void groupsSortedByAnAggregatePage() {
        assertThat(authors(g -> g.orderBy(o -> o.sum(PostField.VIEWS).desc()).skip(1).take(2))).containsExactly(2, 4);
        assertThat(authors(g -> g.orderBy(o -> o.sum(PostField.VIEWS).desc()).take(1))).containsExactly(1);
        assertThat(authors(g -> g.orderBy(o -> o.sum(PostField.VIEWS).desc()).skip(3))).containsExactly(3);
    }

    @Test
    void havingFiltersGroupsByAggregatesAndByKeys() {
        assertThat(authors(g -> g.count().having(h -> h.count().gt(1L)).orderBy(o -> o.authorId().asc())))
                .containsExactly(1, 3);
        assertThat(authors(g -> g.sum(PostField.VIEWS).having(h -> h.sumViews().gte(70L)).orderBy(o -> o.authorId().asc())))
                .containsExactly(1, 2);
        assertThat(authors(g -> g.having(h -> h.avgViews().lt(40.0)).orderBy(o -> o.authorId().asc())))
                .as("a having may test an aggregate the query does not return").containsExactly(3, 4);
        assertThat(authors(g -> g.having(h -> h.minViews().gte(30).maxViews().lt(100)).orderBy(o -> o.authorId().asc())))
                .containsExactly(2, 4);
        assertThat(authors(g -> g.having(h -> h.minTitle().lt("K")).orderBy(o -> o.authorId().asc())))
                .as("first titles Java tips and Go").containsExactly(1, 3);
        assertThat(authors(g -> g.having(h -> h.authorId().in(1, 2, 3).or(a -> a.count().gte(2L), b -> b.sumViews()
                .lt(50L))).orderBy(o -> o.authorId().asc()))).containsExactly(1, 3);
        assertThat(authors(g -> g.having(h -> h.not(n -> n.authorId().eq(1))).orderBy(o -> o.count().desc()
                .sum(PostField.VIEWS).desc()).take(2))).containsExactly(3, 2);
    }

    @Test
    void havingWhereAndOrderTogether() {
        assertThat(authors(g -> g.where(w -> w.published().eq(true)).having(h -> h.sumViews().gt(20L))
                .orderBy(o -> o.sum(PostField.VIEWS).asc()))).containsExactly(4, 2, 1);
        assertThat(authors(g -> g.where(w -> w.author().is(a -> a.manager().is(m -> m.name().eq("ann")))).count()
                .orderBy(o -> o.authorId().asc()))).containsExactly(2, 3);
        assertThat(db.comment().groupBy(g -> g.by(CommentField.POST_ID).sum(CommentField.LIKES)
                        .where(w -> w.post().is(p -> p.tags().none(t -> {}))).orderBy(o -> o.postId().asc()))
                .map(group -> group.postId() + ":" + group.sum().likes()).collectList().block(WAIT))
                .as("likes on the untagged posts 13 and 15").containsExactly("13:1", "15:2");
    }
}
