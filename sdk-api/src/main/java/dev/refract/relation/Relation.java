package dev.refract.relation;

import dev.refract.error.RelationNotLoadedException;
import java.util.Optional;

/**
 * A relation field of a generated record: either {@link NotLoaded} (the query did not
 * {@code include} it) or {@link Loaded}. The same for every model, so "not loaded" is never
 * confused with "loaded and empty".
 *
 * <p>For a to-many relation {@code T} is a {@code List}, empty when there are no related records.
 * For a to-one relation {@code T} is the related record, and a loaded relation with no related
 * record holds {@code null}: {@link #get()} returns {@code null}, {@link #find()} an empty
 * {@code Optional}.
 *
 * @param <T> the related record, or a list of them
 */
public sealed interface Relation<T> {

    /** The relation was not part of the query. */
    record NotLoaded<T>(String model, String field) implements Relation<T> {}

    /** The relation was loaded; {@code value} is {@code null} only for an absent to-one record. */
    record Loaded<T>(T value) implements Relation<T> {}

    /** A relation {@code field} of {@code model} not loaded. */
    static <T> Relation<T> notLoaded(String model, String field) {
        return new NotLoaded<>(model, field);
    }

    /** A loaded relation. */
    static <T> Relation<T> loaded(T value) {
        return new Loaded<>(value);
    }

    /** True when the query included this relation. */
    default boolean isLoaded() {
        return this instanceof Loaded<T>;
    }

    /**
     * The loaded value; {@code null} for a loaded to-one relation with no related record.
     *
     * @throws RelationNotLoadedException when the query did not include this relation; its message
     *         says which {@code include} to add
     */
    default T get() {
        if (this instanceof Loaded<T> loaded) {
            return loaded.value();
        }
        NotLoaded<T> notLoaded = (NotLoaded<T>) this;
        throw new RelationNotLoadedException(notLoaded.model(), notLoaded.field());
    }

    /**
     * The loaded value as an {@code Optional}.
     *
     * @throws RelationNotLoadedException when the query did not include this relation
     */
    default Optional<T> find() {
        return Optional.ofNullable(get());
    }
}
