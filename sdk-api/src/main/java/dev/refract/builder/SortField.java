package dev.refract.builder;

import dev.refract.query.OrderBy;
import dev.refract.query.OrderBy.Direction;
import dev.refract.query.OrderBy.Nulls;

/**
 * One sort key being chosen: where nulls go, then the direction, which adds the key, e.g.
 * {@code o.durationMs().nullsLast().desc()}.
 *
 * @param <O> the order-by builder
 */
public final class SortField<O extends OrderByBuilder<O>> {

    private final O orderBy;
    private final int field;
    private Nulls nulls = Nulls.DEFAULT;

    SortField(O orderBy, int field) {
        this.orderBy = orderBy;
        this.field = field;
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

    /** Sort ascending by this field. */
    public O asc() {
        return orderBy.add(new OrderBy(field, Direction.ASC, nulls));
    }

    /** Sort descending by this field. */
    public O desc() {
        return orderBy.add(new OrderBy(field, Direction.DESC, nulls));
    }
}
