package dev.refract.mongo.render;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.ModelMeta;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Aggregates and group-bys as {@code $group} stages. Each value gets a key of its own: the record
 * count {@code c}, and {@code sum_3}, {@code avg_3}, … for a function over field 3, plus
 * {@code n_3}, the number of values a sum added (a sum of no values is {@code null}, as in SQL).
 * Group keys sit at {@code _id.k<field>}.
 */
final class AggregateStages {

    private AggregateStages() {
    }

    static MongoCommand.Aggregated aggregate(CommandRenderer renderer, ModelMeta model,
            dev.refract.query.Operation.Aggregate aggregate) {
        MongoCommand.Cursor[] cursor = new MongoCommand.Cursor[1];
        Query query = aggregate.query();
        Query rows = new Query(query.where(), query.orderBy(), query.skip(), query.take(), query.cursor(),
                query.distinct(), Selection.ALL);
        List<BsonDocument> stages = new ArrayList<>(renderer.rowStages(model, rows, cursor));
        List<AggregateLayout.Column> columns = new ArrayList<>();
        BsonDocument group = new BsonDocument("_id", BsonNull.VALUE);
        functions(renderer, model, aggregate.aggregations(), 0, group, columns);
        stages.add(new BsonDocument("$group", group));
        return new MongoCommand.Aggregated(model.dbName(), stages,
                new AggregateLayout(Aggregations.rowWidth(0, model.fieldCount()), false, columns), cursor[0]);
    }

    static MongoCommand.Aggregated groupBy(CommandRenderer renderer, ModelMeta model,
            dev.refract.query.Operation.GroupBy groupBy) {
        int fieldCount = model.fieldCount();
        FilterRenderer.Stages lookups = new FilterRenderer.Stages();
        BsonDocument match = renderer.filters().render(model.index(), groupBy.where(), lookups);
        List<BsonDocument> stages = new ArrayList<>(lookups.list());
        if (!match.isEmpty()) {
            stages.add(new BsonDocument("$match", match));
        }
        List<AggregateLayout.Column> columns = new ArrayList<>();
        BsonDocument keys = new BsonDocument();
        Map<Integer, String> paths = new HashMap<>();
        for (int field : groupBy.by()) {
            keys.append("k" + field, new BsonString("$" + renderer.codecs().model(model.index()).key(field)));
            columns.add(new AggregateLayout.Column("_id.k" + field, field, AggregateLayout.Kind.FIELD, field, null));
            paths.put(field, "_id.k" + field);
        }
        BsonDocument group = new BsonDocument("_id", keys);
        functions(renderer, model, groupBy.aggregations(), fieldCount, group, columns);
        stages.add(new BsonDocument("$group", group));
        for (AggregateLayout.Column column : columns) {
            paths.putIfAbsent(column.position(), column.path());
        }
        BsonDocument having = having(model, renderer, groupBy.having(), paths, fieldCount);
        if (!having.isEmpty()) {
            stages.add(new BsonDocument("$match", having));
        }
        BsonDocument sort = new BsonDocument();
        for (OrderBy order : groupBy.orderBy()) {
            int direction = order.direction() == OrderBy.Direction.ASC ? 1 : -1;
            String path;
            if (order.key() instanceof OrderBy.Key.Field field) {
                path = "_id.k" + field.field();
            } else if (order.key() instanceof OrderBy.Key.Aggregate aggregate) {
                path = aggregate.field() < 0 ? "c" : name(aggregate.function(), aggregate.field());
                if (!group.containsKey(path)) {
                    group.append(path, accumulator(renderer, model, aggregate.function(), aggregate.field()));
                }
            } else {
                throw new InvalidQueryException(model.name(), List.of(), "A group-by sorts by its keys and aggregates");
            }
            sort.append(path, new BsonInt32(direction));
        }
        if (!sort.isEmpty()) {
            stages.add(new BsonDocument("$sort", sort));
        }
        if (groupBy.skip() > 0) {
            stages.add(new BsonDocument("$skip", new BsonInt64(groupBy.skip())));
        }
        if (groupBy.take() != null) {
            stages.add(groupBy.take() == 0
                    ? new BsonDocument("$match", new BsonDocument("_id", new BsonDocument("$in", new BsonArray())))
                    : new BsonDocument("$limit", new BsonInt64(groupBy.take())));
        }
        return new MongoCommand.Aggregated(model.dbName(), stages,
                new AggregateLayout(Aggregations.rowWidth(fieldCount, fieldCount), true, columns), null);
    }

