package dev.refract.builder;

import dev.refract.query.Filter;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Conditions on a composite field, a value of a schema {@code type} embedded in the document, e.g.
 * {@code w.address().is(a -> a.city().eq("Berlin"))} or {@code w.photos().some(p -> p.width().gte(1024))}.
 * Each method adds one condition to the where builder and returns it, so conditions chain. The
 * conditions on the embedded value are built by a fresh where builder of the composite type, which
 * has conditions of its own composite fields, so conditions reach embedded values at any depth.
 *
 * <p>A single composite field offers {@link Single}, an optional one {@link Single.Nullable}, and a
 * list of composites {@link Many}; the compiler rejects a condition that does not fit the field,
 * such as {@code some} on a single value.
 *
 * @param <W> the where builder of the model or composite type holding the field
 * @param <T> the composite type's record
 * @param <C> the where builder of the composite type
 */
public abstract sealed class CompositeFilter<W extends WhereBuilder<W>, T extends Record, C extends WhereBuilder<C>>
        permits CompositeFilter.Single, CompositeFilter.Many {

    private final W where;
    private final int field;
    private final String name;
    private final Function<? super T, Row> encoder;
    private final Supplier<C> composite;

    CompositeFilter(W where, int field, String name, Function<? super T, Row> encoder, Supplier<C> composite) {
        this.where = Objects.requireNonNull(where, "where");
        this.field = field;
        this.name = Objects.requireNonNull(name, "name");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.composite = Objects.requireNonNull(composite, "composite");
    }

    /** Adds the condition that the embedded value or values, as {@code quantifier} says, meet {@code conditions}. */
    final W embedded(Quantifier quantifier, String method, Consumer<C> conditions) {
        Objects.requireNonNull(conditions, () -> "the conditions given to " + name + "()." + method
                + ": pass c -> {} to accept every value");
        C builder = composite.get();
        conditions.accept(builder);
        return where.add(new Filter.Embedded(field, quantifier, builder.build()));
    }

    /** The stored form of {@code value}, a nested row; {@code null} is refused with a message saying what to use instead. */
    final Row encode(T value, String method, String instead) {
        if (value == null) {
            throw new NullPointerException("The value given to " + name + "()." + method + " is null: " + instead);
        }
        return encoder.apply(value);
    }

    final W add(Filter filter) {
        return where.add(filter);
    }

    final Filter equality(Object stored) {
        return new Filter.Comparison(field, Operator.EQUALS, stored, Mode.DEFAULT);
    }

    final int field() {
        return field;
    }

    final String name() {
        return name;
    }

    /**
     * Conditions on a single composite value: whether it equals a whole value, and whether its own
     * fields meet conditions.
     *
     * @param <W> the where builder of the model or composite type holding the field
     * @param <T> the composite type's record
     * @param <C> the where builder of the composite type
     */
    public static sealed class Single<W extends WhereBuilder<W>, T extends Record, C extends WhereBuilder<C>>
            extends CompositeFilter<W, T, C> permits Single.Nullable {

        /**
         * @param where     the where builder the conditions are added to
         * @param field     the index of the composite field in its model or composite type
         * @param name      the field's name, for error messages
         * @param encoder   turns a value into its stored form, a nested row (the composite type's codec)
         * @param composite makes a fresh where builder of the composite type
         */
        public Single(W where, int field, String name, Function<? super T, Row> encoder, Supplier<C> composite) {
            super(where, field, name, encoder, composite);
        }

        /** The field holds exactly {@code value}: every one of its fields equal, {@code null} where {@code value} has none. */
        public W equals(T value) {
            return add(equality(encode(value, "equals", "match a field that holds no value with "
                    + name() + "().isSet(false), which an optional field has")));
        }

        /** The field holds a value, and it meets {@code conditions}. */
        public W is(Consumer<C> conditions) {
            return embedded(Quantifier.IS, "is", conditions);
        }

        /** The field holds no value, or one that does not meet {@code conditions}. */
        public W isNot(Consumer<C> conditions) {
            return embedded(Quantifier.IS_NOT, "isNot", conditions);
        }

        /**
         * Conditions on an optional composite value: also whether it is set.
         *
         * @param <W> the where builder of the model or composite type holding the field
         * @param <T> the composite type's record
         * @param <C> the where builder of the composite type
         */
        public static final class Nullable<W extends WhereBuilder<W>, T extends Record, C extends WhereBuilder<C>>
                extends Single<W, T, C> {

            /** See {@link Single#Single}. */
            public Nullable(W where, int field, String name, Function<? super T, Row> encoder, Supplier<C> composite) {
                super(where, field, name, encoder, composite);
            }

            /** The field holds a value ({@code set} true) or holds none ({@code set} false). */
            public W isSet(boolean set) {
                return add(new Filter.IsNull(field(), !set));
            }
        }
    }

    /**
     * Conditions on a list of composite values: whether it equals a whole list, whether some, every
     * or none of its elements meet conditions, and whether it is empty.
     *
     * @param <W> the where builder of the model or composite type holding the field
     * @param <T> the composite type's record
     * @param <C> the where builder of the composite type
     */
    public static final class Many<W extends WhereBuilder<W>, T extends Record, C extends WhereBuilder<C>>
            extends CompositeFilter<W, T, C> {

        /** See {@link Single#Single}; {@code encoder} applies to each element. */
        public Many(W where, int field, String name, Function<? super T, Row> encoder, Supplier<C> composite) {
            super(where, field, name, encoder, composite);
        }

        /**
         * The list holds exactly {@code values}, in this order, each element equal field by field as
         * {@link Single}'s {@code equals} compares.
         */
        public W equals(List<? extends T> values) {
            Objects.requireNonNull(values, () -> "the list given to " + name() + "().equals is null: to match an empty"
                    + " list use isEmpty(true)");
            List<Row> rows = new ArrayList<>(values.size());
            for (T value : values) {
                rows.add(encode(value, "equals", "a list of composite values holds no null; remove it"));
            }
            return add(equality(List.copyOf(rows)));
        }

        /** At least one element meets {@code conditions}. */
        public W some(Consumer<C> conditions) {
            return embedded(Quantifier.SOME, "some", conditions);
        }

        /** Every element meets {@code conditions}; true when the list is empty. */
        public W every(Consumer<C> conditions) {
            return embedded(Quantifier.EVERY, "every", conditions);
        }

        /** No element meets {@code conditions}; true when the list is empty. */
        public W none(Consumer<C> conditions) {
            return embedded(Quantifier.NONE, "none", conditions);
        }

        /** The list is empty ({@code empty} true) or has at least one element ({@code empty} false). */
        public W isEmpty(boolean empty) {
            Filter isEmpty = new Filter.Comparison(field(), Operator.IS_EMPTY, null, Mode.DEFAULT);
            return add(empty ? isEmpty : new Filter.Not(isEmpty));
        }
    }
}
