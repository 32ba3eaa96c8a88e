package dev.refract.spi;

/**
 * What an adapter can do beyond the operations every adapter supports. A conformance test of an
 * ability an adapter lacks is skipped by this declaration alone. An adapter declares an ability
 * only when it gives the ability's SQL semantics; where it declares one false, what needs it is
 * refused with a typed error (by the schema validator, the client or the adapter, e.g. an
 * {@link dev.refract.error.InvalidQueryException} naming the model), never run with other semantics.
 *
 * @param transactions     units of work run atomically: {@link Adapter#inTransaction} commits every
 *                         write of the work or none, and reads inside see the work's own writes.
 *                         Without it, client transactions and nested writes (which run in one) are
 *                         refused
 * @param insensitiveMode  case-insensitive string comparison ({@code mode: insensitive})
 * @param nullsOrdering    explicit nulls first/last in sort keys
 * @param distinct         {@code distinct} on reads
 * @param groupBy          group-by with aggregations
 * @param scalarLists      list-valued scalar fields
 * @param relationFilters  filters that select records by their related records ({@code some},
 *                         {@code every}, {@code none}, {@code is}, {@code isNot}, and a to-one
 *                         relation being missing or present) in reads, counts and the wheres of
 *                         {@code updateMany} and {@code deleteMany}. Without it, a where with a
 *                         relation filter on one of the adapter's models is refused
 * @param relationCounts   counts of related records ({@code _count}), of all of them or of those a
 *                         where matches, in what a read or a write returns. Without it, a selection
 *                         with a relation count on one of the adapter's models is refused
 */
public record Capabilities(boolean transactions, boolean insensitiveMode, boolean nullsOrdering, boolean distinct,
        boolean groupBy, boolean scalarLists, boolean relationFilters, boolean relationCounts) {

    /** Every ability. */
    public static final Capabilities ALL = new Capabilities(true, true, true, true, true, true, true, true);

    /**
     * These abilities with {@code transactions} as given: e.g. for a server that runs no transactions
     * although the adapter's database can (a standalone MongoDB).
     */
    public Capabilities withTransactions(boolean transactions) {
        return new Capabilities(transactions, insensitiveMode, nullsOrdering, distinct, groupBy, scalarLists,
                relationFilters, relationCounts);
    }
}
