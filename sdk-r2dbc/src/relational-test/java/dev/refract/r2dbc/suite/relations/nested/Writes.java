package dev.refract.r2dbc.suite.relations.nested;

import dev.refract.meta.ModelMeta;
import dev.refract.query.Filter;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.NestedWrite;
import dev.refract.query.WriteData.RelationWrite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Write data and filters of the relations schema built by field name, as the generated nested-write
 * builders will build them: a nested create leaves out the foreign key that points back at its parent.
 */
final class Writes {

    private final ModelMeta model;
    private final List<FieldWrite> writes = new ArrayList<>();
    private final List<RelationWrite> relations = new ArrayList<>();

    private Writes(ModelMeta model) {
        this.model = model;
    }

    /** The data of a record of {@code model}. */
    static Writes of(ModelMeta model) {
        return new Writes(model);
    }

    /** Sets scalar field {@code field}. */
    Writes set(String field, Object value) {
        writes.add(new FieldWrite(field(model, field), WriteData.WriteOp.SET, value));
        return this;
    }

    /** Adds {@code amount} to numeric field {@code field}. */
    Writes increment(String field, Number amount) {
        writes.add(new FieldWrite(field(model, field), WriteData.WriteOp.INCREMENT, amount));
        return this;
    }

    /** Nested writes through relation field {@code relation}, run in the order given. */
    Writes relation(String relation, NestedWrite... nested) {
        relations.add(new RelationWrite(field(model, relation), List.of(nested)));
        return this;
    }

    WriteData data() {
        List<FieldWrite> sorted = new ArrayList<>(writes);
        sorted.sort((a, b) -> Integer.compare(a.field(), b.field()));
        return new WriteData(sorted, relations);
    }

    // --------------------------------------------------------------------------------- nested writes

    static NestedWrite create(Writes... records) {
        return new NestedWrite.Create(data(records));
    }

    static NestedWrite createMany(boolean skipDuplicates, Writes... records) {
        return new NestedWrite.CreateMany(data(records), skipDuplicates);
    }

    static NestedWrite connect(Filter... where) {
        return new NestedWrite.Connect(List.of(where));
    }

    static NestedWrite connectOrCreate(Filter where, Writes create) {
        return new NestedWrite.ConnectOrCreate(where, create.data());
    }

    static NestedWrite set(Filter... where) {
        return new NestedWrite.Set(List.of(where));
    }

    static NestedWrite disconnect(Filter... where) {
        return new NestedWrite.Disconnect(List.of(where));
    }

    static NestedWrite update(Filter where, Writes data) {
        return new NestedWrite.Update(where, data.data());
    }

    static NestedWrite updateMany(Filter where, Writes data) {
        return new NestedWrite.UpdateMany(where, data.data());
    }

    static NestedWrite upsert(Filter where, Writes create, Writes update) {
        return new NestedWrite.Upsert(where, create.data(), update.data());
    }

    static NestedWrite delete(Filter... where) {
        return new NestedWrite.Delete(List.of(where));
    }

    static NestedWrite deleteMany(Filter where) {
        return new NestedWrite.DeleteMany(where);
    }

    // ---------------------------------------------------------------------------------------- filters

    /** Fields equal to values: {@code where(POST, "title", "a", "views", 3)}. */
    static Filter where(ModelMeta model, Object... fieldsAndValues) {
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            parts.add(new Filter.Comparison(field(model, (String) fieldsAndValues[i]), Filter.Operator.EQUALS,
                    fieldsAndValues[i + 1], Filter.Mode.DEFAULT));
        }
        return Filter.and(parts);
    }

    /** Text field {@code field} starting with {@code prefix}. */
    static Filter startsWith(ModelMeta model, String field, String prefix) {
        return new Filter.Comparison(field(model, field), Filter.Operator.STARTS_WITH, prefix, Filter.Mode.DEFAULT);
    }

    /** The index of the field called {@code name}. */
    static int field(ModelMeta model, String name) {
        for (int i = 0; i < model.fieldCount(); i++) {
            if (model.field(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(model.name() + " has no field " + name);
    }

    private static List<WriteData> data(Writes... records) {
        return Arrays.stream(records).map(record -> record.data()).toList();
    }
}
