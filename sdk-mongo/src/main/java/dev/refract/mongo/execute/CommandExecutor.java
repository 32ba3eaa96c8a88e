package dev.refract.mongo.execute;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.AggregatePublisher;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.FindPublisher;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.meta.ModelMeta;
import dev.refract.mongo.codec.DocumentLayout;
import dev.refract.mongo.codec.FieldCodec;
import dev.refract.mongo.codec.ModelCodecs;
import dev.refract.mongo.codec.ReadShape;
import dev.refract.mongo.codec.RowCodec;
import dev.refract.mongo.error.ErrorTranslator;
import dev.refract.mongo.render.AggregateLayout;
import dev.refract.mongo.render.CursorCondition;
import dev.refract.mongo.render.FindForm;
import dev.refract.mongo.render.MongoCommand;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonInt32;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link MongoCommand}s on a database, inside a client session when given one (a
 * transaction), and reads their answers into rows and counts. Rows are decoded by {@link RowCodec}
 * as the driver reads each batch; streams ask the server for {@code batchSize} documents at a time.
 * A read whose pipeline a {@code find} can say ({@link FindForm}) runs as one.
 */
public final class CommandExecutor {

    private static final DecoderContext DECODING = DecoderContext.builder().build();

    /** How many read shapes keep their collection of rows. */
    private static final int KEPT_SHAPES = 256;

    private final MongoDatabase database;
    private final ModelCodecs codecs;
    private final int batchSize;
    private final Map<RowsKey, MongoCollection<Row>> collections = new ConcurrentHashMap<>();

    /** An executor on {@code database}, streaming {@code batchSize} documents per batch. */
    public CommandExecutor(MongoDatabase database, ModelCodecs codecs, int batchSize) {
        this.database = database;
        this.codecs = codecs;
        this.batchSize = batchSize;
    }

    private MongoCollection<BsonDocument> documents(String collection) {
        return database.getCollection(collection, BsonDocument.class);
    }

