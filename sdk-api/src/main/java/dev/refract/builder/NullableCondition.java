package dev.refract.builder;

/**
 * The null checks of a condition on an optional field, shared by the {@code Nullable} variant of
 * each condition type.
 *
 * @param <W> the where builder
 */
public sealed interface NullableCondition<W extends WhereBuilder<W>>
        permits ValueCondition.Nullable, ComparableCondition.Nullable, StringCondition.Nullable,
        JsonCondition.Nullable {

    /** The field holds no value. */
    default W isNull() {
        return condition().nullCheck(true);
    }

    /** The field holds a value. */
    default W isNotNull() {
        return condition().nullCheck(false);
    }

    /** The condition itself. */
    @SuppressWarnings("unchecked") // safe: the interface is sealed, and every permitted class is a ValueCondition<W, ?>
    private ValueCondition<W, ?> condition() {
        return (ValueCondition<W, ?>) this;
    }
}
