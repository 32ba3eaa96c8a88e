package dev.refract.mongo.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.mongo.codec.ModelCodecs;
import dev.refract.mongo.codec.ScalarCodecs;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;

/** Operations as MongoDB commands, pipelines shown as relaxed extended JSON. */
class CommandRenderingTest {

    private static final int CUSTOMER = 0;
    private static final int ORDER = 1;
    private static final int SETTING = 2;

    private final CommandRenderer renderer = new CommandRenderer(new ModelCodecs(RefractClientMetadata.SCHEMA,
            ScalarCodecs.standard()));

    private static String json(List<BsonDocument> stages) {
        JsonWriterSettings settings = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
        return stages.stream().map(stage -> stage.toJson(settings)).collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void aPagedSortedReadSortsByTheIdLastAndProjectsTheSelectedFieldsOnly() {
        Query query = new Query(new Filter.Comparison(2, Filter.Operator.EQUALS, "Ann", Filter.Mode.DEFAULT),
                List.of(new OrderBy(4, OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT)), 5, 10, null, List.of(),
                new Selection(List.of(2), List.of()));
        MongoCommand.Read read = (MongoCommand.Read) renderer.render(new Operation.FindMany(CUSTOMER, query));

        assertThat(json(read.pipeline())).isEqualTo("[{\"$match\": {\"name\": \"Ann\"}},"
                + " {\"$sort\": {\"karma\": -1, \"_id\": 1}}, {\"$skip\": 5}, {\"$limit\": 10},"
                + " {\"$project\": {\"name\": 1, \"_id\": 0}}]");
        assertThat(read.shape().reads(2)).isTrue();
        assertThat(read.shape().reads(0)).isFalse();
    }

    @Test
    void distinctKeepsTheFirstRecordOfEachGroupUnderTheOrder() {
        Query query = new Query(Filter.ALL, List.of(new OrderBy(2, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0,
                null, null, List.of(2), Selection.ALL);
        MongoCommand.Read read = (MongoCommand.Read) renderer.render(new Operation.FindMany(CUSTOMER, query));

        assertThat(json(read.pipeline())).startsWith("[{\"$sort\": {\"name\": 1, \"_id\": 1}},"
                + " {\"$group\": {\"_id\": {\"k2\": \"$name\"}, \"__refract_first\": {\"$first\": \"$$ROOT\"}}},"
                + " {\"$replaceRoot\": {\"newRoot\": \"$__refract_first\"}}, {\"$sort\": {\"name\": 1, \"_id\": 1}}");
    }

    @Test
    void aCursorIsLookedUpAndItsConditionGoesAfterTheMatch() {
        Query query = new Query(Filter.ALL, List.of(new OrderBy(2, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0,
                null, new Filter.Comparison(1, Filter.Operator.EQUALS, "a@x", Filter.Mode.DEFAULT), List.of(),
                Selection.ALL);
        MongoCommand.Read read = (MongoCommand.Read) renderer.render(new Operation.FindMany(CUSTOMER, query));

        assertThat(read.cursor().at()).isZero();
        assertThat(read.cursor().keys()).extracting(CursorCondition.Key::path).containsExactly("name", "_id");
        BsonDocument stage = CursorCondition.stage(read.cursor().keys(), BsonDocument.parse("{name: 'b', _id: 7}"));
        assertThat(stage.toJson()).isEqualTo("{\"$match\": {\"$or\": [{\"name\": {\"$gt\": \"b\"}}, {\"$and\":"
                + " [{\"name\": \"b\"}, {\"$or\": [{\"_id\": {\"$gt\": 7}}, {\"_id\": 7}]}]}]}}");
    }

    @Test
    void aCreateMakesAnObjectIdAndFillsLiteralDefaultsInTheirStoredType() {
        WriteData data = new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "a@x"), new FieldWrite(2, WriteOp.SET,
                "Ann")));
        MongoCommand.Insert insert = (MongoCommand.Insert) renderer.render(new Operation.Create(CUSTOMER, data,
                Selection.ALL));

        BsonDocument document = insert.documents().get(0);
        assertThat(document.getFirstKey()).isEqualTo("_id");
        assertThat(document.get("_id").getBsonType()).isEqualTo(BsonType.OBJECT_ID);
        assertThat(document.get("karma").getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(document.getString("tier").getValue()).isEqualTo("FREE");
        BsonDocument setting = ((MongoCommand.Insert) renderer.render(new Operation.Create(SETTING,
                new WriteData(List.of(new FieldWrite(0, WriteOp.SET, "k"), new FieldWrite(1, WriteOp.SET, "v"))),
                Selection.ALL))).documents().get(0);
        assertThat(setting.toJson()).isEqualTo("{\"_id\": \"k\", \"value\": \"v\", \"count\": 0}");
    }

    @Test
    void updatesUseOperatorsAndDivisionIsComputedTruncatedForWholeNumbers() {
        MongoCommand.Update update = renderer.update(RefractClientMetadata.CUSTOMER, new WriteData(List.of(
                new FieldWrite(2, WriteOp.SET, "Ann"), new FieldWrite(4, WriteOp.DECREMENT, 2L),
                new FieldWrite(5, WriteOp.MULTIPLY, 1.5))));
        assertThat(update.document().toJson()).isEqualTo("{\"$set\": {\"name\": \"Ann\"}, \"$inc\": {\"karma\": -2},"
                + " \"$mul\": {\"score\": 1.5}}");

        MongoCommand.Update divide = renderer.update(RefractClientMetadata.ORDER, new WriteData(List.of(
                new FieldWrite(1, WriteOp.DIVIDE, 2), new FieldWrite(3, WriteOp.DIVIDE, new BigDecimal("4")))));
        assertThat(json(divide.pipeline())).isEqualTo("[{\"$set\": {\"number\": {\"$toInt\": {\"$trunc\":"
                + " {\"$divide\": [{\"$toDecimal\": \"$number\"}, {\"$toDecimal\": 2}]}}}, \"total\": {\"$divide\":"
                + " [\"$total\", {\"$numberDecimal\": \"4\"}]}}}]");
    }

    @Test
    void aggregatesAndGroupBysAreGroupStages() {
        MongoCommand.Aggregated aggregate = (MongoCommand.Aggregated) renderer.render(new Operation.Aggregate(ORDER,
                Query.ALL, new Aggregations(true, List.of(3), List.of(), List.of(), List.of(1))));
        assertThat(json(aggregate.pipeline())).isEqualTo("[{\"$group\": {\"_id\": null, \"c\": {\"$sum\": 1},"
                + " \"sum_3\": {\"$sum\": \"$total\"}, \"n_3\": {\"$sum\": {\"$cond\": [{\"$eq\": [{\"$ifNull\":"
                + " [\"$total\", null]}, null]}, 0, 1]}}, \"max_1\": {\"$max\": \"$number\"}}}]");

        Operation.GroupBy groupBy = new Operation.GroupBy(ORDER, List.of(1), Filter.ALL,
                new Filter.Comparison(Aggregations.countIndex(7), Filter.Operator.GT, 1L, Filter.Mode.DEFAULT),
                List.of(new OrderBy(new OrderBy.Key.Aggregate(Aggregations.Function.COUNT, -1), OrderBy.Direction.DESC,
                        OrderBy.Nulls.DEFAULT)), 0, 5, new Aggregations(true, List.of(), List.of(), List.of(), List.of()));
        assertThat(json(((MongoCommand.Aggregated) renderer.render(groupBy)).pipeline()))
                .isEqualTo("[{\"$group\": {\"_id\": {\"k1\": \"$number\"}, \"c\": {\"$sum\": 1}}},"
                        + " {\"$match\": {\"c\": {\"$gt\": 1}}}, {\"$sort\": {\"c\": -1}}, {\"$limit\": 5}]");
    }

    @Test
    void relatedRecordsAreMatchedByKeyAndPagedPerParent() {
        Query perParent = new Query(Filter.ALL, List.of(new OrderBy(1, OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT)),
                0, 2, null, List.of(), Selection.ALL);
        MongoCommand.Read read = (MongoCommand.Read) renderer.render(new Operation.FindRelated(ORDER, CUSTOMER, 12,
                List.of("65a1b2c3d4e5f60718293a4b"), perParent));
        assertThat(json(read.pipeline())).isEqualTo("[{\"$match\": {\"customerId\": {\"$in\":"
                + " [{\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}]}}}, {\"$sort\": {\"number\": -1, \"_id\": 1}},"
                + " {\"$group\": {\"_id\": {\"k6\": \"$customerId\"}, \"docs\": {\"$push\": \"$$ROOT\"}}},"
                + " {\"$project\": {\"docs\": {\"$slice\": [\"$docs\", 0, 2]}}}, {\"$unwind\": \"$docs\"},"
                + " {\"$replaceRoot\": {\"newRoot\": \"$docs\"}}, {\"$project\": {\"_id\": 1, \"number\": 1,"
                + " \"lines\": 1, \"total\": 1, \"placedAt\": 1, \"customerId\": 1}}]");
        assertThat(read.shape().tagFields()).containsExactly(6);
    }

    @Test
    void linkingThroughAJoinTableIsRefusedSayingHowMongoDbKeepsManyToMany() {
        assertThatThrownBy(() -> renderer.render(new Operation.Link(CUSTOMER, 12, "x", List.of())))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("list field on both sides");
    }

    @Test
    void aJsonFieldSetToNoValueLosesItsKeyWhileAJsonNullIsStoredAsBsonNull() {
        int profile = 9;
        MongoCommand.Update none = renderer.update(RefractClientMetadata.SCHEMA.model(CUSTOMER),
                new WriteData(List.of(new FieldWrite(profile, WriteOp.SET, null), new FieldWrite(2, WriteOp.SET, null))));
        assertThat(json(List.of(none.document()))).isEqualTo("[{\"$set\": {\"name\": null}, \"$unset\": {\"profile\": \"\"}}]");

        MongoCommand.Update jsonNull = renderer.update(RefractClientMetadata.SCHEMA.model(CUSTOMER),
                new WriteData(List.of(new FieldWrite(profile, WriteOp.SET, dev.refract.json.Json.parse("null")))));
        assertThat(json(List.of(jsonNull.document()))).isEqualTo("[{\"$set\": {\"profile\": null}}]");

        MongoCommand.Update computed = renderer.update(RefractClientMetadata.SCHEMA.model(CUSTOMER),
                new WriteData(List.of(new FieldWrite(profile, WriteOp.SET, null), new FieldWrite(4, WriteOp.DIVIDE, 2L))));
        assertThat(json(computed.pipeline())).startsWith("[{\"$set\": {\"profile\": \"$$REMOVE\", \"karma\":");
    }

    @Test
    void manyRecordsWrittenByARelationFilterAreFoundThroughItsLookupsFirst() {
        Filter withBigOrders = new Filter.Related(12, Filter.Quantifier.SOME,
                new Filter.Comparison(1, Filter.Operator.GT, 2, Filter.Mode.DEFAULT));
        MongoCommand.DeleteMany delete = (MongoCommand.DeleteMany) renderer.render(
                new Operation.DeleteMany(CUSTOMER, withBigOrders));
        assertThat(delete.lookups()).hasSize(1);
        assertThat(delete.lookups().get(0).containsKey("$lookup")).isTrue();
        assertThat(delete.filter().toJson()).contains("__refract_r0");

        MongoCommand.UpdateMany update = (MongoCommand.UpdateMany) renderer.render(new Operation.UpdateMany(CUSTOMER,
                withBigOrders, new WriteData(List.of(new FieldWrite(2, WriteOp.SET, "Big spender")))));
        assertThat(update.lookups()).isEqualTo(delete.lookups());

        MongoCommand.DeleteMany plain = (MongoCommand.DeleteMany) renderer.render(new Operation.DeleteMany(CUSTOMER,
                new Filter.Comparison(2, Filter.Operator.EQUALS, "Ann", Filter.Mode.DEFAULT)));
        assertThat(plain.lookups()).isEmpty();
    }

    @Test
    void aWriteOfOneRecordByARelationFilterIsRefusedSayingWhatCan() {
        Filter withOrders = new Filter.Related(12, Filter.Quantifier.SOME, Filter.ALL);
        assertThatThrownBy(() -> renderer.render(new Operation.Delete(CUSTOMER, withOrders, Selection.ALL)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("updateMany or deleteMany");
    }

    @Test
    void aCountOfAJsonFieldCountsEveryRecordWithTheKeyAJsonNullIncluded() {
        MongoCommand.Aggregated aggregate = (MongoCommand.Aggregated) renderer.render(new Operation.Aggregate(CUSTOMER,
                Query.ALL, new Aggregations(false, List.of(), List.of(), List.of(), List.of(), List.of(9, 5))));
        assertThat(json(aggregate.pipeline())).isEqualTo("[{\"$group\": {\"_id\": null, \"count_9\": {\"$sum\":"
                + " {\"$cond\": [{\"$in\": [\"profile\", {\"$map\": {\"input\": {\"$objectToArray\": \"$$ROOT\"},"
                + " \"as\": \"entry\", \"in\": \"$$entry.k\"}}]}, 1, 0]}}, \"count_5\": {\"$sum\": {\"$cond\":"
                + " [{\"$eq\": [{\"$ifNull\": [\"$score\", null]}, null]}, 0, 1]}}}}]");
    }
}
