package dev.refract.query;

import java.util.List;
import java.util.Objects;

/**
 * One sort key.
 *
 * @param key       what is sorted on
 * @param direction ascending or descending
 * @param nulls     where records without a value go
 */
public record OrderBy(Key key, Direction direction, Nulls nulls) {

    public OrderBy {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** A sort on field {@code field} of the model itself. */
    public OrderBy(int field, Direction direction, Nulls nulls) {
        this(new Key.Field(field), direction, nulls);
    }

    /** What a sort key sorts on. */
    public sealed interface Key {

        /** A scalar field of the model itself (or, in a group-by, a group key). */
        record Field(int field) implements Key {}

        /**
         * A scalar field of a record reached through to-one relations: {@code relations} are relation
         * field indexes, the first in the model itself, each next one in the target of the one before;
         * {@code field} is a field of the last target. A record whose relation is not set sorts as a
         * missing value.
         */
        record RelatedField(List<Integer> relations, int field) implements Key {
            public RelatedField {
                relations = List.copyOf(relations);
                if (relations.isEmpty()) {
                    throw new IllegalArgumentException("a related field needs at least one relation; use Field");
                }
            }
        }

        /**
         * The number of records of a to-many relation: {@code relations} lead through to-one relations
         * (possibly none) to the to-many relation counted, which is last. No related record counts 0.
         */
        record RelationCount(List<Integer> relations) implements Key {
            public RelationCount {
                relations = List.copyOf(relations);
                if (relations.isEmpty()) {
                    throw new IllegalArgumentException("a relation count needs the relation counted");
                }
            }
        }

        /**
         * An aggregate of a group-by's rows, e.g. {@code _sum: { cost: desc }}: {@code function} over
         * {@code field}. For {@link Aggregations.Function#COUNT} a {@code field} of {@code -1} counts the
         * records of the group ({@code _count: { _all: … }}). Only a group-by sorts on aggregates.
         */
        record Aggregate(Aggregations.Function function, int field) implements Key {
            public Aggregate {
                Objects.requireNonNull(function, "function");
                if (field < 0 && !(field == -1 && function == Aggregations.Function.COUNT)) {
                    throw new IllegalArgumentException("only COUNT takes field -1 (the records of the group)");
                }
            }
        }
    }

    /** The sort direction. */
    public enum Direction { ASC, DESC }

    /** Where missing values sort. */
    public enum Nulls {
        /** As the database sorts them by default. */
        DEFAULT,
        FIRST,
        LAST
    }
}
