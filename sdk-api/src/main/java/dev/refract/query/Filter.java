package dev.refract.query;

import java.util.List;
import java.util.Objects;

/**
 * A condition on the records of one model. Fields are indexes into the model's
 * {@link dev.refract.meta.ModelMeta#fields()}; values are already in their stored form (an enum as
 * its database name), so an adapter renders a filter without knowing generated types.
 */
public sealed interface Filter {

    /** Matches every record; the filter of a query with no {@code where}. */
    Filter ALL = new And(List.of());

    /** All of {@code filters} hold; an empty list matches every record. */
    record And(List<Filter> filters) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }
    }

    /** At least one of {@code filters} holds; an empty list matches no record. */
    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = List.copyOf(filters);
        }
    }

    /** {@code filter} does not hold. */
    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * The field compared with a value. For {@link Operator#IN} and {@link Operator#NOT_IN} the value
     * is a {@link List}; for the list operators ({@code HAS…}) see {@link Operator}.
     */
    record Comparison(int field, Operator operator, Object value, Mode mode) implements Filter {
        public Comparison {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(mode, "mode");
            if (value == null && operator != Operator.IS_EMPTY) {
                throw new IllegalArgumentException("operator " + operator + " needs a value; use IsNull to match a missing value");
            }
        }
    }

    /** The field holds no value ({@code isNull} true) or holds one ({@code isNull} false). */
    record IsNull(int field, boolean isNull) implements Filter {}

    /** How a filter compares a field with a value. */
    enum Operator {
        EQUALS, NOT, IN, NOT_IN, LT, LTE, GT, GTE, CONTAINS, STARTS_WITH, ENDS_WITH,
        /** A list field contains the value. */
        HAS,
        /** A list field contains every element of the value, a {@link List}. */
        HAS_EVERY,
        /** A list field contains at least one element of the value, a {@link List}. */
        HAS_SOME,
        /** A list field is empty; the value is {@code null}. */
        IS_EMPTY
    }

    /** How strings compare. */
    enum Mode {
        /** As the database compares them by default. */
        DEFAULT,
        /** Ignoring case. */
        INSENSITIVE
    }

    /** The conjunction of {@code filters}, flattened when there is only one. */
    static Filter and(List<Filter> filters) {
        return filters.size() == 1 ? filters.get(0) : new And(filters);
    }
}
