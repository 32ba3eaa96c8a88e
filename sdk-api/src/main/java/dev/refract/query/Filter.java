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

    /**
     * The field compared with another field of the same record, e.g. {@code updatedAt > startedAt}.
     * Only {@link Operator#EQUALS}, {@link Operator#NOT}, {@link Operator#LT}, {@link Operator#LTE},
     * {@link Operator#GT} and {@link Operator#GTE} compare fields; a record where either field holds
     * no value does not match.
     *
     * @param field      an index into the model's fields
     * @param operator   how the two compare
     * @param otherField an index into the same model's fields
     */
    record FieldComparison(int field, Operator operator, int otherField) implements Filter {
        public FieldComparison {
            Objects.requireNonNull(operator, "operator");
            switch (operator) {
                case EQUALS, NOT, LT, LTE, GT, GTE -> { }
                default -> throw new IllegalArgumentException("operator " + operator
                        + " cannot compare two fields; use equals, not, lt, lte, gt or gte");
            }
        }
    }

    /**
     * A condition on the value found at {@code path} inside a {@code Json} field. A record whose
     * field holds no value, or no value at that path, does not match.
     *
     * @param field    an index into the model's fields; a {@code Json} field
     * @param path     object keys (and array positions, as decimal text) from the root, outermost first
     * @param operator what the value at the path must satisfy
     * @param value    a {@link dev.refract.json.Json} for {@link JsonOperator#EQUALS} and
     *                 {@link JsonOperator#ARRAY_CONTAINS}; a {@code String} for the string operators
     */
    record JsonPath(int field, List<String> path, JsonOperator operator, Object value) implements Filter {
        public JsonPath {
            path = List.copyOf(path);
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A condition on the records related through a relation field, nested to any depth: {@code filter}
     * is a filter of the related model.
     *
     * <ul>
     *   <li>{@link Quantifier#SOME}: at least one related record matches (to-many).</li>
     *   <li>{@link Quantifier#EVERY}: every related record matches; true when there are none (to-many).</li>
     *   <li>{@link Quantifier#NONE}: no related record matches; true when there are none (to-many).</li>
     *   <li>{@link Quantifier#IS}: the related record exists and matches (to-one); with
     *       {@link Filter#ALL}, the relation is set.</li>
     *   <li>{@link Quantifier#IS_NOT}: the opposite of {@code IS} (to-one); with {@link Filter#ALL}, the
     *       relation is not set.</li>
     * </ul>
     *
     * @param field      the index of the relation field in this model
     * @param quantifier how the related records must match
     * @param filter     a filter of the related model
     */
    record Related(int field, Quantifier quantifier, Filter filter) implements Filter {
        public Related {
            Objects.requireNonNull(quantifier, "quantifier");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * A condition on the embedded value of a composite field (a {@code type} of the schema, stored
     * inside the document), nested to any depth: {@code filter} is a filter over the composite type's
     * fields ({@link dev.refract.meta.CompositeMeta#fields()}), its indexes counted in that type.
     *
     * <ul>
     *   <li>{@link Quantifier#IS}: the field holds a value and it matches; {@link Quantifier#IS_NOT}: it
     *       holds none, or one that does not match (a single composite).</li>
     *   <li>{@link Quantifier#SOME}, {@link Quantifier#EVERY}, {@link Quantifier#NONE}: at least one,
     *       every, no element of the list matches; an empty or missing list has every element and none
     *       matching (a list of composites).</li>
     * </ul>
     *
     * <p>Equality with a whole value is a {@link Comparison} with {@link Operator#EQUALS} and a
     * {@link dev.refract.spi.Row} of the composite (a {@link List} of rows for a list); whether the
     * field holds a value is an {@link IsNull}, whether a list is empty {@link Operator#IS_EMPTY}.
     *
     * @param field      the index of the composite field in this model or composite type
     * @param quantifier how the embedded value or values must match
     * @param filter     a filter over the composite type's fields
     */
    record Embedded(int field, Quantifier quantifier, Filter filter) implements Filter {
        public Embedded {
            Objects.requireNonNull(quantifier, "quantifier");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** How a {@link Related} filter quantifies over the related records. */
    enum Quantifier {
        /** At least one related record matches (to-many). */
        SOME,
        /** Every related record matches (to-many). */
        EVERY,
        /** No related record matches (to-many). */
        NONE,
        /** The related record exists and matches (to-one). */
        IS,
        /** Not {@link #IS} (to-one). */
        IS_NOT;

        /** True for the quantifiers of to-many relations. */
        public boolean toMany() {
            return this == SOME || this == EVERY || this == NONE;
        }
    }

    /** What a {@link JsonPath} filter asks of the value at its path. */
    enum JsonOperator {
        /** The value equals the given JSON value. */
        EQUALS,
        /** The value is a string containing the given text. */
        STRING_CONTAINS,
        /** The value is a string starting with the given text. */
        STRING_STARTS_WITH,
        /** The value is a string ending with the given text. */
        STRING_ENDS_WITH,
        /** The value is an array containing the given JSON value (or every element of a given array). */
        ARRAY_CONTAINS
    }

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
