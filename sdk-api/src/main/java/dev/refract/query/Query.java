package dev.refract.query;

import java.util.List;
import java.util.Objects;

/**
 * The arguments shared by every read of many records.
 *
 * @param where     which records
 * @param orderBy   sort keys, most significant first
 * @param skip      how many matching records to pass over
 * @param take      how many records at most, or {@code null} for no limit
 * @param cursor    a unique filter of the record to start from (inclusive), or {@code null}
 * @param distinct  indexes of fields whose value combinations must be distinct; empty for none
 * @param selection which fields and relations come back
 */
public record Query(Filter where, List<OrderBy> orderBy, int skip, Integer take, Filter cursor,
        List<Integer> distinct, Selection selection) {

    /** Every record, every scalar field. */
    public static final Query ALL = new Query(Filter.ALL, List.of(), 0, null, null, List.of(), Selection.ALL);

    public Query {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(selection, "selection");
        orderBy = List.copyOf(orderBy);
        distinct = List.copyOf(distinct);
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative, was " + skip);
        }
        if (take != null && take < 0) {
            throw new IllegalArgumentException("take must not be negative, was " + take);
        }
    }
}
