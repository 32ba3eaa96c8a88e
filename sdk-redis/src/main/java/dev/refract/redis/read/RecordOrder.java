package dev.refract.redis.read;

import dev.refract.error.InvalidQueryException;
import dev.refract.query.OrderBy;
import dev.refract.redis.filter.FilterEvaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The order of sort keys over positional values, as PostgreSQL sorts: a missing value sorts after
 * every value ascending and before them descending, unless the key says first or last. Only
 * fields of the record itself (or a group-by's result positions) sort; sorting on related records
 * or relation counts is refused, as Redis follows no relation.
 */
final class RecordOrder {

    private RecordOrder() {
    }

    /**
     * The comparator of {@code orderBy}, then of {@code tieBreak} fields ascending.
     *
     * @param values   compares two values at a position
     * @param read     the values of a sorted element by position
     * @param position the position a sort key reads
     */
    static <T> Comparator<T> of(List<OrderBy> orderBy, List<Integer> tieBreak, FilterEvaluator values,
            Function<T, IntFunction<Object>> read, ToIntFunction<OrderBy.Key> position) {
        List<Comparator<T>> keys = new ArrayList<>();
        for (OrderBy sort : orderBy) {
            int at = position.applyAsInt(sort.key());
            keys.add(key(at, sort.direction(), sort.nulls(), values, read));
        }
        for (int field : tieBreak) {
            keys.add(key(field, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT, values, read));
        }
        return (a, b) -> {
            for (Comparator<T> key : keys) {
                int order = key.compare(a, b);
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        };
    }

    /** The position of a sort key on a record's own field. */
    static int fieldPosition(OrderBy.Key key, String model) {
        if (key instanceof OrderBy.Key.Field field) {
            return field.field();
        }
        throw new InvalidQueryException(model, List.of(), "A Redis model sorts on its own fields only: sorting "
                + model + " by a related record, a relation count or an aggregate needs a database that follows"
                + " relations");
    }

    private static <T> Comparator<T> key(int at, OrderBy.Direction direction, OrderBy.Nulls nulls,
            FilterEvaluator values, Function<T, IntFunction<Object>> read) {
        boolean descending = direction == OrderBy.Direction.DESC;
        boolean nullsFirst = nulls == OrderBy.Nulls.DEFAULT ? descending : nulls == OrderBy.Nulls.FIRST;
        return (a, b) -> {
            Object x = read.apply(a).apply(at);
            Object y = read.apply(b).apply(at);
            if (x == null || y == null) {
                if (x == y) {
                    return 0;
                }
                return (x == null) == nullsFirst ? -1 : 1;
            }
            int order = values.compare(at, x, y);
            return descending ? -order : order;
        };
    }
}
