package dev.refract.builder;

import dev.refract.query.Filter;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.NestedWrite;
import java.util.List;
import java.util.function.Consumer;

/**
 * The nested writes of a required to-one relation of a record being updated, e.g.
 * {@code d.run(r -> r.update(u -> u.status(Status.RUNNING)))}: everything {@link ToOneCreate}
 * does, and update or upsert the related record. An optional relation takes a {@link Nullable},
 * which can also disconnect or delete it.
 *
 * @param <C>  the related model's create builder
 * @param <U>  the related model's update builder
 * @param <WU> the related model's unique where builder
 */
public sealed class ToOneWrite<C, U, WU> extends ToOneCreate<C, WU> permits ToOneWrite.Nullable {

    private final RelatedBuilder<U, WriteData> update;

    /**
     * Builds the related model's values and filters with its own builders.
     *
     * @param create the related model's create builder, built for a record created through this
     *               relation (its foreign key to the parent, if it holds one, is filled by the parent)
     * @param update the related model's update builder
     * @param unique the related model's unique where builder
     */
    public ToOneWrite(RelatedBuilder<C, WriteData> create, RelatedBuilder<U, WriteData> update,
            RelatedBuilder<WU, Filter> unique) {
        super(create, unique);
        this.update = update;
    }

    @Override
    public ToOneWrite<C, U, WU> create(Consumer<C> values) {
        super.create(values);
        return this;
    }

    @Override
    public ToOneWrite<C, U, WU> connect(Consumer<WU> where) {
        super.connect(where);
        return this;
    }

    @Override
    public ToOneWrite<C, U, WU> connectOrCreate(Consumer<WU> where, Consumer<C> values) {
        super.connectOrCreate(where, values);
        return this;
    }

    /** Updates the related record with the changes {@code changes} gives; fails when there is none. */
    public ToOneWrite<C, U, WU> update(Consumer<U> changes) {
        add(new NestedWrite.Update(Filter.ALL, update.build(changes)));
        return this;
    }

    /**
     * Updates the related record with {@code changes}, or, when there is none, creates and relates a
     * record with {@code values}.
     */
    public ToOneWrite<C, U, WU> upsert(Consumer<C> values, Consumer<U> changes) {
        add(new NestedWrite.Upsert(Filter.ALL, create.build(values), update.build(changes)));
        return this;
    }

    /**
     * The nested writes of an optional to-one relation: besides what {@link ToOneWrite} does, the
     * related record can be disconnected or deleted.
     *
     * @param <C>  the related model's create builder
     * @param <U>  the related model's update builder
     * @param <WU> the related model's unique where builder
     */
    public static final class Nullable<C, U, WU> extends ToOneWrite<C, U, WU> {

        /**
         * Builds the related model's values and filters with its own builders.
         *
         * @param create the related model's create builder, built for a record created through this
         *               relation (its foreign key to the parent, if it holds one, is filled by the parent)
         * @param update the related model's update builder
         * @param unique the related model's unique where builder
         */
        public Nullable(RelatedBuilder<C, WriteData> create, RelatedBuilder<U, WriteData> update,
                RelatedBuilder<WU, Filter> unique) {
            super(create, update, unique);
        }

        @Override
        public Nullable<C, U, WU> create(Consumer<C> values) {
            super.create(values);
            return this;
        }

        @Override
        public Nullable<C, U, WU> connect(Consumer<WU> where) {
            super.connect(where);
            return this;
        }

        @Override
        public Nullable<C, U, WU> connectOrCreate(Consumer<WU> where, Consumer<C> values) {
            super.connectOrCreate(where, values);
            return this;
        }

        @Override
        public Nullable<C, U, WU> update(Consumer<U> changes) {
            super.update(changes);
            return this;
        }

        @Override
        public Nullable<C, U, WU> upsert(Consumer<C> values, Consumer<U> changes) {
            super.upsert(values, changes);
            return this;
        }

        /** Unrelates the related record, keeping it. */
        public Nullable<C, U, WU> disconnect() {
            add(new NestedWrite.Disconnect(List.of(Filter.ALL)));
            return this;
        }

        /** Deletes the related record; fails when there is none. */
        public Nullable<C, U, WU> delete() {
            add(new NestedWrite.Delete(List.of(Filter.ALL)));
            return this;
        }
    }
}
