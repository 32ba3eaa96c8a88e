package dev.refract.builder;

import dev.refract.query.OrderBy;
import dev.refract.query.OrderBy.Direction;
import dev.refract.query.OrderBy.Nulls;

/**
 * One sort key being chosen: where nulls go, then the direction, which adds the key, e.g.
 * {@code o.durationMs().nullsLast().desc()}. The key is a field of the model, a field reached
 * through to-one relations, a count of related records, or an aggregate of a group.
 *
 * @param <O> the order-by builder
 */
public final class SortField<O extends OrderByBuilder<O>> {

    private final O orderBy;
    private final OrderBy.Key key;
    private Nulls nulls = Nulls.DEFAULT;

    SortField(O orderBy, OrderBy.Key key) {
        this.orderBy = orderBy;
        this.key = key;
    }

    /** Records without a value sort first. */
    public SortField<O> nullsFirst() {
        nulls = Nulls.FIRST;
        return this;
    }

    /** Records without a value sort last. */
    public SortField<O> nullsLast() {
        nulls = Nulls.LAST;
        return this;
    }

    /** Sort ascending by this key. */
    public O asc() {
        return orderBy.add(new OrderBy(key, Direction.ASC, nulls));
    }

    /** Sort descending by this key. */
    public O desc() {
        return orderBy.add(new OrderBy(key, Direction.DESC, nulls));
    }
}
