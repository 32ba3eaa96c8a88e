package dev.refract.builder;

import dev.refract.query.Filter;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.NestedWrite;
import java.util.List;
import java.util.function.Consumer;

/**
 * The nested write of a to-one relation of a record being created, e.g.
 * {@code c.run(r -> r.connect(w -> w.id(runId)))}: create the related record, or connect an
 * existing one. A record whose required relation is given this way needs no value for the
 * relation's foreign-key fields.
 *
 * @param <C>  the related model's create builder
 * @param <WU> the related model's unique where builder
 */
public sealed class ToOneCreate<C, WU> extends NestedWrites permits ToOneWrite {

    final RelatedBuilder<C, WriteData> create;
    final RelatedBuilder<WU, Filter> unique;

    /**
     * Builds the related model's values with {@code create} and names its records with {@code unique}.
     *
     * @param create the related model's create builder, built for a record created through this
     *               relation (its foreign key to the parent, if it holds one, is filled by the parent)
     * @param unique the related model's unique where builder
     */
    public ToOneCreate(RelatedBuilder<C, WriteData> create, RelatedBuilder<WU, Filter> unique) {
        this.create = create;
        this.unique = unique;
    }

    /** Creates the related record with the values {@code values} gives. */
    public ToOneCreate<C, WU> create(Consumer<C> values) {
        add(new NestedWrite.Create(List.of(create.build(values))));
        return this;
    }

    /** Relates the existing record {@code where} names; the write fails when there is none. */
    public ToOneCreate<C, WU> connect(Consumer<WU> where) {
        add(new NestedWrite.Connect(List.of(unique.build(where))));
        return this;
    }

    /** Relates the record {@code where} names, creating it with the values {@code values} gives when there is none. */
    public ToOneCreate<C, WU> connectOrCreate(Consumer<WU> where, Consumer<C> values) {
        add(new NestedWrite.ConnectOrCreate(unique.build(where), create.build(values)));
        return this;
    }
}
