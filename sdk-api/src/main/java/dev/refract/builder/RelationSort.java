package dev.refract.builder;

import dev.refract.query.OrderBy;
import java.util.List;

/**
 * Sort keys on a to-many relation, e.g. {@code o.steps().count().desc()}: a record sorts by how
 * many related records it has.
 *
 * @param <O> the order-by builder
 */
public final class RelationSort<O extends OrderByBuilder<O>> {

    private final O orderBy;
    private final int relation;

    RelationSort(O orderBy, int relation) {
        this.orderBy = orderBy;
        this.relation = relation;
    }

    /** Sort by the number of related records; a record with none counts 0. */
    public SortField<O> count() {
        return new SortField<>(orderBy, new OrderBy.Key.RelationCount(List.of(relation)));
    }
}
