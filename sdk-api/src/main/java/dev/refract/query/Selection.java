package dev.refract.query;

import java.util.List;
import java.util.Objects;

/**
 * Which fields of a record come back, which relations are loaded with it, and which of its to-many
 * relations are counted.
 *
 * <p>Relation counts travel in the row at position {@code fieldCount} (the model's field count) as a
 * {@code Map<Integer, Long>} from relation field index to count; see {@link dev.refract.spi.Row}.
 *
 * @param fields   indexes of the scalar fields to read; empty means every scalar field
 * @param includes the relations to load, each with its own query
 * @param counts   the to-many relations to count ({@code _count}), each with its own filter
 */
public record Selection(List<Integer> fields, List<Include> includes, List<RelationCount> counts) {

    /** Every scalar field, no relation. */
    public static final Selection ALL = new Selection(List.of(), List.of(), List.of());

    public Selection {
        fields = List.copyOf(fields);
        includes = List.copyOf(includes);
        counts = List.copyOf(counts);
    }

    /** A selection that counts no relation. */
    public Selection(List<Integer> fields, List<Include> includes) {
        this(fields, includes, List.of());
    }

    /** This selection without its includes: what one statement reads. */
    public Selection withoutIncludes() {
        return includes.isEmpty() ? this : new Selection(fields, List.of(), counts);
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
    public record Include(int field, Query query) {
        public Include {
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * The number of records of a to-many relation, counted with its parent.
     *
     * @param field the index of the to-many relation field in the model
     * @param where which related records count; {@link Filter#ALL} for every one
     */
    public record RelationCount(int field, Filter where) {
        public RelationCount {
            Objects.requireNonNull(where, "where");
        }
    }
}
