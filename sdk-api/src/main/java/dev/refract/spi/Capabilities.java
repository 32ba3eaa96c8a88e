package dev.refract.spi;

/**
 * What an adapter can do beyond the operations every adapter supports. A conformance test of an
 * ability an adapter lacks is skipped by this declaration alone.
 *
 * @param transactions     units of work run atomically
 * @param insensitiveMode  case-insensitive string comparison
 * @param nullsOrdering    explicit nulls first/last in sort keys
 * @param distinct         {@code distinct} on reads
 * @param groupBy          group-by with aggregations
 * @param scalarLists      list-valued scalar fields
 */
public record Capabilities(boolean transactions, boolean insensitiveMode, boolean nullsOrdering, boolean distinct,
        boolean groupBy, boolean scalarLists) {

    /** Every ability. */
    public static final Capabilities ALL = new Capabilities(true, true, true, true, true, true);
}
