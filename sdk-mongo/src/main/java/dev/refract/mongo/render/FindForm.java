package dev.refract.mongo.render;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A read pipeline made only of {@code $match}, {@code $sort}, {@code $skip}, {@code $limit} and
 * {@code $project}, in that order, said as a {@code find}: the command servers stream in batches
 * everywhere and plan with their indexes directly. Reads with lookups, groups or computed keys stay
 * pipelines.
 *
 * @param filter     the conditions of every {@code $match}, joined with {@code $and}
 * @param sort       the sort, or {@code null}
 * @param skip       documents passed over
 * @param limit      at most this many documents, or 0 for no limit
 * @param projection the projection, or {@code null}
 */
public record FindForm(BsonDocument filter, BsonDocument sort, int skip, int limit, BsonDocument projection) {

    private static final List<String> ORDER = List.of("$match", "$sort", "$skip", "$limit", "$project");

    /** The find {@code pipeline} says, or {@code null} when it needs the aggregation framework. */
    public static FindForm of(List<BsonDocument> pipeline) {
        List<BsonValue> matches = new ArrayList<>();
        BsonDocument sort = null;
        BsonDocument projection = null;
        int skip = 0;
        int limit = 0;
        int last = -1;
        for (BsonDocument stage : pipeline) {
            if (stage.size() != 1) {
                return null;
            }
            String name = stage.getFirstKey();
            int position = ORDER.indexOf(name);
            boolean repeatedMatch = position == 0 && last == 0;
            if (position < 0 || (position <= last && !repeatedMatch)) {
                return null;
            }
            last = position;
            BsonValue value = stage.get(name);
            switch (name) {
                case "$match":
                    matches.add(value);
                    break;
                case "$sort":
                    sort = value.asDocument();
                    break;
                case "$skip":
                    skip = (int) value.asNumber().longValue();
                    break;
                case "$limit":
                    limit = (int) value.asNumber().longValue();
                    break;
                default:
                    projection = value.asDocument();
            }
        }
        BsonDocument filter = matches.isEmpty() ? new BsonDocument()
                : matches.size() == 1 ? matches.get(0).asDocument() : new BsonDocument("$and", new BsonArray(matches));
        return new FindForm(filter, sort, skip, limit, projection);
    }
}
