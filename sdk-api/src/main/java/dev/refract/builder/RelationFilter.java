package dev.refract.builder;

import dev.refract.query.Filter;
import dev.refract.query.Filter.Quantifier;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Conditions on the records related through one relation field, e.g.
 * {@code w.steps().some(s -> s.status().eq(Status.FAILED))} or {@code w.run().is(r -> r.name().eq("nightly"))}.
 * Each method adds one {@link Filter.Related} to the where builder and returns it, so conditions
 * chain. The conditions on the related records are built by a fresh where builder of the related
 * model, which has relation conditions of its own, so conditions follow relations to any depth.
 *
 * <p>A to-many relation offers {@link ToMany}, a required to-one relation {@link ToOne}, and an
 * optional to-one relation {@link ToOne.Nullable}; the compiler rejects a quantifier that does not
 * fit the relation, such as {@code some} on a to-one relation.
 *
 * @param <W> the where builder of the model holding the relation field
 * @param <R> the where builder of the related model
 */
public abstract sealed class RelationFilter<W extends WhereBuilder<W>, R extends WhereBuilder<R>>
        permits RelationFilter.ToMany, RelationFilter.ToOne {

    private final W where;
    private final int field;
    private final String name;
    private final Supplier<R> related;

    RelationFilter(W where, int field, String name, Supplier<R> related) {
        this.where = Objects.requireNonNull(where, "where");
        this.field = field;
        this.name = Objects.requireNonNull(name, "name");
        this.related = Objects.requireNonNull(related, "related");
    }

    /** Adds the condition that the related records, as {@code quantifier} says, meet {@code conditions}. */
    final W quantified(Quantifier quantifier, String method, Consumer<R> conditions) {
        Objects.requireNonNull(conditions, () -> "the conditions given to " + name + "()." + method
                + ": pass r -> {} to accept every related record");
        R builder = related.get();
        conditions.accept(builder);
        return where.add(new Filter.Related(field, quantifier, builder.build()));
    }

    /** Adds a condition on whether the relation is set at all. */
    final W set(boolean set) {
        return where.add(new Filter.Related(field, set ? Quantifier.IS : Quantifier.IS_NOT, Filter.ALL));
    }

    /**
     * Conditions on a to-many relation: whether some, every or none of the related records meet
     * conditions.
     *
     * @param <W> the where builder of the model holding the relation field
     * @param <R> the where builder of the related model
     */
    public static final class ToMany<W extends WhereBuilder<W>, R extends WhereBuilder<R>> extends RelationFilter<W, R> {

        /**
         * @param where   the where builder the conditions are added to
         * @param field   the index of the relation field in its model
         * @param name    the relation field's name, for error messages
         * @param related makes a fresh where builder of the related model
         */
        public ToMany(W where, int field, String name, Supplier<R> related) {
            super(where, field, name, related);
        }

        /** At least one related record meets {@code conditions}. */
        public W some(Consumer<R> conditions) {
            return quantified(Quantifier.SOME, "some", conditions);
        }

        /** Every related record meets {@code conditions}; true when there is none. */
        public W every(Consumer<R> conditions) {
            return quantified(Quantifier.EVERY, "every", conditions);
        }

        /** No related record meets {@code conditions}; true when there is none. */
        public W none(Consumer<R> conditions) {
            return quantified(Quantifier.NONE, "none", conditions);
        }
    }

    /**
     * Conditions on a to-one relation: whether the related record meets conditions.
     *
     * @param <W> the where builder of the model holding the relation field
     * @param <R> the where builder of the related model
     */
    public static sealed class ToOne<W extends WhereBuilder<W>, R extends WhereBuilder<R>> extends RelationFilter<W, R>
            permits ToOne.Nullable {

        /** See {@link ToMany#ToMany}. */
        public ToOne(W where, int field, String name, Supplier<R> related) {
            super(where, field, name, related);
        }

        /** The related record exists and meets {@code conditions}. */
        public W is(Consumer<R> conditions) {
            return quantified(Quantifier.IS, "is", conditions);
        }

        /** The related record does not meet {@code conditions}, or, on an optional relation, there is none. */
        public W isNot(Consumer<R> conditions) {
            return quantified(Quantifier.IS_NOT, "isNot", conditions);
        }

        /**
         * Conditions on an optional to-one relation: also whether it is set.
         *
         * @param <W> the where builder of the model holding the relation field
         * @param <R> the where builder of the related model
         */
        public static final class Nullable<W extends WhereBuilder<W>, R extends WhereBuilder<R>> extends ToOne<W, R> {

            /** See {@link ToMany#ToMany}. */
            public Nullable(W where, int field, String name, Supplier<R> related) {
                super(where, field, name, related);
            }

            /** The relation is not set: there is no related record. */
            public W isNull() {
                return set(false);
            }

            /** The relation is set: there is a related record. */
            public W isNotNull() {
                return set(true);
            }
        }
    }
}
