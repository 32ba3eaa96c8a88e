package dev.refract.r2dbc.sql;

import dev.refract.query.OrderBy;

/** Reads the sort keys a statement can order by directly: the model's own fields. */
final class SortKeys {

    private SortKeys() {
    }

    /**
     * The field a sort key sorts on.
     *
     * @throws IllegalArgumentException when the key sorts on something other than a field of the model
     */
    static int field(OrderBy sort) {
        if (sort.key() instanceof OrderBy.Key.Field field) {
            return field.field();
        }
        throw new IllegalArgumentException("This statement sorts only by fields of its own model, not by " + sort.key());
    }
}
