package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.util.List;
import java.util.Optional;

/**
 * TTL indexes, {@code @@index([expiresAt], expireAfterSeconds: 3600)}: MongoDB deletes a document
 * that many seconds after the date its one field holds. Only a MongoDB model can ask for one, over
 * exactly one {@code DateTime} field, with seconds MongoDB takes (0 to 2147483647).
 */
final class TtlIndexRules {

    /** The argument of {@code @@index} that makes it a TTL index. */
    static final String EXPIRE_AFTER_SECONDS = "expireAfterSeconds";

    /** The largest {@code expireAfterSeconds} MongoDB accepts: a signed 32-bit integer. */
    static final long LONGEST_EXPIRY = Integer.MAX_VALUE;

    private final Diagnostics diagnostics;
    private final SchemaIndex index;

    TtlIndexRules(Diagnostics diagnostics, SchemaIndex index) {
        this.diagnostics = diagnostics;
        this.index = index;
    }

    void check() {
        for (ModelBlock model : index.activeModels()) {
            for (Attribute attribute : model.attributes("index")) {
                attribute.argument(EXPIRE_AFTER_SECONDS).ifPresent(seconds -> checkTtl(model, attribute, seconds));
            }
        }
    }

    private void checkTtl(ModelBlock model, Attribute attribute, Argument seconds) {
        String modelName = model.name().name();
        Optional<Provider> provider = index.providerOf(model);
        if (provider.isPresent() && provider.get() != Provider.MONGODB) {
            diagnostics.error(seconds.span(), "The TTL index of model \"" + modelName + "\" needs MongoDB, but the"
                    + " model lives in datasource \"" + index.datasourceOf(model).orElse("") + "\" ("
                    + provider.get().schemaName() + ").", "Remove expireAfterSeconds: only MongoDB deletes expired"
                            + " documents on its own" + (provider.get() == Provider.REDIS
                                    ? "; a Redis model expires with @@ttl(seconds)." : "."));
            return;
        }
        Optional<Long> value = Expressions.integer(seconds.value());
        if (value.isPresent() && (value.get() < 0 || value.get() > LONGEST_EXPIRY)) {
            diagnostics.error(seconds.value().span(), "expireAfterSeconds of model \"" + modelName + "\" is "
                    + value.get() + ", which MongoDB does not take.", "Give 0 to " + LONGEST_EXPIRY + " seconds.");
        }
        Optional<List<Identifier>> fields = KeyRules.keyFields(attribute);
        if (fields.isEmpty() || fields.get().isEmpty()) {
            return; // reported by AttributeRules or KeyRules
        }
        if (fields.get().size() != 1) {
            diagnostics.error(attribute.span(), "The TTL index of model \"" + modelName + "\" names "
                    + fields.get().size() + " fields; MongoDB expires documents by one date field.",
                    "Name one DateTime field, e.g. @@index([" + fields.get().get(0).name()
                            + "], expireAfterSeconds: 3600), and declare the others in an @@index of their own.");
            return;
        }
        Identifier name = fields.get().get(0);
        Optional<Field> field = model.field(name.name());
        if (field.isEmpty()) {
            return; // reported by KeyRules
        }
        boolean dateTime = index.scalarOf(field.get()).filter(type -> type == ScalarType.DATETIME).isPresent();
        if (!dateTime || field.get().type().arity() == Arity.LIST) {
            diagnostics.error(name.span(), "The TTL index of model \"" + modelName + "\" names field \""
                    + name.name() + "\" of type " + field.get().type().name().name()
                    + (field.get().type().arity() == Arity.LIST ? "[]" : "")
                    + "; MongoDB expires documents by a date.", "Name a DateTime or DateTime? field.");
        }
    }
}
