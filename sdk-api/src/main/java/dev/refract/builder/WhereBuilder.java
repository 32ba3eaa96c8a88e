package dev.refract.builder;

import dev.refract.query.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The base of every generated where builder: collects conditions, all of which must hold, and
 * nests {@code and}, {@code or} and {@code not} groups built by a fresh builder of the same model.
 *
 * @param <W> the generated builder itself, returned by every method so conditions chain
 */
public abstract class WhereBuilder<W extends WhereBuilder<W>> {

    private final List<Filter> filters = new ArrayList<>();

    /** For subclasses. */
    protected WhereBuilder() {}

    /** {@code this}, typed as the generated builder. */
    protected abstract W self();

    /** A new, empty builder of the same model, for nested groups. */
    protected abstract W newBuilder();

    W add(Filter filter) {
        filters.add(filter);
        return self();
    }

    /** Every group built by {@code groups} holds. */
    @SafeVarargs
    public final W and(Consumer<W>... groups) {
        List<Filter> parts = new ArrayList<>(groups.length);
        for (Consumer<W> group : groups) {
            parts.add(nested(group));
        }
        return add(new Filter.And(parts));
    }

    /** At least one group built by {@code groups} holds. */
    @SafeVarargs
    public final W or(Consumer<W>... groups) {
        List<Filter> parts = new ArrayList<>(groups.length);
        for (Consumer<W> group : groups) {
            parts.add(nested(group));
        }
        return add(new Filter.Or(parts));
    }

    /** The group built by {@code group} does not hold. */
    public final W not(Consumer<W> group) {
        return add(new Filter.Not(nested(group)));
    }

    private Filter nested(Consumer<W> group) {
        W builder = newBuilder();
        group.accept(builder);
        return builder.build();
    }

    /** The conjunction of every condition added; {@link Filter#ALL} when none was. */
    public final Filter build() {
        return filters.isEmpty() ? Filter.ALL : Filter.and(filters);
    }
}
