package dev.refract.mongo.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one read puts into each row besides the model's fields: which fields were selected (the
 * others stay {@code null}), the relation counts the renderer added under their own keys, and for
 * a {@link dev.refract.query.Operation.FindRelated} the parent's link key.
 *
 * @param selected   per field position, whether it is read; {@code null} for every field
 * @param countKeys  the document key of each counted relation, by relation field index; empty for none
 * @param tagFields  the positions of the fields holding a related row's link key, in key order; empty unless
 *                   the read tags rows with their parent's key
 */
public record ReadShape(boolean[] selected, Map<String, Integer> countKeys, List<Integer> tagFields) {

    /** Every field, no counts, no tag. */
    public static final ReadShape ALL = new ReadShape(null, Map.of(), List.of());

    public ReadShape {
        selected = selected == null ? null : selected.clone();
        countKeys = Map.copyOf(countKeys);
        tagFields = List.copyOf(tagFields);
    }

    /** The width of a row of a model with {@code fieldCount} fields read with this shape. */
    public int width(int fieldCount) {
        if (!tagFields.isEmpty()) {
            return fieldCount + 2;
        }
        return countKeys.isEmpty() ? fieldCount : fieldCount + 1;
    }

    /** True when the field at {@code position} is read. */
    public boolean reads(int position) {
        return selected == null || selected[position];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReadShape that && Arrays.equals(selected, that.selected)
                && countKeys.equals(that.countKeys) && tagFields.equals(that.tagFields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(selected) * 31 + countKeys.hashCode() * 7 + tagFields.hashCode();
    }

    @Override
    public String toString() {
        return "ReadShape[selected=" + Arrays.toString(selected) + ", counts=" + countKeys + ", tag=" + tagFields + "]";
    }
}
