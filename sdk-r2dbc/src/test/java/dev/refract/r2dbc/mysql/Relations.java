package dev.refract.r2dbc.mysql;

import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import java.util.ArrayList;
import java.util.List;

/** The MySQL copy of the relations test schema, its models and fields found by name, and short ways to build query values. */
final class Relations {

    static final SchemaMeta SCHEMA = com.example.relations.mysql.db.RefractClientMetadata.SCHEMA;

    private Relations() {
    }

    static ModelMeta model(String name) {
        return SCHEMA.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    static int index(String model) {
        return model(model).index();
    }

    static int field(String model, String field) {
        ModelMeta meta = model(model);
        for (int i = 0; i < meta.fieldCount(); i++) {
            if (meta.field(i).name().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(model + " has no field " + field);
    }

    static Filter eq(String model, String field, Object value) {
        return new Filter.Comparison(field(model, field), Filter.Operator.EQUALS, value, Filter.Mode.DEFAULT);
    }

    static Selection fields(String model, String... names) {
        List<Integer> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(field(model, name));
        }
        return new Selection(fields, List.of());
    }

    /** {@code field = value} pairs, alternating. */
    static WriteData set(String model, Object... pairs) {
        List<WriteData.FieldWrite> writes = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            writes.add(new WriteData.FieldWrite(field(model, (String) pairs[i]), WriteData.WriteOp.SET, pairs[i + 1]));
        }
        return new WriteData(writes);
    }
}
