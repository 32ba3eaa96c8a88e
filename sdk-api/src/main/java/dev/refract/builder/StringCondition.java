package dev.refract.builder;

import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;

/**
 * Conditions on one string field: equality, ranges, substrings, and a case-insensitive mode that
 * applies to the conditions added after {@link #insensitive()} on this field.
 *
 * @param <W> the where builder
 */
public class StringCondition<W extends WhereBuilder<W>> extends ComparableCondition<W, String> {

    private Mode mode = Mode.DEFAULT;

    /** See {@link ValueCondition#ValueCondition}; strings are stored as they are. */
    public StringCondition(W where, int field, String name) {
        super(where, field, name, ValueCondition.asIs());
    }

    /** Compare ignoring case from here on, e.g. {@code w.name().insensitive().contains("video")}. */
    public StringCondition<W> insensitive() {
        mode = Mode.INSENSITIVE;
        return this;
    }

    @Override
    Mode mode() {
        return mode;
    }

    /** The field contains {@code value}. */
    public W contains(String value) {
        return compare(Operator.CONTAINS, value);
    }

    /** The field starts with {@code value}. */
    public W startsWith(String value) {
        return compare(Operator.STARTS_WITH, value);
    }

    /** The field ends with {@code value}. */
    public W endsWith(String value) {
        return compare(Operator.ENDS_WITH, value);
    }

    /** Conditions on an optional string field: also {@code isNull} and {@code isNotNull}. */
    public static non-sealed class Nullable<W extends WhereBuilder<W>> extends StringCondition<W>
            implements NullableCondition<W> {

        /** See {@link StringCondition#StringCondition}. */
        public Nullable(W where, int field, String name) {
            super(where, field, name);
        }

        @Override
        public Nullable<W> insensitive() {
            super.insensitive();
            return this;
        }
    }
}
