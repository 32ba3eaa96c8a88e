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
 * Conditions on a list field: whole-list equality and membership.
 *
 * @param <W> the where builder
 * @param <T> the element type
 */
public class ListCondition<W extends WhereBuilder<W>, T> {

    private final W where;
    private final int field;
    private final String name;
    private final Function<? super T, ?> encoder;

    /** See {@link ValueCondition#ValueCondition}; {@code encoder} applies to each element. */
    public ListCondition(W where, int field, String name, Function<? super T, ?> encoder) {
        this.where = where;
        this.field = field;
        this.name = name;
        this.encoder = encoder;
    }

    /** The list equals {@code values}, element by element. */
    public W eq(List<? extends T> values) {
        return add(Operator.EQUALS, encodeAll(values));
    }

    /** The list contains {@code value}. */
    public W has(T value) {
        Objects.requireNonNull(value, () -> "the value of " + name + "().has");
        return add(Operator.HAS, encoder.apply(value));
    }

    /** The list contains every one of {@code values}. */
    public W hasEvery(Collection<? extends T> values) {
        return add(Operator.HAS_EVERY, encodeAll(values));
    }

    /** The list contains at least one of {@code values}. */
    public W hasSome(Collection<? extends T> values) {
        return add(Operator.HAS_SOME, encodeAll(values));
    }

    /** The list is empty. */
    public W isEmpty() {
        return where.add(new Filter.Comparison(field, Operator.IS_EMPTY, null, Mode.DEFAULT));
    }

    private W add(Operator operator, Object value) {
        return where.add(new Filter.Comparison(field, operator, value, Mode.DEFAULT));
    }

    private List<Object> encodeAll(Collection<? extends T> values) {
        Objects.requireNonNull(values, () -> "the values given to " + name + "()");
        List<Object> encoded = new ArrayList<>(values.size());
        for (T value : values) {
            encoded.add(encoder.apply(Objects.requireNonNull(value, () -> "an element given to " + name + "()")));
        }
        return List.copyOf(encoded);
    }
}
