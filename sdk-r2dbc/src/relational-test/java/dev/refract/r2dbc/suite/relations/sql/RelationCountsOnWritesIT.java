package dev.refract.r2dbc.suite.relations.sql;

import static dev.refract.r2dbc.suite.relations.sql.Publishing.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.Selection.RelationCount;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.r2dbc.R2dbcAdapter;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Writes that return their records (with {@code RETURNING}, or read back where the server has none)
 * count relations too, against the publishing house of {@link Publishing}; each test writes records
 * of its own.
 */
@RelationalSuite
class RelationCountsOnWritesIT {

    private static R2dbcAdapter adapter;
    @BeforeAll
    static void fill(SuiteDatabase server) {
        pushAndFill(server);
        adapter = adapter(server);
    }

    @AfterAll
    static void close() {
        if (adapter != null) {
            adapter.close().block(Duration.ofSeconds(10));
        }
    }

    private static Row single(Operation operation) {
        List<Row> rows = adapter.execute(operation).block(Duration.ofSeconds(10)).rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static Selection counting(RelationCount... counts) {
        return new Selection(List.of(USER_ID, USER_NAME), List.of(), List.of(counts));
    }

    private static WriteData data(FieldWrite... writes) {
        return new WriteData(List.of(writes));
    }

    private static FieldWrite set(int field, Object value) {
        return new FieldWrite(field, WriteOp.SET, value);
    }

    @Test
    void aCreatedRecordCountsNothingYet() {
        Row created = single(new Operation.Create(USER, data(set(USER_EMAIL, "new@x"), set(USER_NAME, "new")),
                counting(new RelationCount(USER_POSTS, Filter.ALL), new RelationCount(USER_FOLLOWING, Filter.ALL))));

        assertThat(created.get(USER_NAME)).isEqualTo("new");
        assertThat(created.getCounts(USER_FIELDS)).containsOnly(entry(USER_POSTS, 0L), entry(USER_FOLLOWING, 0L));
    }

    @Test
    void anUpdateReturnsTheCountsOfTheRecordItChanged() {
        Row updated = single(new Operation.Update(USER, eq(USER_ID, 1), data(set(USER_NAME, "ann")),
                counting(new RelationCount(USER_POSTS, Filter.ALL),
                        new RelationCount(USER_FOLLOWED_BY, related(USER_MANAGER, Filter.Quantifier.IS,
                                eq(USER_NAME, "ann"))))));

        assertThat(updated.get(USER_ID)).isEqualTo(1);
        assertThat(updated.getCounts(USER_FIELDS)).containsOnly(entry(USER_POSTS, 2L), entry(USER_FOLLOWED_BY, 2L));
    }

    @Test
    void upsertsGuardTheirUpdateThroughRelationsAndCountWhatTheRecordHas() {
        Filter bobWithAPublishedPost = and(eq(USER_EMAIL, "bob@x"), related(USER_POSTS, Filter.Quantifier.SOME,
                eq(POST_PUBLISHED, true)));
        Filter bobWithADraft = and(eq(USER_EMAIL, "bob@x"), related(USER_POSTS, Filter.Quantifier.SOME,
                eq(POST_PUBLISHED, false)));

        Row upserted = single(new Operation.Upsert(USER, bobWithAPublishedPost,
                data(set(USER_EMAIL, "bob@x"), set(USER_NAME, "bob")), data(set(USER_NAME, "bob")),
                counting(new RelationCount(USER_POSTS, eq(POST_PUBLISHED, true)))));
        Mono<List<Row>> guarded = adapter.execute(new Operation.Upsert(USER, bobWithADraft,
                data(set(USER_EMAIL, "bob@x"), set(USER_NAME, "bob")), data(set(USER_NAME, "robert")),
                counting())).map(Result::rows);

        assertThat(upserted.get(USER_ID)).isEqualTo(2);
        assertThat(upserted.getCounts(USER_FIELDS)).containsOnly(entry(USER_POSTS, 1L));
        StepVerifier.create(guarded).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(UniqueConstraintViolationException.class)
                .satisfies(violation -> assertThat(((UniqueConstraintViolationException) violation).model())
                        .isEqualTo("User"))).verify(Duration.ofSeconds(10));
        assertThat(single(new Operation.FindUnique(USER, eq(USER_EMAIL, "bob@x"), new Selection(List.of(USER_NAME),
                List.of()))).get(USER_NAME)).as("the guard kept the update from happening").isEqualTo("bob");
    }

    @Test
    void manyRowWritesCountForEveryRowTheyReturn() {
        List<Row> created = adapter.execute(new Operation.CreateManyAndReturn(USER, List.of(
                data(set(USER_EMAIL, "u1@x"), set(USER_NAME, "u1")), data(set(USER_EMAIL, "u2@x"), set(USER_NAME, "u2"))),
                false, counting(new RelationCount(USER_COMMENTS, Filter.ALL)))).block(Duration.ofSeconds(10)).rows();
        Object first = created.get(0).get(USER_ID);
        Object second = created.get(1).get(USER_ID);
        adapter.execute(new Operation.CreateMany(COMMENT, List.of(data(set(COMMENT_BODY, "first!"),
                set(COMMENT_POST_ID, 10), set(COMMENT_AUTHOR_ID, first))),
                false)).block(Duration.ofSeconds(10));

        List<Row> updated = adapter.execute(new Operation.UpdateManyAndReturn(USER, compare(USER_ID,
                Filter.Operator.IN, List.of(first, second)), data(set(USER_NAME, "renamed")),
                counting(new RelationCount(USER_COMMENTS, Filter.ALL)))).block(Duration.ofSeconds(10)).rows();

        assertThat(created).extracting(row -> row.getCounts(USER_FIELDS).get(USER_COMMENTS)).containsExactly(0L, 0L);
        assertThat(updated).extracting(row -> row.get(USER_ID) + ":" + row.get(USER_NAME) + ":"
                + row.getCounts(USER_FIELDS).get(USER_COMMENTS))
                .containsExactlyInAnyOrder(first + ":renamed:1", second + ":renamed:0");
    }

    @Test
    void aDeleteReturnsTheCountsTheRecordHadBeforeItWent() {
        Row author = single(new Operation.Create(USER, data(set(USER_EMAIL, "gone@x"), set(USER_NAME, "gone")),
                counting()));
        Object id = author.get(USER_ID);
        adapter.execute(new Operation.CreateMany(POST, List.of(
                data(set(POST_TITLE, "a"), set(POST_AUTHOR_ID, id)), data(set(POST_TITLE, "b"), set(POST_AUTHOR_ID, id))),
                false)).block(Duration.ofSeconds(10));

        Row deleted = single(new Operation.Delete(USER, eq(USER_ID, id),
                counting(new RelationCount(USER_POSTS, Filter.ALL))));

        assertThat(deleted.get(USER_NAME)).isEqualTo("gone");
        assertThat(deleted.getCounts(USER_FIELDS)).containsOnly(entry(USER_POSTS, 2L));
    }
}
