package dev.refract.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a raw read without a model: its values in the order the statement returns its
 * columns, with their labels. The labels are shared by every row of one result, so a row costs one
 * array. Values are in the closed scalar set, read by each column's database type.
 */
public final class RawRow implements Row {

    private final RawColumns columns;
    private final Object[] values;

    private RawRow(RawColumns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /**
     * A row over {@code values}, which it takes over without copying: the caller must not change
     * the array afterwards.
     *
     * @throws IllegalArgumentException when there is not one value per column
     */
    public static RawRow wrap(RawColumns columns, Object[] values) {
        Objects.requireNonNull(columns, "columns");
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("A raw row of " + columns.size() + " columns cannot hold "
                    + values.length + " values");
        }
        return new RawRow(columns, values);
    }

    /** The columns' labels, shared by every row of the result. */
    public RawColumns columns() {
        return columns;
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The row as an unmodifiable map from label to value, in column order; values may be {@code null}. */
    public Map<String, Object> toMap() {
        List<String> labels = columns.labels();
        Map<String, Object> map = new LinkedHashMap<>(labels.size() * 2);
        for (int i = 0; i < values.length; i++) {
            map.put(labels.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawRow that && columns.equals(that.columns) && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "RawRow" + toMap();
    }
}