    /**
     * The collection reading rows of {@code shape}. Kept per shape, so that the driver's codec look-ups,
     * which it caches per registry, are made once rather than on every call; a workload with more shapes
     * than {@link #KEPT_SHAPES} gets the rest made afresh.
     */
    private MongoCollection<Row> rows(String collection, ModelMeta model, ReadShape shape) {
        RowsKey key = new RowsKey(collection, model.index(), shape);
        MongoCollection<Row> kept = collections.get(key);
        if (kept != null) {
            return kept;
        }
        CodecRegistry registry = CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new RowCodec(codecs.model(model.index()), shape)), database.getCodecRegistry());
        MongoCollection<Row> made = database.getCollection(collection, Row.class).withCodecRegistry(registry);
        if (collections.size() < KEPT_SHAPES) {
            collections.putIfAbsent(key, made);
        }
        return made;
    }

    /** What a collection of rows is kept under. */
    private record RowsKey(String collection, int model, ReadShape shape) {}

    /** The rows of a read, streamed with backpressure; cancelling closes the server cursor. */
    public Flux<Row> stream(MongoCommand.Read read, ModelMeta model, ClientSession session) {
        return pipeline(read.collection(), read.pipeline(), read.cursor(), session).flatMapMany(stages -> {
            MongoCollection<Row> rows = rows(read.collection(), model, read.shape());
            int batch = read.limit() > 0 ? Math.min(read.limit(), batchSize) : batchSize;
            FindForm find = FindForm.of(stages);
            if (find != null) {
                FindPublisher<Row> publisher = session == null ? rows.find(find.filter()) : rows.find(session,
                        find.filter());
                if (find.sort() != null) {
                    publisher = publisher.sort(find.sort());
                }
                if (find.projection() != null) {
                    publisher = publisher.projection(find.projection());
                }
                return Flux.from(publisher.skip(find.skip()).limit(find.limit()).batchSize(batch));
            }
            AggregatePublisher<Row> publisher = session == null ? rows.aggregate(stages) : rows.aggregate(session, stages);
            return Flux.from(publisher.batchSize(batch));
        });
    }

    /** The pipeline with the cursor's condition in place; empty when the cursor names no record. */
    private Mono<List<BsonDocument>> pipeline(String collection, List<BsonDocument> stages, MongoCommand.Cursor cursor,
            ClientSession session) {
        if (cursor == null) {
            return Mono.just(stages);
        }
        MongoCollection<BsonDocument> documents = documents(collection);
        FindPublisher<BsonDocument> find = session == null ? documents.find(cursor.filter())
                : documents.find(session, cursor.filter());
        return Mono.from(find.first()).map(record -> {
            List<BsonDocument> withCursor = new ArrayList<>(stages);
            withCursor.add(cursor.at(), CursorCondition.stage(cursor.keys(), record));
            return withCursor;
        });
    }

    /** Runs {@code command} and collects its result. */
    public Mono<Result> execute(MongoCommand command, ModelMeta model, ClientSession session) {
        if (command instanceof MongoCommand.Read read) {
            Mono<List<Row>> rows = stream(read, model, session).collectList();
            return (read.fanOut() == null ? rows : rows.map(found -> fanOut(found, read.fanOut(), model.fieldCount())))
                    .map(Result::ofRows);
        }
        if (command instanceof MongoCommand.WithCounts counted) {
            return withCounts(counted, model, session);
        }
        if (command instanceof MongoCommand.Count count) {
            return pipeline(count.collection(), count.pipeline(), count.cursor(), session).flatMap(stages -> {
                MongoCollection<BsonDocument> documents = documents(count.collection());
                return Mono.from((session == null ? documents.aggregate(stages) : documents.aggregate(session, stages))
                        .first());
            }).map(found -> Result.ofCount(found.get("n").asNumber().longValue())).defaultIfEmpty(Result.ofCount(0));
        }
        if (command instanceof MongoCommand.Aggregated aggregated) {
            return aggregated(aggregated, model, session);
        }
        if (command instanceof MongoCommand.Insert insert) {
            return insert(insert, model, session);
        }
        if (command instanceof MongoCommand.UpdateOne update) {
            return updateOne(update.collection(), update.filter(), update.update(), update.projection(), update.shape(),
                    model, session).map(row -> Result.ofRows(List.of(row))).defaultIfEmpty(Result.ofRows(List.of()));
        }
        if (command instanceof MongoCommand.UpdateMany update) {
            return updateMany(update, model, session);
        }
        if (command instanceof MongoCommand.Upsert upsert) {
            return upsert(upsert, model, session);
        }
        if (command instanceof MongoCommand.DeleteOne delete) {
            MongoCollection<Row> rows = rows(delete.collection(), model, delete.shape());
            FindOneAndDeleteOptions options = new FindOneAndDeleteOptions().projection(delete.projection());
            return Mono.from(session == null ? rows.findOneAndDelete(delete.filter(), options)
                            : rows.findOneAndDelete(session, delete.filter(), options))
                    .map(row -> Result.ofRows(List.of(row))).defaultIfEmpty(Result.ofRows(List.of()));
        }
        MongoCommand.DeleteMany delete = (MongoCommand.DeleteMany) command;
        MongoCollection<BsonDocument> documents = documents(delete.collection());
        return target(delete.collection(), delete.lookups(), delete.filter(), session).flatMap(filter ->
                Mono.from(session == null ? documents.deleteMany(filter) : documents.deleteMany(session, filter)))
                .map(DeleteResult::getDeletedCount).map(Result::ofCount);
    }

    /**
     * The filter a write of many documents runs with: {@code filter} itself, or, when it reads related
     * records through {@code lookups}, the {@code _id}s of the documents that pipeline finds (in the
     * session, so inside a transaction the write sees what the read saw).
     */
    private Mono<BsonDocument> target(String collection, List<BsonDocument> lookups, BsonDocument filter,
            ClientSession session) {
        if (lookups.isEmpty()) {
            return Mono.just(filter);
        }
        List<BsonDocument> stages = new ArrayList<>(lookups);
        if (!filter.isEmpty()) {
            stages.add(new BsonDocument("$match", filter));
        }
        stages.add(new BsonDocument("$project", new BsonDocument("_id", new BsonInt32(1))));
        MongoCollection<BsonDocument> documents = documents(collection);
        return Flux.from(session == null ? documents.aggregate(stages) : documents.aggregate(session, stages))
                .map(document -> document.get("_id")).collectList()
                .map(ids -> new BsonDocument("_id", new BsonDocument("$in", new BsonArray(ids))));
    }

    /** The write's rows, each with the counts of its relations at {@code fieldCount} and no id after them. */
    private Mono<Result> withCounts(MongoCommand.WithCounts counted, ModelMeta model, ClientSession session) {
        int fieldCount = model.fieldCount();
        if (counted.before() != null) {
            return countsOf(counted, counted.before(), model, session).flatMap(counts ->
                    execute(counted.write(), model, session).map(result -> attach(result, counts, fieldCount)));
        }
        return execute(counted.write(), model, session).flatMap(result -> {
            if (result.rows().isEmpty()) {
                return Mono.just(result);
            }
            return countsOf(counted, idMatch(model, counted.idFields(), result.rows()), model, session)
                    .map(counts -> attach(result, counts, fieldCount));
        });
    }

    /** The records' relation counts by their id, as the rows tag it. */
    private Mono<Map<Object, Object>> countsOf(MongoCommand.WithCounts counted, BsonDocument match, ModelMeta model,
            ClientSession session) {
        List<BsonDocument> stages = new ArrayList<>();
        stages.add(new BsonDocument("$match", match));
        stages.addAll(counted.counts().pipeline());
        MongoCommand.Read read = new MongoCommand.Read(counted.counts().collection(), stages, counted.counts().shape(),
                null, 0);
        int fieldCount = model.fieldCount();
        return stream(read, model, session).collectMap(row -> row.get(fieldCount + 1), row -> row.get(fieldCount));
    }

    /** {@code {id: {$in: [...]}}} (an {@code $or} of the parts of compound ids) for the rows' ids. */
    private BsonDocument idMatch(ModelMeta model, List<Integer> idFields, List<Row> rows) {
        DocumentLayout layout = codecs.model(model.index());
        int tag = model.fieldCount() + 1;
        if (idFields.size() == 1) {
            BsonArray ids = new BsonArray();
            for (Row row : rows) {
                ids.add(layout.codec(idFields.get(0)).encodeOne(row.get(tag)));
            }
            return new BsonDocument(layout.key(idFields.get(0)), new BsonDocument("$in", ids));
        }
        BsonArray each = new BsonArray();
        for (Row row : rows) {
            List<?> parts = (List<?>) row.get(tag);
            BsonDocument one = new BsonDocument();
            for (int i = 0; i < idFields.size(); i++) {
                one.append(layout.key(idFields.get(i)), layout.codec(idFields.get(i)).encodeOne(parts.get(i)));
            }
            each.add(one);
        }
        return new BsonDocument("$or", each);
    }

    private static Result attach(Result result, Map<Object, Object> counts, int fieldCount) {
        List<Row> rows = new ArrayList<>(result.rows().size());
        for (Row row : result.rows()) {
            Object[] values = new Object[fieldCount + 1];
            for (int i = 0; i < fieldCount; i++) {
                values[i] = row.get(i);
            }
            values[fieldCount] = counts.get(row.get(fieldCount + 1));
            rows.add(Row.wrap(values));
        }
        return Result.ofRows(rows);
    }

    /**
     * Each row (its own id at {@code fieldCount + 1}) once for every parent whose list holds that id,
     * tagged with the parent's list, paged per parent in the order read.
     */
    static List<Row> fanOut(List<Row> rows, MongoCommand.FanOut fanOut, int fieldCount) {
        List<Row> handed = new ArrayList<>();
        int tag = fieldCount + 1;
        for (Object key : fanOut.parentKeys()) {
            List<?> ids = (List<?>) key;
            int seen = 0;
            int kept = 0;
            for (Row row : rows) {
                if (fanOut.take() != null && kept >= fanOut.take()) {
                    break;
                }
                if (!ids.contains(row.get(tag))) {
                    continue;
                }
                if (seen++ < fanOut.skip()) {
                    continue;
                }
                Object[] values = new Object[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                values[tag] = key;
                handed.add(Row.wrap(values));
                kept++;
            }
        }
        return handed;
    }

    private Mono<Result> insert(MongoCommand.Insert insert, ModelMeta model, ClientSession session) {
        List<BsonDocument> documents = insert.documents();
        if (documents.isEmpty()) {
            return Mono.just(insert.returnRows() ? Result.ofRows(List.of()) : Result.ofCount(0));
        }
        MongoCollection<BsonDocument> collection = documents(insert.collection());
        Mono<Set<Integer>> skipped;
        if (documents.size() == 1 && !insert.skipDuplicates()) {
            skipped = Mono.from(session == null ? collection.insertOne(documents.get(0))
                    : collection.insertOne(session, documents.get(0))).thenReturn(Set.of());
        } else {
            InsertManyOptions options = new InsertManyOptions().ordered(!insert.skipDuplicates());
            skipped = Mono.from(session == null ? collection.insertMany(documents, options)
                            : collection.insertMany(session, documents, options)).thenReturn(Set.<Integer>of())
                    .onErrorResume(error -> insert.skipDuplicates() && onlyDuplicates(error),
                            error -> Mono.just(failedIndexes((MongoBulkWriteException) error)));
        }
        return skipped.map(failed -> {
            if (!insert.returnRows()) {
                return Result.ofCount(documents.size() - failed.size());
            }
            RowCodec codec = new RowCodec(codecs.model(model.index()), insert.shape());
            List<Row> rows = new ArrayList<>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                if (!failed.contains(i)) {
                    rows.add(codec.decode(new BsonDocumentReader(documents.get(i)), DECODING));
                }
            }
            return Result.ofRows(rows);
        });
    }

    private static boolean onlyDuplicates(Throwable error) {
        return error instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
                && bulk.getWriteErrors().stream().allMatch(e -> e.getCode() == ErrorTranslator.DUPLICATE_KEY);
    }

    private static Set<Integer> failedIndexes(MongoBulkWriteException error) {
        Set<Integer> failed = new HashSet<>();
        for (BulkWriteError write : error.getWriteErrors()) {
            failed.add(write.getIndex());
        }
        return failed;
    }

    /** The document {@code filter} finds, after {@code update}; empty when none matched. */
    private Mono<Row> updateOne(String collection, BsonDocument filter, MongoCommand.Update update,
            BsonDocument projection, ReadShape shape, ModelMeta model, ClientSession session) {
        MongoCollection<Row> rows = rows(collection, model, shape);
        if (update.isEmpty()) {
            return Mono.from((session == null ? rows.find(filter) : rows.find(session, filter)).projection(projection)
                    .first());
        }
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                .projection(projection);
        if (update.document() != null) {
            return Mono.from(session == null ? rows.findOneAndUpdate(filter, update.document(), options)
                    : rows.findOneAndUpdate(session, filter, update.document(), options));
        }
        List<Bson> pipeline = new ArrayList<>(update.pipeline());
        return Mono.from(session == null ? rows.findOneAndUpdate(filter, pipeline, options)
                : rows.findOneAndUpdate(session, filter, pipeline, options));
    }

    private Mono<Result> updateMany(MongoCommand.UpdateMany update, ModelMeta model, ClientSession session) {
        return target(update.collection(), update.lookups(), update.filter(), session)
                .flatMap(filter -> updateMany(update, filter, model, session));
    }

    private Mono<Result> updateMany(MongoCommand.UpdateMany update, BsonDocument filter, ModelMeta model,
            ClientSession session) {
        MongoCollection<BsonDocument> documents = documents(update.collection());
        if (!update.returnRows()) {
            if (update.update().isEmpty()) {
                return Mono.from(session == null ? documents.countDocuments(filter)
                        : documents.countDocuments(session, filter)).map(Result::ofCount);
            }
            return changeMany(documents, filter, update.update(), session)
                    .map(result -> Result.ofCount(result.getMatchedCount()));
        }
        BsonDocument idsOnly = new BsonDocument("_id", new BsonInt32(1));
        return Flux.from((session == null ? documents.find(filter) : documents.find(session, filter))
                        .projection(idsOnly))
                .map(document -> document.get("_id")).collectList()
                .flatMap(ids -> {
                    if (ids.isEmpty()) {
                        return Mono.just(Result.ofRows(List.of()));
                    }
                    BsonDocument byIds = new BsonDocument("_id", new BsonDocument("$in", new BsonArray(ids)));
                    Mono<?> changed = update.update().isEmpty() ? Mono.just(ids)
                            : changeMany(documents, byIds, update.update(), session);
                    MongoCollection<Row> rows = rows(update.collection(), model, update.shape());
                    return changed.then(Flux.from((session == null ? rows.find(byIds) : rows.find(session, byIds))
                            .projection(update.projection())).collectList().map(Result::ofRows));
                });
    }

    private static Mono<UpdateResult> changeMany(MongoCollection<BsonDocument> documents, BsonDocument filter,
            MongoCommand.Update update, ClientSession session) {
        if (update.document() != null) {
            return Mono.from(session == null ? documents.updateMany(filter, update.document())
                    : documents.updateMany(session, filter, update.document()));
        }
        List<Bson> pipeline = new ArrayList<>(update.pipeline());
        return Mono.from(session == null ? documents.updateMany(filter, pipeline)
                : documents.updateMany(session, filter, pipeline));
    }

    /**
     * Update, else insert; an insert that meets a duplicate key lost a race with another upsert, so
     * the update runs once more. Still no match then: the record holding the key fails the where's other
     * conditions, which the caller reports as a unique violation.
     */
    private Mono<Result> upsert(MongoCommand.Upsert upsert, ModelMeta model, ClientSession session) {
        Mono<Row> update = updateOne(upsert.collection(), upsert.filter(), upsert.update(), upsert.projection(),
                upsert.shape(), model, session);
        MongoCollection<BsonDocument> documents = documents(upsert.collection());
        RowCodec codec = new RowCodec(codecs.model(model.index()), upsert.shape());
        Mono<Row> insert = Mono.from(session == null ? documents.insertOne(upsert.insert())
                        : documents.insertOne(session, upsert.insert()))
                .then(Mono.fromCallable(() -> codec.decode(new BsonDocumentReader(upsert.insert()), DECODING)));
        return update.switchIfEmpty(insert.onErrorResume(ErrorTranslator::isDuplicateKey,
                        error -> update.switchIfEmpty(Mono.error(error))))
                .map(row -> Result.ofRows(List.of(row))).defaultIfEmpty(Result.ofRows(List.of()));
    }

    private Mono<Result> aggregated(MongoCommand.Aggregated aggregated, ModelMeta model, ClientSession session) {
        AggregateLayout layout = aggregated.layout();
        return pipeline(aggregated.collection(), aggregated.pipeline(), aggregated.cursor(), session)
                .flatMapMany(stages -> {
                    MongoCollection<BsonDocument> documents = documents(aggregated.collection());
                    return session == null ? documents.aggregate(stages).batchSize(batchSize)
                            : documents.aggregate(session, stages).batchSize(batchSize);
                })
                .map(document -> aggregateRow(model, layout, document))
                .collectList()
                .map(rows -> rows.isEmpty() && !layout.grouped() ? List.of(aggregateRow(model, layout, new BsonDocument())) : rows)
                .map(Result::ofRows);
    }

    private Row aggregateRow(ModelMeta model, AggregateLayout layout, BsonDocument document) {
        Object[] values = new Object[layout.width()];
        DocumentLayout fields = codecs.model(model.index());
        for (AggregateLayout.Column column : layout.columns()) {
            BsonValue value = at(document, column.path());
            switch (column.kind()) {
                case COUNT:
                    values[column.position()] = value == null || value.isNull() ? 0L : value.asNumber().longValue();
                    break;
                case SUM: {
                    BsonValue summed = at(document, column.valuesPath());
                    boolean none = summed == null || summed.isNull() || summed.asNumber().longValue() == 0;
                    values[column.position()] = none || value == null || value.isNull() ? null
                            : sum(model, column.field(), value);
                    break;
                }
                case AVG:
                    values[column.position()] = value == null || value.isNull() ? null : average(model, column.field(),
                            value);
                    break;
                default:
                    values[column.position()] = value == null ? null : fieldValue(fields.codec(column.field()), value);
            }
        }
        return Row.wrap(values);
    }

    private static BsonValue at(BsonDocument document, String path) {
        BsonValue current = document;
        for (String part : path.split("\\.")) {
            if (!(current instanceof BsonDocument nested) || !nested.containsKey(part)) {
                return null;
            }
            current = nested.get(part);
        }
        return current;
    }

    private static Object sum(ModelMeta model, int field, BsonValue value) {
        switch (model.field(field).scalarType()) {
            case INT:
            case BIGINT:
                return value.asNumber().longValue();
            case DECIMAL:
                return decimal(value);
            default:
                return value.asNumber().doubleValue();
        }
    }

    private static Object average(ModelMeta model, int field, BsonValue value) {
        return model.field(field).scalarType() == dev.refract.meta.ScalarType.DECIMAL ? decimal(value)
                : value.asNumber().doubleValue();
    }

    private static BigDecimal decimal(BsonValue value) {
        if (value.isDecimal128()) {
            return value.asDecimal128().getValue().bigDecimalValue();
        }
        if (value.isDouble()) {
            return BigDecimal.valueOf(value.asDouble().getValue());
        }
        return BigDecimal.valueOf(value.asNumber().longValue());
    }

    private static Object fieldValue(FieldCodec codec, BsonValue value) {
        BsonDocumentReader reader = new BsonDocumentReader(new BsonDocument("v", value));
        reader.readStartDocument();
        BsonType type = reader.readBsonType();
        reader.readName();
        return codec.decode(reader, type);
    }
}
