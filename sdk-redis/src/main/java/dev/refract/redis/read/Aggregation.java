package dev.refract.redis.read;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import dev.refract.redis.filter.FilterEvaluator;
import dev.refract.redis.filter.Values;
import dev.refract.redis.record.StoredModel;
import dev.refract.redis.record.StoredRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates and group-bys computed on the client over the records a read found, laid out as
 * {@link Aggregations} describes and typed as SQL types them: sums of integers are {@code Long}, of
 * floats {@code Double}, of decimals {@code BigDecimal}; averages {@code Double} ({@code BigDecimal}
 * for decimals); minimum and maximum keep the field's type; over no values they are {@code null}.
 */
public final class Aggregation {

    private final StoredModel model;

    /** Aggregation over the records of {@code model}. */
    public Aggregation(StoredModel model) {
        this.model = model;
    }

    /** The one result row of an aggregate over {@code records}. */
    public Object[] aggregate(List<StoredRecord> records, Aggregations aggregations) {
        Object[] row = new Object[Aggregations.rowWidth(0, model.meta().fieldCount())];
        fill(row, 0, records, aggregations);
        return row;
    }

    /**
     * The result rows of a group-by over {@code records}: one per distinct combination of
     * {@code by}, filtered by {@code having}, sorted by {@code orderBy}, then paged.
     */
    public List<Object[]> groupBy(List<StoredRecord> records, List<Integer> by, Filter having, List<OrderBy> orderBy,
            int skip, Integer take, Aggregations aggregations) {
        int fieldCount = model.meta().fieldCount();
        Map<List<Object>, List<StoredRecord>> groups = new LinkedHashMap<>();
        for (StoredRecord record : records) {
            List<Object> key = new ArrayList<>(by.size());
            for (int field : by) {
                Object value = record.get(field);
                key.add(value == null ? null : Values.groupKey(value));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }
        FilterEvaluator positions = new FilterEvaluator(model.name(), this::positionName,
                at -> at < fieldCount ? model.enumOrder(at) : null);
        List<Object[]> rows = new ArrayList<>();
        for (List<StoredRecord> group : groups.values()) {
            Object[] row = new Object[Aggregations.rowWidth(fieldCount, fieldCount)];
            for (int field : by) {
                row[field] = group.get(0).get(field);
            }
            fill(row, fieldCount, group, aggregations);
            if (positions.matches(having, at -> row[at])) {
                rows.add(row);
            }
        }
        if (!orderBy.isEmpty()) {
            Comparator<Object[]> order = RecordOrder.of(orderBy, List.of(), positions, row -> at -> row[at],
                    key -> position(key, fieldCount));
            rows.sort(order);
        }
        int from = Math.min(skip, rows.size());
        int to = take == null ? rows.size() : Math.min(rows.size(), from + take);
        return new ArrayList<>(rows.subList(from, to));
    }

    private String positionName(int at) {
        int fieldCount = model.meta().fieldCount();
        return at < fieldCount ? model.meta().field(at).name() : "aggregate " + at;
    }

    private int position(OrderBy.Key key, int fieldCount) {
        if (key instanceof OrderBy.Key.Aggregate aggregate) {
            if (aggregate.field() < 0) {
                return Aggregations.countIndex(fieldCount);
            }
            return Aggregations.index(aggregate.function(), aggregate.field(), fieldCount, fieldCount);
        }
        return RecordOrder.fieldPosition(key, model.name());
    }

    private void fill(Object[] row, int keyCount, List<StoredRecord> records, Aggregations aggregations) {
        int fieldCount = model.meta().fieldCount();
        if (aggregations.count()) {
            row[Aggregations.countIndex(keyCount)] = (long) records.size();
        }
        for (Aggregations.Function function : Aggregations.Function.values()) {
            for (int field : aggregations.fields(function)) {
                row[Aggregations.index(function, field, keyCount, fieldCount)] = compute(function, field, records);
            }
        }
    }

    private Object compute(Aggregations.Function function, int field, List<StoredRecord> records) {
        List<Object> values = new ArrayList<>(records.size());
        for (StoredRecord record : records) {
            Object value = record.get(field);
            if (value != null) {
                values.add(value);
            }
        }
        if (function == Aggregations.Function.COUNT) {
            return (long) values.size();
        }
        if (values.isEmpty()) {
            return null;
        }
        FieldMeta meta = model.meta().field(field);
        ScalarType type = meta.scalarType();
        return switch (function) {
            case MIN, MAX -> {
                Object best = values.get(0);
                for (Object value : values) {
                    int order = model.filters().compare(field, value, best);
                    if (function == Aggregations.Function.MIN ? order < 0 : order > 0) {
                        best = value;
                    }
                }
                yield best;
            }
            case SUM -> sum(type, values);
            case AVG -> {
                BigDecimal total = BigDecimal.ZERO;
                for (Object value : values) {
                    total = total.add(Values.decimal((Number) value));
                }
                BigDecimal average = total.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
                yield type == ScalarType.DECIMAL ? average : (Object) average.doubleValue();
            }
            default -> throw new IllegalStateException("counted above");
        };
    }

    private static Object sum(ScalarType type, List<Object> values) {
        if (type == ScalarType.FLOAT) {
            double total = 0;
            for (Object value : values) {
                total += ((Number) value).doubleValue();
            }
            return total;
        }
        if (type == ScalarType.DECIMAL) {
            BigDecimal total = BigDecimal.ZERO;
            for (Object value : values) {
                total = total.add((BigDecimal) value);
            }
            return total;
        }
        long total = 0;
        for (Object value : values) {
            total = Math.addExact(total, ((Number) value).longValue());
        }
        return total;
    }
}
