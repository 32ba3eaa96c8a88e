package dev.refract.redis.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.redis.codec.CodecRegistry;
import dev.refract.redis.record.StoredModel;
import dev.refract.redis.record.StoredRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Order, cursor, distinct, paging, selection and aggregates on the client, as the SQL adapters apply them. */
class QueryShapeTest {

    private static final ModelMeta SCORE = new ModelMeta("Score", "Score", 0, 0, List.of(
            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
            FieldMeta.scalar("team", ScalarType.STRING, Arity.REQUIRED),
            FieldMeta.scalar("points", ScalarType.INT, Arity.OPTIONAL)), KeyMeta.of(0), List.of(), List.of(), null, 0);
    private static final SchemaMeta SCHEMA = new SchemaMeta(List.of(DatasourceMeta.withUrl("kv", 0, Provider.REDIS,
            "redis://h", PoolMeta.DEFAULTS)), List.of(SCORE));
    private static final StoredModel MODEL = new StoredModel(SCHEMA, SCORE, "t", CodecRegistry.defaults());

    private static StoredRecord score(String id, String team, Integer points) {
        return new StoredRecord(id, new Object[] {id, team, points}, new String[3]);
    }

    private static final List<StoredRecord> SCORES = List.of(score("a", "red", 3), score("b", "blue", null),
            score("c", "red", 1), score("d", "blue", 3), score("e", "red", null));

    private static List<String> ids(Query query, StoredRecord cursor) {
        return QueryShape.apply(MODEL, query, Flux.fromIterable(SCORES), cursor == null ? Flux.empty()
                : Flux.just(cursor)).map(StoredRecord::id).collectList().block();
    }

    private static Query query(List<OrderBy> order, int skip, Integer take, Filter cursor, List<Integer> distinct) {
        return new Query(Filter.ALL, order, skip, take, cursor, distinct, Selection.ALL);
    }

    @Test
    void missingValuesSortLastAscendingAndFirstDescendingUnlessTold() {
        assertThat(ids(query(List.of(new OrderBy(2, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0, null, null,
                List.of()), null)).containsExactly("c", "a", "d", "b", "e");
        assertThat(ids(query(List.of(new OrderBy(2, OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT)), 0, null, null,
                List.of()), null)).containsExactly("b", "e", "a", "d", "c");
        assertThat(ids(query(List.of(new OrderBy(2, OrderBy.Direction.ASC, OrderBy.Nulls.FIRST)), 0, null, null,
                List.of()), null)).containsExactly("b", "e", "c", "a", "d");
    }

    @Test
    void aCursorStartsAtItsRecordUnderTheOrderAndPagingFollows() {
        List<OrderBy> byPoints = List.of(new OrderBy(2, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT));

        assertThat(ids(query(byPoints, 1, 2, Filter.ALL, List.of()), score("a", "red", 3)))
                .containsExactly("d", "b");
        assertThat(ids(query(byPoints, 0, null, Filter.ALL, List.of()), null)).isEmpty();
    }

    @Test
    void distinctKeepsTheFirstRecordOfEachGroupUnderTheOrder() {
        assertThat(ids(query(List.of(new OrderBy(0, OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT)), 0, null, null,
                List.of(1)), null)).containsExactly("e", "d");
    }

    @Test
    void withoutOrderRecordsStreamInArrivalOrderWithSkipAndTake() {
        assertThat(ids(query(List.of(), 1, 2, null, List.of()), null)).containsExactly("b", "c");
    }

    @Test
    void aSelectionLeavesTheFieldsNotSelectedEmpty() {
        Object[] row = QueryShape.row(MODEL, SCORES.get(0), new Selection(List.of(1), List.of()), 0);

        assertThat(row).containsExactly(null, "red", null);
    }

    @Test
    void sortingOnARelatedRecordIsRefused() {
        assertThatThrownBy(() -> ids(query(List.of(new OrderBy(new OrderBy.Key.RelationCount(List.of(1)),
                OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0, null, null, List.of()), null))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void aggregatesSkipMissingValuesAndGroupsSortByTheirAggregates() {
        Aggregation aggregation = new Aggregation(MODEL);
        Aggregations sums = new Aggregations(true, List.of(2), List.of(2), List.of(2), List.of(2), List.of(2));

        Object[] all = aggregation.aggregate(SCORES, sums);
        assertThat(all[Aggregations.countIndex(0)]).isEqualTo(5L);
        assertThat(all[Aggregations.index(Aggregations.Function.SUM, 2, 0, 3)]).isEqualTo(7L);
        assertThat(all[Aggregations.index(Aggregations.Function.AVG, 2, 0, 3)]).isEqualTo(7.0 / 3);
        assertThat(all[Aggregations.index(Aggregations.Function.MIN, 2, 0, 3)]).isEqualTo(1);
        assertThat(all[Aggregations.index(Aggregations.Function.COUNT, 2, 0, 3)]).isEqualTo(3L);
        assertThat(aggregation.aggregate(List.of(), sums)[Aggregations.index(Aggregations.Function.SUM, 2, 0, 3)])
                .isNull();

        List<Object[]> groups = aggregation.groupBy(new ArrayList<>(SCORES), List.of(1), Filter.ALL,
                List.of(new OrderBy(new OrderBy.Key.Aggregate(Aggregations.Function.SUM, 2), OrderBy.Direction.ASC,
                        OrderBy.Nulls.DEFAULT)), 0, null, sums);
        assertThat(groups).extracting(row -> row[1]).containsExactly("blue", "red");
        assertThat(groups).extracting(row -> row[Aggregations.index(Aggregations.Function.SUM, 2, 3, 3)])
                .containsExactly(3L, 4L);
    }
}
