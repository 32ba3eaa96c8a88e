package dev.refract.builder;

import dev.refract.query.Filter;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Conditions on one field whose values can only be compared for equality (booleans, enums, JSON,
 * bytes), with a value or with another field of the same record ({@link FieldRef}). Each method
 * adds its condition to the where builder and returns it, so conditions chain.
 *
 * @param <W> the where builder
 * @param <T> the field's Java type
 */
public class ValueCondition<W extends WhereBuilder<W>, T> {

    private final W where;
    private final int field;
    private final String name;
    private final Function<? super T, ?> encoder;

    /**
     * @param field   the field's index in its model
     * @param name    the field's name, for error messages
     * @param encoder turns a Java value into its stored form, e.g. an enum into its database name
     */
    public ValueCondition(W where, int field, String name, Function<? super T, ?> encoder) {
        this.where = where;
        this.field = field;
        this.name = name;
        this.encoder = encoder;
    }

    /** The field equals {@code value}. */
    public W eq(T value) {
        return compare(Operator.EQUALS, value);
    }

    /** The field does not equal {@code value}. */
    public W not(T value) {
        return compare(Operator.NOT, value);
    }

    /** The field equals the other field {@code other} of the same record; a record missing either value does not match. */
    public W eq(FieldRef<W, T> other) {
        return compareField(Operator.EQUALS, other);
    }

    /** The field differs from the other field {@code other} of the same record; a record missing either value does not match. */
    public W not(FieldRef<W, T> other) {
        return compareField(Operator.NOT, other);
    }

    /** The field equals one of {@code values}. */
    public W in(Collection<? extends T> values) {
        return compareList(Operator.IN, values);
    }

    /** The field equals one of {@code values}. */
    @SafeVarargs
    public final W in(T... values) {
        return compareAll(Operator.IN, values);
    }

    /** The field equals none of {@code values}. */
    public W notIn(Collection<? extends T> values) {
        return compareList(Operator.NOT_IN, values);
    }

    /** The field equals none of {@code values}. */
    @SafeVarargs
    public final W notIn(T... values) {
        return compareAll(Operator.NOT_IN, values);
    }

    /** How strings compare; {@link Mode#DEFAULT} unless a subclass says otherwise. */
    Mode mode() {
        return Mode.DEFAULT;
    }

    final W compare(Operator operator, T value) {
        if (value == null) {
            throw new NullPointerException("The condition " + operator.name().toLowerCase() + " on field '" + name
                    + "' was given null: to match a missing value use " + name + "().isNull()");
        }
        return where.add(new Filter.Comparison(field, operator, encoder.apply(value), mode()));
    }

    final W compareField(Operator operator, FieldRef<W, T> other) {
        Objects.requireNonNull(other, () -> "the field given to " + name + "()." + operator.name().toLowerCase());
        if (mode() != Mode.DEFAULT) {
            throw new IllegalStateException("insensitive() does not apply when comparing " + name + " with the field "
                    + other.name() + ": two fields are compared as the database compares them; drop insensitive()");
        }
        return where.add(new Filter.FieldComparison(field, operator, other.index()));
    }

    final W compareList(Operator operator, Collection<? extends T> values) {
        Objects.requireNonNull(values, () -> "the values of " + name + "()." + operator.name().toLowerCase());
        List<Object> encoded = new ArrayList<>(values.size());
        for (T value : values) {
            if (value == null) {
                throw new NullPointerException("The list given to " + name + "() contains null: remove it, and use "
                        + name + "().isNull() to match a missing value");
            }
            encoded.add(encoder.apply(value));
        }
        return where.add(new Filter.Comparison(field, operator, List.copyOf(encoded), mode()));
    }

    @SafeVarargs
    private W compareAll(Operator operator, T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T value : values) {
            list.add(value);
        }
        return compareList(operator, list);
    }

    final W nullCheck(boolean isNull) {
        return where.add(new Filter.IsNull(field, isNull));
    }

    /** The identity encoder, for values stored as they are. */
    public static <T> Function<T, Object> asIs() {
        return value -> value;
    }

    /** Conditions on an optional field of this kind: also {@code isNull} and {@code isNotNull}. */
    public static non-sealed class Nullable<W extends WhereBuilder<W>, T> extends ValueCondition<W, T>
            implements NullableCondition<W> {

        /** See {@link ValueCondition#ValueCondition}. */
        public Nullable(W where, int field, String name, Function<? super T, ?> encoder) {
            super(where, field, name, encoder);
        }
    }
}
