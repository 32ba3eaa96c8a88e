package dev.refract.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record crossing the adapter SPI, positional: value {@code i} belongs to field {@code i} of
 * the model ({@link dev.refract.meta.ModelMeta#fields()}), so a generated mapper reads it by
 * constant index with no reflection.
 *
 * <p>Values are in their Java form of the closed scalar set ({@code String}, {@code Boolean},
 * {@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal}, {@code Instant},
 * {@link dev.refract.json.Json}, {@code byte[]}, lists as {@link List}); an enum value is its
 * database name as a {@code String}; a composite value is a nested {@code Row} of the composite's
 * fields. A field not selected is {@code null}. At a relation field's position the value is
 * {@code null} when the relation was not included, a {@code List<Row>} for an included to-many
 * relation, and an {@code Optional<Row>} for an included to-one relation.
 *
 * <p>A row has one position per field of its model ({@code fieldCount}). When its selection counts
 * relations ({@link dev.refract.query.Selection#counts()}), position {@code fieldCount} holds a
 * {@code Map<Integer, Long>} from relation field index to count; a row of
 * {@link dev.refract.query.Operation.FindRelated} also holds its parent's link key at
 * {@code fieldCount + 1}, except where that key is among the fields it read
 * ({@link dev.refract.query.Operation.FindRelated#keyAmongFields}) and the adapter leaves it out.
 */
public interface Row {

    /** The value at {@code index}, or {@code null}. */
    Object get(int index);

    /** The number of positions. */
    int size();

    /** The rows of an included to-many relation at {@code index}, or {@code null} when not included. */
    @SuppressWarnings("unchecked")
    default List<Row> getRows(int index) {
        return (List<Row>) get(index);
    }

    /** The row of an included to-one relation at {@code index}, or {@code null} when not included. */
    @SuppressWarnings("unchecked")
    default Optional<Row> getRow(int index) {
        return (Optional<Row>) get(index);
    }

    /**
     * The relation counts of a row of a model with {@code fieldCount} fields, or {@code null} when
     * its selection counted none.
     */
    @SuppressWarnings("unchecked")
    default Map<Integer, Long> getCounts(int fieldCount) {
        return size() > fieldCount ? (Map<Integer, Long>) get(fieldCount) : null;
    }

    /** The list held by a list field at {@code index}, or {@code null}. */
    @SuppressWarnings("unchecked")
    default <T> List<T> getList(int index) {
        return (List<T>) get(index);
    }

    /** A row over {@code values}, which it copies. */
    static Row of(Object... values) {
        return new ArrayRow(values.clone());
    }

    /** A row over {@code values}, which it takes over without copying: the caller must not change the array afterwards. */
    static Row wrap(Object[] values) {
        return new ArrayRow(values);
    }
}

/** The plain array-backed row. */
final class ArrayRow implements Row {

    private final Object[] values;

    ArrayRow(Object[] values) {
        this.values = values;
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayRow that && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "Row" + Arrays.deepToString(values);
    }
}
