package dev.refract.query;

import java.util.Objects;

/**
 * One sort key.
 *
 * @param field     an index into the model's fields
 * @param direction ascending or descending
 * @param nulls     where records without a value go
 */
public record OrderBy(int field, Direction direction, Nulls nulls) {

    public OrderBy {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(nulls, "nulls");
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
