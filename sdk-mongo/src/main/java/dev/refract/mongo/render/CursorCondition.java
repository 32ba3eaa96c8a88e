package dev.refract.mongo.render;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * The {@code $match} keeping the rows that sort at or after a cursor record: spelled out key by key
 * ({@code k1 after c1 OR (k1 = c1 AND (k2 after c2 OR …))}, the last key inclusive), so mixed
 * directions are right. MongoDB sorts missing values first ascending and last descending, and so
 * does this condition.
 */
public final class CursorCondition {

    /** One sort key: a document path and its direction. */
    public record Key(String path, boolean ascending) {}

    private CursorCondition() {
    }

    /** The {@code $match} stage for {@code keys}, the cursor record's values read from {@code cursor}. */
    public static BsonDocument stage(List<Key> keys, BsonDocument cursor) {
        return new BsonDocument("$match", condition(keys, 0, cursor));
    }

    private static BsonDocument condition(List<Key> keys, int index, BsonDocument cursor) {
        Key key = keys.get(index);
        BsonValue value = value(cursor, key.path());
        boolean last = index == keys.size() - 1;
        BsonDocument same = value.isNull() ? new BsonDocument(key.path(), BsonNull.VALUE)
                : new BsonDocument(key.path(), value);
        BsonDocument atOrAfter = last ? new BsonDocument("$or", new BsonArray(List.of(after(key, value), same)))
                : new BsonDocument("$or", new BsonArray(List.of(after(key, value),
                        new BsonDocument("$and", new BsonArray(List.of(same, condition(keys, index + 1, cursor)))))));
        return atOrAfter;
    }

    private static BsonDocument after(Key key, BsonValue value) {
        if (value.isNull()) {
            return key.ascending() ? new BsonDocument(key.path(), new BsonDocument("$ne", BsonNull.VALUE))
                    : new BsonDocument("_id", new BsonDocument("$in", new BsonArray()));
        }
        if (key.ascending()) {
            return new BsonDocument(key.path(), new BsonDocument("$gt", value));
        }
        List<BsonValue> either = new ArrayList<>();
        either.add(new BsonDocument(key.path(), new BsonDocument("$lt", value)));
        either.add(new BsonDocument(key.path(), BsonNull.VALUE));
        return new BsonDocument("$or", new BsonArray(either));
    }

    private static BsonValue value(BsonDocument document, String path) {
        BsonValue current = document;
        for (String part : path.split("\\.")) {
            if (!(current instanceof BsonDocument nested) || !nested.containsKey(part)) {
                return BsonNull.VALUE;
            }
            current = nested.get(part);
        }
        return current;
    }
}
