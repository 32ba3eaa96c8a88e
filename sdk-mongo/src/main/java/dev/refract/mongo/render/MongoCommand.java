package dev.refract.mongo.render;

import dev.refract.mongo.codec.ReadShape;
import java.util.List;
import java.util.Objects;
import org.bson.BsonDocument;

/**
 * One operation rendered for MongoDB, as plain data the executor runs: which collection, which
 * BSON, and how the answer is read. Rendering is pure; nothing here touches the driver's client.
 */
public sealed interface MongoCommand {

    /** The collection the command runs on. */
    String collection();

    /**
     * A read as an aggregation pipeline whose documents are rows of the model, read as {@code shape} says.
     *
     * @param cursor where the rows start, or {@code null}: the executor looks the cursor record up first and
     *               inserts {@link CursorCondition}'s stage at {@code cursor.at()}
     * @param limit  the most rows wanted, or 0 for no limit
     * @param fanOut for the records of a many-to-many relation kept in lists of ids, how each row is handed
     *               to every parent listing it; {@code null} otherwise
     */
    record Read(String collection, List<BsonDocument> pipeline, ReadShape shape, Cursor cursor, int limit,
            FanOut fanOut) implements MongoCommand {
        public Read {
            pipeline = List.copyOf(pipeline);
            Objects.requireNonNull(shape, "shape");
        }

        /** A read whose rows go to the caller as they come. */
        public Read(String collection, List<BsonDocument> pipeline, ReadShape shape, Cursor cursor, int limit) {
            this(collection, pipeline, shape, cursor, limit, null);
        }
    }

    /**
     * The records of a many-to-many relation kept in lists of ids: each row read (tagged with its own
     * id) goes to every parent whose list holds that id, tagged with the parent's list, keeping at
     * most {@code take} rows after {@code skip} per parent, in the order read.
     *
     * @param parentKeys the parents' lists of ids
     * @param take       rows per parent at most, or {@code null} for all
     */
    record FanOut(List<Object> parentKeys, int skip, Integer take) {
        public FanOut {
            parentKeys = List.copyOf(parentKeys);
        }
    }

    /**
     * A cursor: the record {@code filter} finds, and the sort keys rows are compared with it on.
     *
     * @param at the index in the pipeline where the condition goes
     */
    record Cursor(BsonDocument filter, List<CursorCondition.Key> keys, int at) {
        public Cursor {
            keys = List.copyOf(keys);
        }
    }

    /** A pipeline ending in {@code $count: "n"}; no document counts 0. */
    record Count(String collection, List<BsonDocument> pipeline, Cursor cursor) implements MongoCommand {
        public Count {
            pipeline = List.copyOf(pipeline);
        }
    }

    /**
     * A pipeline producing aggregate rows: each document's keys are read into positions by {@code layout}.
     */
    record Aggregated(String collection, List<BsonDocument> pipeline, AggregateLayout layout, Cursor cursor)
            implements MongoCommand {
        public Aggregated {
            pipeline = List.copyOf(pipeline);
        }
    }

    /**
     * Inserts documents in order; with {@code skipDuplicates}, documents whose unique keys exist are skipped
     * (and only those). With {@code returnRows}, the documents inserted come back as rows of {@code shape}.
     */
    record Insert(String collection, List<BsonDocument> documents, boolean skipDuplicates, boolean returnRows,
            ReadShape shape) implements MongoCommand {
        public Insert {
            documents = List.copyOf(documents);
        }
    }

    /**
     * Updates the one document {@code filter} finds and returns it after the update as a row of {@code shape};
     * an {@code update} of {@code null} changes nothing and only reads it.
     *
     * @param update an update document ({@code $set}, {@code $inc}, {@code $mul}) or a pipeline
     */
    record UpdateOne(String collection, BsonDocument filter, Update update, BsonDocument projection, ReadShape shape)
            implements MongoCommand {}

    /**
     * Updates every document {@code filter} finds; with {@code returnRows} they come back after the
     * update. When the filter reads related records, {@code lookups} are the stages that join them:
     * the documents are then found first with those stages and the filter, and written by {@code _id}.
     */
    record UpdateMany(String collection, BsonDocument filter, Update update, boolean returnRows,
            BsonDocument projection, ReadShape shape, List<BsonDocument> lookups) implements MongoCommand {}

    /**
     * Updates the one document {@code filter} finds or, when there is none, inserts {@code insert}; a
     * duplicate key on insert (a racing upsert) retries the update once.
     */
    record Upsert(String collection, BsonDocument filter, Update update, BsonDocument insert,
            BsonDocument projection, ReadShape shape) implements MongoCommand {}

    /** Deletes the one document {@code filter} finds and returns it as a row of {@code shape}. */
    record DeleteOne(String collection, BsonDocument filter, BsonDocument projection, ReadShape shape)
            implements MongoCommand {}

    /**
     * Deletes every document {@code filter} finds and counts them; with {@code lookups}, as for
     * {@link UpdateMany}, found first and deleted by {@code _id}.
     */
    record DeleteMany(String collection, BsonDocument filter, List<BsonDocument> lookups) implements MongoCommand {}

    /**
     * A write whose records come back with relation counts: {@code write} returns rows carrying their
     * ids (the fields {@code idFields}) at the parent-key position, and {@code counts}, run with a
     * {@code $match} on those ids put first (or on {@code before}, ahead of the write, for a delete),
     * reads their counts.
     */
    record WithCounts(MongoCommand write, Read counts, List<Integer> idFields, BsonDocument before)
            implements MongoCommand {
        public WithCounts {
            idFields = List.copyOf(idFields);
        }

        @Override
        public String collection() {
            return write.collection();
        }
    }

    /**
     * An update: an update document, or an aggregation pipeline where a value must be computed from
     * the stored one (integer division); {@code null} parts mean none.
     */
    record Update(BsonDocument document, List<BsonDocument> pipeline) {

        /** The update to pass to the driver. */
        public Object driverForm() {
            return document != null ? document : pipeline;
        }

        /** True when nothing is changed. */
        public boolean isEmpty() {
            return (document == null || document.isEmpty()) && (pipeline == null || pipeline.isEmpty());
        }
    }
}
