package dev.refract.conformance;

import dev.refract.spi.Capabilities;
import java.util.function.Predicate;

/**
 * An ability of {@link Capabilities} a test of the kit needs. A test that needs one is skipped
 * when the adapter under test, or the server it runs against, declares it missing, and by nothing
 * else.
 */
public enum Ability {

    /** Units of work run atomically; nested writes run in one. */
    TRANSACTIONS("transactions", Capabilities::transactions),
    /** Case-insensitive string comparison. */
    INSENSITIVE_MODE("insensitiveMode", Capabilities::insensitiveMode),
    /** Nulls first or last asked of a sort key. */
    NULLS_ORDERING("nullsOrdering", Capabilities::nullsOrdering),
    /** {@code distinct} on reads. */
    DISTINCT("distinct", Capabilities::distinct),
    /** {@code groupBy} with aggregations. */
    GROUP_BY("groupBy", Capabilities::groupBy),
    /** List-valued scalar fields. */
    SCALAR_LISTS("scalarLists", Capabilities::scalarLists),
    /** Filters that select records by their related records ({@code some}, {@code is}, …). */
    RELATION_FILTERS("relationFilters", Capabilities::relationFilters),
    /** Counts of related records ({@code _count}) in what a read or a write returns. */
    RELATION_COUNTS("relationCounts", Capabilities::relationCounts);

    private final String capability;
    private final Predicate<Capabilities> declared;

    Ability(String capability, Predicate<Capabilities> declared) {
        this.capability = capability;
        this.declared = declared;
    }

    /** The name of the component of {@link Capabilities} that declares this ability. */
    public String capability() {
        return capability;
    }

    /** True when {@code capabilities} declare this ability. */
    public boolean in(Capabilities capabilities) {
        return declared.test(capabilities);
    }
}
