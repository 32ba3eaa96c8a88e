package dev.refract.builder;

import dev.refract.query.OrderBy;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of every generated order-by builder: sort keys in the order they are added, most
 * significant first.
 *
 * @param <O> the generated builder itself
 */
public abstract class OrderByBuilder<O extends OrderByBuilder<O>> {

    private final List<OrderBy> keys = new ArrayList<>();

    /** For subclasses. */
    protected OrderByBuilder() {}

    /** {@code this}, typed as the generated builder. */
    protected abstract O self();

    /** The sort key on the field at {@code index}, for a generated accessor. */
    protected final SortField<O> field(int index) {
        return new SortField<>(self(), index);
    }

    O add(OrderBy key) {
        keys.add(key);
        return self();
    }

    /** The sort keys added. */
    public final List<OrderBy> build() {
        return List.copyOf(keys);
    }
}