    private static String name(Aggregations.Function function, int field) {
        return function.name().toLowerCase(java.util.Locale.ROOT) + "_" + field;
    }

    private static void functions(CommandRenderer renderer, ModelMeta model, Aggregations aggregations, int keyCount,
            BsonDocument group, List<AggregateLayout.Column> columns) {
        int fieldCount = model.fieldCount();
        if (aggregations.count()) {
            group.append("c", new BsonDocument("$sum", new BsonInt32(1)));
            columns.add(new AggregateLayout.Column("c", Aggregations.countIndex(keyCount), AggregateLayout.Kind.COUNT,
                    -1, null));
        }
        for (Aggregations.Function function : Aggregations.Function.values()) {
            for (int field : aggregations.fields(function)) {
                String name = name(function, field);
                group.append(name, accumulator(renderer, model, function, field));
                AggregateLayout.Kind kind = switch (function) {
                    case COUNT -> AggregateLayout.Kind.COUNT;
                    case SUM -> AggregateLayout.Kind.SUM;
                    case AVG -> AggregateLayout.Kind.AVG;
                    default -> AggregateLayout.Kind.FIELD;
                };
                String values = null;
                if (function == Aggregations.Function.SUM) {
                    values = "n_" + field;
                    group.append(values, accumulator(renderer, model, Aggregations.Function.COUNT, field));
                }
                columns.add(new AggregateLayout.Column(name, Aggregations.index(function, field, keyCount, fieldCount),
                        kind, field, values));
            }
        }
    }

