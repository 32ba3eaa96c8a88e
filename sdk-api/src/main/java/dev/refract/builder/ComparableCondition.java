package dev.refract.builder;

import dev.refract.query.Filter.Operator;
import java.util.function.Function;

/**
 * Conditions on one field with ordered values (numbers, date-times): equality and ranges, against a
 * value or another field of the same record ({@link FieldRef}); a record missing either value of a
 * field comparison does not match.
 *
 * @param <W> the where builder
 * @param <T> the field's Java type
 */
public class ComparableCondition<W extends WhereBuilder<W>, T> extends ValueCondition<W, T> {

    /** See {@link ValueCondition#ValueCondition}. */
    public ComparableCondition(W where, int field, String name, Function<? super T, ?> encoder) {
        super(where, field, name, encoder);
    }

    /** The field is less than {@code value}. */
    public W lt(T value) {
        return compare(Operator.LT, value);
    }

    /** The field is less than or equal to {@code value}. */
    public W lte(T value) {
        return compare(Operator.LTE, value);
    }

    /** The field is greater than {@code value}. */
    public W gt(T value) {
        return compare(Operator.GT, value);
    }

    /** The field is greater than or equal to {@code value}. */
    public W gte(T value) {
        return compare(Operator.GTE, value);
    }

    /** The field is less than the other field {@code other} of the same record. */
    public W lt(FieldRef<W, T> other) {
        return compareField(Operator.LT, other);
    }

    /** The field is less than or equal to the other field {@code other} of the same record. */
    public W lte(FieldRef<W, T> other) {
        return compareField(Operator.LTE, other);
    }

    /** The field is greater than the other field {@code other} of the same record. */
    public W gt(FieldRef<W, T> other) {
        return compareField(Operator.GT, other);
    }

    /** The field is greater than or equal to the other field {@code other} of the same record. */
    public W gte(FieldRef<W, T> other) {
        return compareField(Operator.GTE, other);
    }

    /** Conditions on an optional field of this kind: also {@code isNull} and {@code isNotNull}. */
    public static non-sealed class Nullable<W extends WhereBuilder<W>, T> extends ComparableCondition<W, T>
            implements NullableCondition<W> {

        /** See {@link ValueCondition#ValueCondition}. */
        public Nullable(W where, int field, String name, Function<? super T, ?> encoder) {
            super(where, field, name, encoder);
        }
    }
}
