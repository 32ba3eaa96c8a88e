package dev.refract.query;

import java.util.List;

/**
 * Which fields of a record come back, and which relations are loaded with it.
 *
 * @param fields   indexes of the scalar fields to read; empty means every scalar field
 * @param includes the relations to load, each with its own query
 */
public record Selection(List<Integer> fields, List<Include> includes) {

    /** Every scalar field, no relation. */
    public static final Selection ALL = new Selection(List.of(), List.of());

    public Selection {
        fields = List.copyOf(fields);
        includes = List.copyOf(includes);
    }

    /** True when every scalar field is read. */
    public boolean allFields() {
        return fields.isEmpty();
    }

    /**
     * A relation loaded with its parent.
     *
     * @param field the index of the relation field in the parent model
     * @param query which related records, in which order, with which of their own relations; a
     *              to-one relation ignores the filter, order and paging
     */
    public record Include(int field, Query query) {}
}
