package dev.refract.builder;

import dev.refract.query.Filter;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.NestedWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The nested writes of a to-many relation of records being updated, e.g.
 * {@code d.steps(s -> s.updateMany(w -> w.status().eq(Status.FAILED), u -> u.attempts(0)).delete(w -> w.id("x")))}:
 * everything {@link ToManyCreate} does, and set, disconnect, update, upsert and delete related
 * records. Every call adds one write; they run in call order.
 *
 * @param <C>  the related model's create builder
 * @param <U>  the related model's update builder
 * @param <WU> the related model's unique where builder
 * @param <W>  the related model's where builder
 */
public final class ToManyWrite<C, U, WU, W> extends ToManyCreate<C, WU> {

    private final RelatedBuilder<U, WriteData> update;
    private final RelatedBuilder<W, Filter> matching;

    /**
     * Builds the related model's values and filters with its own builders.
     *
     * @param create the related model's create builder, built for a record created through this
     *               relation (its foreign key to the parent is filled by the parent)
     * @param update the related model's update builder
     * @param unique the related model's unique where builder
     * @param where  the related model's where builder
     */
    public ToManyWrite(RelatedBuilder<C, WriteData> create, RelatedBuilder<U, WriteData> update,
            RelatedBuilder<WU, Filter> unique, RelatedBuilder<W, Filter> where) {
        super(create, unique);
        this.update = update;
        this.matching = where;
    }

    @Override
    public ToManyWrite<C, U, WU, W> create(Consumer<C> values) {
        super.create(values);
        return this;
    }

    @Override
    public ToManyWrite<C, U, WU, W> createMany(Iterable<C> records) {
        super.createMany(records);
        return this;
    }

    @Override
    public ToManyWrite<C, U, WU, W> createMany(Iterable<C> records, boolean skipDuplicates) {
        super.createMany(records, skipDuplicates);
        return this;
    }

    @Override
    public ToManyWrite<C, U, WU, W> connect(Consumer<WU> where) {
        super.connect(where);
        return this;
    }

    @Override
    public ToManyWrite<C, U, WU, W> connectOrCreate(Consumer<WU> where, Consumer<C> values) {
        super.connectOrCreate(where, values);
        return this;
    }

    /**
     * Makes the records {@code where} names the only related ones, e.g.
     * {@code s.set(List.of(w -> w.id("a"), w -> w.id("b")))}; {@link #setNone()} relates none.
     */
    public ToManyWrite<C, U, WU, W> set(List<Consumer<WU>> where) {
        List<Filter> filters = new ArrayList<>(where.size());
        for (Consumer<WU> record : where) {
            filters.add(unique.build(record));
        }
        add(new NestedWrite.Set(filters));
        return this;
    }

    /** Unrelates every related record, keeping them. */
    public ToManyWrite<C, U, WU, W> setNone() {
        add(new NestedWrite.Set(List.of()));
        return this;
    }

    /** Unrelates the related record {@code where} names, keeping it. */
    public ToManyWrite<C, U, WU, W> disconnect(Consumer<WU> where) {
        add(new NestedWrite.Disconnect(List.of(unique.build(where))));
        return this;
    }

    /** Updates the related record {@code where} names with the changes {@code changes} gives; fails when it is not related. */
    public ToManyWrite<C, U, WU, W> update(Consumer<WU> where, Consumer<U> changes) {
        add(new NestedWrite.Update(unique.build(where), update.build(changes)));
        return this;
    }

    /** Updates every related record matching {@code where} with the changes {@code changes} gives. */
    public ToManyWrite<C, U, WU, W> updateMany(Consumer<W> where, Consumer<U> changes) {
        add(new NestedWrite.UpdateMany(matching.build(where), update.build(changes)));
        return this;
    }

    /**
     * Updates the related record {@code where} names with {@code changes}, or, when there is none,
     * creates and relates a record with {@code values}.
     */
    public ToManyWrite<C, U, WU, W> upsert(Consumer<WU> where, Consumer<C> values, Consumer<U> changes) {
        add(new NestedWrite.Upsert(unique.build(where), create.build(values), update.build(changes)));
        return this;
    }

    /** Deletes the related record {@code where} names; fails when it is not related. */
    public ToManyWrite<C, U, WU, W> delete(Consumer<WU> where) {
        add(new NestedWrite.Delete(List.of(unique.build(where))));
        return this;
    }

    /** Deletes every related record matching {@code where}. */
    public ToManyWrite<C, U, WU, W> deleteMany(Consumer<W> where) {
        add(new NestedWrite.DeleteMany(matching.build(where)));
        return this;
    }
}
