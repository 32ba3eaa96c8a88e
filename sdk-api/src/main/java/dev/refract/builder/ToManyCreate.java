package dev.refract.builder;

import dev.refract.query.Filter;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.NestedWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The nested writes of a to-many relation of a record being created, e.g.
 * {@code c.steps(s -> s.create(st -> st.name("a").position(1)).connect(w -> w.id("x")))}: create
 * related records, or connect existing ones. Every call adds one write; they run in call order.
 *
 * @param <C>  the related model's create builder
 * @param <WU> the related model's unique where builder
 */
public sealed class ToManyCreate<C, WU> extends NestedWrites permits ToManyWrite {

    final RelatedBuilder<C, WriteData> create;
    final RelatedBuilder<WU, Filter> unique;

    /**
     * Builds the related model's values with {@code create} and names its records with {@code unique}.
     *
     * @param create the related model's create builder, built for a record created through this
     *               relation (its foreign key to the parent is filled by the parent)
     * @param unique the related model's unique where builder
     */
    public ToManyCreate(RelatedBuilder<C, WriteData> create, RelatedBuilder<WU, Filter> unique) {
        this.create = create;
        this.unique = unique;
    }

    /** Creates a related record with the values {@code values} gives. */
    public ToManyCreate<C, WU> create(Consumer<C> values) {
        add(new NestedWrite.Create(List.of(create.build(values))));
        return this;
    }

    /**
     * Creates these related records in one statement.
     *
     * @throws IllegalArgumentException when a record writes relations of its own: create it with
     *                                  {@link #create(Consumer)}
     */
    public ToManyCreate<C, WU> createMany(Iterable<C> records) {
        return createMany(records, false);
    }

    /**
     * Creates these related records in one statement, skipping those whose unique keys exist when
     * {@code skipDuplicates} is true.
     *
     * @throws IllegalArgumentException when a record writes relations of its own: create it with
     *                                  {@link #create(Consumer)}
     */
    public ToManyCreate<C, WU> createMany(Iterable<C> records, boolean skipDuplicates) {
        List<WriteData> data = new ArrayList<>();
        for (C record : records) {
            WriteData values = create.built(record);
            if (values.hasNestedWrites()) {
                throw new IllegalArgumentException("createMany creates records in one statement and cannot write their"
                        + " relations: create record " + (data.size() + 1) + " with create(...) instead");
            }
            data.add(values);
        }
        add(new NestedWrite.CreateMany(data, skipDuplicates));
        return this;
    }

    /** Relates the existing record {@code where} names; the write fails when there is none. */
    public ToManyCreate<C, WU> connect(Consumer<WU> where) {
        add(new NestedWrite.Connect(List.of(unique.build(where))));
        return this;
    }

    /** Relates the record {@code where} names, creating it with the values {@code values} gives when there is none. */
    public ToManyCreate<C, WU> connectOrCreate(Consumer<WU> where, Consumer<C> values) {
        add(new NestedWrite.ConnectOrCreate(unique.build(where), create.build(values)));
        return this;
    }
}
