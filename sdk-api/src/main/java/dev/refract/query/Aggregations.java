package dev.refract.query;

import java.util.List;

/**
 * What an aggregate or group-by computes.
 *
 * <p>Its result row has a fixed layout, so a generated mapper reads it by constant indexes: first
 * the {@code keyCount} group-by keys at the positions of their fields (0 for an aggregate, the
 * model's field count for a group-by; keys not grouped by are {@code null}), then the record count
 * at {@code keyCount}, then for each {@link Function} {@code f} and field {@code i} the value at
 * {@link #index(Function, int, int, int)}; values not asked for are {@code null}.
 *
 * <p>Result types: the count is a {@code Long}; a sum of {@code Int} or {@code BigInt} is a
 * {@code Long}, of {@code Float} a {@code Double}, of {@code Decimal} a {@code BigDecimal}; an
 * average is a {@code Double} ({@code BigDecimal} for {@code Decimal}); a minimum or maximum has
 * the field's own type. A group-by's {@code having} filter refers to these same positions.
 *
 * @param count whether to count records
 * @param sum   indexes of numeric fields to sum
 * @param avg   indexes of numeric fields to average
 * @param min   indexes of fields to take the least value of
 * @param max   indexes of fields to take the greatest value of
 * @param counts indexes of fields whose values to count, records where the field holds no value
 *               not counted (Prisma's {@code _count: { field: true }}); each a {@code Long}
 */
public record Aggregations(boolean count, List<Integer> sum, List<Integer> avg, List<Integer> min, List<Integer> max,
        List<Integer> counts) {

    /** Nothing computed. */
    public static final Aggregations NONE = new Aggregations(false, List.of(), List.of(), List.of(), List.of());

    public Aggregations {
        sum = List.copyOf(sum);
        avg = List.copyOf(avg);
        min = List.copyOf(min);
        max = List.copyOf(max);
        counts = List.copyOf(counts);
    }

    /** Aggregations that count no field's values. */
    public Aggregations(boolean count, List<Integer> sum, List<Integer> avg, List<Integer> min, List<Integer> max) {
        this(count, sum, avg, min, max, List.of());
    }

    /** The fields {@code function} is computed over. */
    public List<Integer> fields(Function function) {
        return switch (function) {
            case SUM -> sum;
            case AVG -> avg;
            case MIN -> min;
            case MAX -> max;
            case COUNT -> counts;
        };
    }

    /**
     * The aggregate functions over a field, in the order of their blocks in a result row;
     * {@code COUNT} counts the values a field holds.
     */
    public enum Function { SUM, AVG, MIN, MAX, COUNT }

    /** The position of the record count in a result row. */
    public static int countIndex(int keyCount) {
        return keyCount;
    }

    /**
     * The position of {@code function} over field {@code field} in a result row.
     *
     * @param keyCount   0 for an aggregate, the model's field count for a group-by
     * @param fieldCount the model's field count
     */
    public static int index(Function function, int field, int keyCount, int fieldCount) {
        return keyCount + 1 + function.ordinal() * fieldCount + field;
    }

    /** The width of a result row. */
    public static int rowWidth(int keyCount, int fieldCount) {
        return keyCount + 1 + Function.values().length * fieldCount;
    }
}
