package dev.refract.builder;

import dev.refract.query.Aggregations;
import dev.refract.query.OrderBy;
import dev.refract.query.OrderBy.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The base of every generated order-by builder: sort keys in the order they are added, most
 * significant first. Besides the model's own fields, a key may sort on a related record reached
 * through a to-one relation ({@link #related}), on the number of records of a to-many relation
 * ({@link #relation}), or, in a group-by, on an aggregate of each group ({@link #aggregate}).
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
        return new SortField<>(self(), new Key.Field(index));
    }

    /**
     * Adds the sort keys {@code order} gives {@code related}, the empty order-by builder of the model
     * a to-one relation leads to, each through the relation field at {@code relation}: a field of the
     * related record becomes a {@link Key.RelatedField}, a count of its relation a longer
     * {@link Key.RelationCount}, at any depth.
     *
     * @throws IllegalArgumentException when {@code order} sorted on an aggregate, which only a
     *         group-by has
     */
    protected final <R extends OrderByBuilder<R>> O related(int relation, R related, Consumer<R> order) {
        Objects.requireNonNull(order, "the sort keys of a related record: pass r -> r.someField().asc()");
        order.accept(related);
        for (OrderBy key : related.build()) {
            keys.add(new OrderBy(through(relation, key.key()), key.direction(), key.nulls()));
        }
        return self();
    }

    /** The sort keys on the to-many relation at {@code index}, for a generated accessor. */
    protected final RelationSort<O> relation(int index) {
        return new RelationSort<>(self(), index);
    }

    /**
     * The sort key on {@code function} over the field at {@code field} of each group, for a
     * generated group-by order builder; {@code field} {@code -1} with {@link Aggregations.Function#COUNT}
     * counts the group's records.
     */
    protected final SortField<O> aggregate(Aggregations.Function function, int field) {
        return new SortField<>(self(), new Key.Aggregate(function, field));
    }

    O add(OrderBy key) {
        keys.add(key);
        return self();
    }

    /** The sort keys added. */
    public final List<OrderBy> build() {
        return List.copyOf(keys);
    }

    private static Key through(int relation, Key key) {
        if (key instanceof Key.Field field) {
            return new Key.RelatedField(List.of(relation), field.field());
        }
        if (key instanceof Key.RelatedField related) {
            return new Key.RelatedField(prepend(relation, related.relations()), related.field());
        }
        if (key instanceof Key.RelationCount count) {
            return new Key.RelationCount(prepend(relation, count.relations()));
        }
        throw new IllegalArgumentException("A related record cannot sort by an aggregate (" + key
                + "): aggregates sort the groups of a groupBy");
    }

    private static List<Integer> prepend(int relation, List<Integer> relations) {
        List<Integer> path = new ArrayList<>(relations.size() + 1);
        path.add(relation);
        path.addAll(relations);
        return path;
    }
}
