package dev.refract.mongo.render;

import dev.refract.json.Json;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.mongo.codec.ScalarCodecs;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the adapter fills in on insert, as MongoDB has no column defaults: an ObjectId for
 * {@code @default(auto())}, and literal {@code @default}s in their stored form (an enum's database
 * name, a number in the field's type). Worked out once per model.
 */
final class InsertDefaults {

    /** One field filled on insert: with a new ObjectId when {@code value} is {@code null}. */
    record Filled(int field, Object value) {}

    private final List<List<Filled>> perModel = new ArrayList<>();

    InsertDefaults(SchemaMeta schema) {
        for (ModelMeta model : schema.models()) {
            List<Filled> filled = new ArrayList<>();
            for (int i = 0; i < model.fieldCount(); i++) {
                FieldMeta field = model.field(i);
                DefaultValue value = field.defaultValue();
                if (value instanceof DefaultValue.Auto && ScalarCodecs.OBJECT_ID.equals(field.nativeType())) {
                    filled.add(new Filled(i, null));
                } else if (value instanceof DefaultValue.Literal literal) {
                    filled.add(new Filled(i, stored(schema, model, field, literal.value())));
                }
            }
            perModel.add(List.copyOf(filled));
        }
    }

    /** The fields of {@code model} filled on insert when a create leaves them out. */
    List<Filled> of(int model) {
        return perModel.get(model);
    }

    private static Object stored(SchemaMeta schema, ModelMeta model, FieldMeta field, Object literal) {
        if (literal instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            for (Object element : list) {
                values.add(stored(schema, model, field, element));
            }
            return List.copyOf(values);
        }
        if (field.kind() == FieldKind.ENUM) {
            for (EnumMeta type : schema.enums()) {
                if (type.name().equals(field.typeName())) {
                    return type.dbValue(String.valueOf(literal));
                }
            }
            return String.valueOf(literal);
        }
        if (field.kind() != FieldKind.SCALAR) {
            return literal;
        }
        ScalarType type = field.scalarType();
        switch (type) {
            case INT:
                return ((Number) literal).intValue();
            case BIGINT:
                return ((Number) literal).longValue();
            case FLOAT:
                return ((Number) literal).doubleValue();
            case DECIMAL:
                return literal instanceof BigDecimal decimal ? decimal : new BigDecimal(literal.toString());
            case JSON:
                return literal instanceof String text ? Json.parse(text) : Json.of(literal);
            case DATETIME:
                return literal instanceof String text ? Instant.parse(text) : literal;
            case BYTES:
                return literal instanceof String text ? Base64.getDecoder().decode(text) : literal;
            default:
                return literal;
        }
    }
}
