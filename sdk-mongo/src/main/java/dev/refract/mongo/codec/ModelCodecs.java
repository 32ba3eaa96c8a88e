package dev.refract.mongo.codec;

import dev.refract.meta.CompositeMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The document layouts of every model and composite type of a schema, built once when the adapter
 * starts; the hot path reads them by model index.
 */
public final class ModelCodecs {

    private final SchemaMeta schema;
    private final ScalarCodecs scalars;
    private final DocumentLayout[] models;
    private final Map<String, DocumentLayout> composites = new HashMap<>();

    /** The layouts of {@code schema}'s models and composite types, converting scalars with {@code scalars}. */
    public ModelCodecs(SchemaMeta schema, ScalarCodecs scalars) {
        this.schema = schema;
        this.scalars = scalars;
        for (CompositeMeta type : schema.compositeTypes()) {
            composites.put(type.name(), new DocumentLayout(type.name(), type.fields()));
        }
        for (CompositeMeta type : schema.compositeTypes()) {
            fill(composites.get(type.name()), type.fields());
        }
        this.models = new DocumentLayout[schema.models().size()];
        for (ModelMeta model : schema.models()) {
            DocumentLayout layout = new DocumentLayout(model.name(), model.fields());
            fill(layout, model.fields());
            models[model.index()] = layout;
        }
    }

    private void fill(DocumentLayout layout, List<FieldMeta> fields) {
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta field = fields.get(i);
            if (field.kind() == FieldKind.SCALAR) {
                layout.codec(i, FieldCodec.scalar(field, scalars.forField(field)));
            } else if (field.kind() == FieldKind.ENUM) {
                layout.codec(i, FieldCodec.enumeration(field));
            } else if (field.kind() == FieldKind.COMPOSITE) {
                layout.codec(i, FieldCodec.composite(field, composite(field.typeName())));
            }
        }
    }

    /** The schema these layouts describe. */
    public SchemaMeta schema() {
        return schema;
    }

    /** The scalar codecs. */
    public ScalarCodecs scalars() {
        return scalars;
    }

    /** The layout of the model at {@code index}. */
    public DocumentLayout model(int index) {
        return models[index];
    }

    /**
     * The layout of the composite type {@code name}.
     *
     * @throws IllegalArgumentException when the schema has no such type
     */
    public DocumentLayout composite(String name) {
        DocumentLayout layout = composites.get(name);
        if (layout == null) {
            throw new IllegalArgumentException("The schema has no composite type " + name);
        }
        return layout;
    }
}
