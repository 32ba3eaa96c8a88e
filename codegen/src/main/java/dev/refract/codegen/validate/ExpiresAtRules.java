package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.util.Optional;

/**
 * {@code @expiresAt} on a field: the store expires each record at the instant the field holds. Only
 * a model of a Redis datasource can have one, on a {@code DateTime} or {@code DateTime?} field, and
 * at most one such field per model.
 */
final class ExpiresAtRules {

    /** The attribute's name, without its {@code @}. */
    static final String ATTRIBUTE = "expiresAt";

    private final Diagnostics diagnostics;
    private final SchemaIndex index;

    ExpiresAtRules(Diagnostics diagnostics, SchemaIndex index) {
        this.diagnostics = diagnostics;
        this.index = index;
    }

    void check() {
        for (ModelBlock model : index.activeModels()) {
            Field first = null;
            for (Field field : model.fields()) {
                Optional<Attribute> attribute = field.attribute(ATTRIBUTE);
                if (attribute.isEmpty()) {
                    continue;
                }
                if (first != null) {
                    diagnostics.error(attribute.get().span(), "Model \"" + model.name().name() + "\" marks a second"
                            + " field @expiresAt: \"" + field.name().name() + "\", after \"" + first.name().name()
                            + "\".", "A record expires at one instant; keep @expiresAt on one field.");
                    continue;
                }
                first = field;
                checkField(model, field, attribute.get());
            }
        }
    }

    private void checkField(ModelBlock model, Field field, Attribute attribute) {
        Optional<Provider> provider = index.providerOf(model);
        if (provider.isPresent() && provider.get() != Provider.REDIS) {
            diagnostics.error(attribute.span(), "@expiresAt on " + DefaultRules.owner(model, field) + " needs a Redis"
                    + " datasource, but the model lives in datasource \"" + index.datasourceOf(model).orElse("")
                    + "\" (" + provider.get().schemaName() + ").", provider.get() == Provider.MONGODB
                            ? "Remove it; MongoDB expires documents by a TTL index: @@index(["
                                    + field.name().name() + "], expireAfterSeconds: 0)."
                            : "Remove it: only Redis expires records on its own.");
            return;
        }
        if (index.typeOf(field.type()).isEmpty()) {
            return; // an unknown type, reported by TypeRules
        }
        boolean dateTime = index.scalarOf(field).filter(type -> type == ScalarType.DATETIME).isPresent();
        if (!dateTime || field.type().arity() == Arity.LIST) {
            diagnostics.error(attribute.span(), "@expiresAt cannot be used on " + DefaultRules.owner(model, field)
                    + ", which is " + DefaultRules.typeText(field) + ".", "@expiresAt marks the instant a record"
                            + " expires: put it on a DateTime or DateTime? field.");
        }
    }
}