    private static BsonDocument accumulator(CommandRenderer renderer, ModelMeta model, Aggregations.Function function,
            int field) {
        if (field < 0) {
            return new BsonDocument("$sum", new BsonInt32(1));
        }
        BsonString value = new BsonString("$" + renderer.codecs().model(model.index()).key(field));
        switch (function) {
            case SUM:
                return new BsonDocument("$sum", value);
            case AVG:
                return new BsonDocument("$avg", value);
            case MIN:
                return new BsonDocument("$min", value);
            case MAX:
                return new BsonDocument("$max", value);
            default:
                if (renderer.codec(model, field).holdsJson()) {
                    return new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray(List.of(
                            hasKey(renderer.codecs().model(model.index()).key(field)), new BsonInt32(1),
                            new BsonInt32(0)))));
                }
                return new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray(List.of(
                        new BsonDocument("$eq", new BsonArray(List.of(new BsonDocument("$ifNull",
                                new BsonArray(List.of(value, BsonNull.VALUE))), BsonNull.VALUE))),
                        new BsonInt32(0), new BsonInt32(1)))));
        }
    }

    /**
     * True where the document has {@code key}, whatever it holds: a {@code Json} field holding the JSON
     * null (BSON null) has a value, as SQL counts it, and only a missing key is none. Read from the
     * document's keys, as not every server tells a missing field from null in an expression.
     */
    private static BsonDocument hasKey(String key) {
        BsonDocument keys = new BsonDocument("$map", new BsonDocument("input",
                new BsonDocument("$objectToArray", new BsonString("$$ROOT")))
                .append("as", new BsonString("entry")).append("in", new BsonString("$$entry.k")));
        return new BsonDocument("$in", new BsonArray(List.of(new BsonString(key), keys)));
    }

    /** The {@code having} filter over the group's values, each position read at its path. */
    private static BsonDocument having(ModelMeta model, CommandRenderer renderer, Filter filter,
            Map<Integer, String> paths, int fieldCount) {
        if (filter instanceof Filter.And and) {
            if (and.filters().isEmpty()) {
                return new BsonDocument();
            }
            BsonArray parts = new BsonArray();
            for (Filter part : and.filters()) {
                parts.add(having(model, renderer, part, paths, fieldCount));
            }
            return new BsonDocument("$and", parts);
        }
        if (filter instanceof Filter.Or or) {
            BsonArray parts = new BsonArray();
            for (Filter part : or.filters()) {
                parts.add(having(model, renderer, part, paths, fieldCount));
            }
            return parts.isEmpty() ? new BsonDocument("_id", new BsonDocument("$in", new BsonArray()))
                    : new BsonDocument("$or", parts);
        }
        if (filter instanceof Filter.Not not) {
            return new BsonDocument("$nor", new BsonArray(List.of(having(model, renderer, not.filter(), paths,
                    fieldCount))));
        }
        if (filter instanceof Filter.IsNull isNull) {
            String path = path(model, paths, isNull.field());
            return new BsonDocument(path, isNull.isNull() ? BsonNull.VALUE : new BsonDocument("$ne", BsonNull.VALUE));
        }
        if (filter instanceof Filter.Comparison comparison) {
            String path = path(model, paths, comparison.field());
            int position = comparison.field();
            String operator = switch (comparison.operator()) {
                case EQUALS -> "$eq";
                case NOT -> "$ne";
                case IN -> "$in";
                case NOT_IN -> "$nin";
                case LT -> "$lt";
                case LTE -> "$lte";
                case GT -> "$gt";
                case GTE -> "$gte";
                default -> throw new InvalidQueryException(model.name(), List.of(), "A having condition compares"
                        + " with equals, not, in, notIn, lt, lte, gt or gte");
            };
            BsonValue value;
            if (comparison.value() instanceof List<?> list) {
                BsonArray values = new BsonArray();
                for (Object element : list) {
                    values.add(value(renderer, model, position, fieldCount, element));
                }
                value = values;
            } else {
                value = value(renderer, model, position, fieldCount, comparison.value());
            }
            return new BsonDocument(path, new BsonDocument(operator, value));
        }
        throw new InvalidQueryException(model.name(), List.of(), "A having condition on MongoDB is made of and, or,"
                + " not, comparisons and null checks");
    }

    private static String path(ModelMeta model, Map<Integer, String> paths, int position) {
        String path = paths.get(position);
        if (path == null) {
            throw new InvalidQueryException(model.name(), List.of(), "The having condition refers to a value the"
                    + " group-by does not compute (position " + position + "): group by it or aggregate it");
        }
        return path;
    }

    private static BsonValue value(CommandRenderer renderer, ModelMeta model, int position, int fieldCount,
            Object value) {
        if (position < fieldCount) {
            return renderer.codec(model, position).encodeOne(value);
        }
        return generic(value);
    }

    /** A value of an aggregate in BSON by its Java type. */
    static BsonValue generic(Object value) {
        if (value == null) {
            return BsonNull.VALUE;
        }
        if (value instanceof Integer number) {
            return new BsonInt32(number);
        }
        if (value instanceof Long number) {
            return new BsonInt64(number);
        }
        if (value instanceof Double number) {
            return new BsonDouble(number);
        }
        if (value instanceof BigDecimal number) {
            return new BsonDecimal128(new Decimal128(number));
        }
        if (value instanceof Boolean flag) {
            return BsonBoolean.valueOf(flag);
        }
        if (value instanceof Instant instant) {
            return new BsonDateTime(instant.toEpochMilli());
        }
        return new BsonString(value.toString());
    }
}
