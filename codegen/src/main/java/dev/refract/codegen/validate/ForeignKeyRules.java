package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.source.Suggestions;
import dev.refract.codegen.validate.RelationGraph.End;
import java.util.List;
import java.util.Optional;

/**
 * The {@code fields} and {@code references} of the side of a relation that holds the foreign key:
 * both given, of equal length, naming existing scalar fields of matching types, and pointing at
 * the id or a unique key of the target.
 */
final class ForeignKeyRules {

    private final Diagnostics diagnostics;
    private final SchemaIndex index;

    ForeignKeyRules(Diagnostics diagnostics, SchemaIndex index) {
        this.diagnostics = diagnostics;
        this.index = index;
    }

    void check(End end) {
        Attribute relation = end.relation().orElseThrow();
        Optional<Argument> fieldsArgument = relation.argument("fields");
        Optional<Argument> referencesArgument = relation.argument("references");
        String target = end.target().name().name();
        if (fieldsArgument.isEmpty() || referencesArgument.isEmpty()) {
            String missing = fieldsArgument.isEmpty() ? "fields" : "references";
            String hint = fieldsArgument.isEmpty()
                    ? "Add fields: [...]: the fields of \"" + end.model().name().name() + "\" that hold the key."
                    : "Add references: [...]: the fields of \"" + target + "\" that the key points at, e.g. references: ["
                            + Keys.primaryKey(end.target()).map(k -> String.join(", ", k)).orElse("id") + "].";
            diagnostics.error(relation.span(), "@relation of the " + end.describe() + " has "
                    + (fieldsArgument.isEmpty() ? "references" : "fields") + " but no " + missing + ".", hint);
            return;
        }
        Optional<List<Identifier>> fields = Expressions.names(fieldsArgument.get().value());
        Optional<List<Identifier>> references = Expressions.names(referencesArgument.get().value());
        if (fields.isEmpty() || references.isEmpty()) {
            return; // the shape is reported by AttributeRules
        }
        if (fields.get().isEmpty()) {
            diagnostics.error(fieldsArgument.get().value().span(), "The fields of the " + end.describe()
                    + " are empty.", "Name the fields that hold the foreign key, e.g. fields: ["
                            + end.field().name().name() + "Id].");
            return;
        }
        boolean fieldsResolve = resolveAll(fields.get(), end.model(), "", "fields of the " + end.describe());
        boolean referencesResolve = resolveAll(references.get(), end.target(), " of model \"" + target + "\"",
                "references of the " + end.describe());
        if (fields.get().size() != references.get().size()) {
            diagnostics.error(referencesArgument.get().value().span(), "The " + end.describe() + " lists "
                    + count(fields.get().size(), "field") + " but " + count(references.get().size(), "reference")
                    + ".", "Give one reference per field, in the same order.");
            return;
        }
        if (!fieldsResolve || !referencesResolve) {
            return;
        }
        boolean typesMatch = true;
        for (int i = 0; i < fields.get().size(); i++) {
            Field own = end.model().field(fields.get().get(i).name()).orElseThrow();
            Field referenced = end.target().field(references.get().get(i).name()).orElseThrow();
            Optional<FieldType> ownType = index.typeOf(own.type());
            Optional<FieldType> referencedType = index.typeOf(referenced.type());
            if (ownType.isPresent() && referencedType.isPresent() && !ownType.equals(referencedType)) {
                typesMatch = false;
                diagnostics.error(fields.get().get(i).span(), "Field \"" + own.name().name() + "\" of model \""
                        + end.model().name().name() + "\" is " + own.type().name().name() + ", but the field \""
                        + referenced.name().name() + "\" of model \"" + target + "\" it references is "
                        + referenced.type().name().name() + ".", "Change the type of \"" + own.name().name() + "\" to "
                                + referenced.type().name().name() + ".");
            }
        }
        List<String> referenceNames = references.get().stream().map(Identifier::name).toList();
        if (typesMatch && !Keys.isUniqueKey(end.target(), referenceNames)) {
            String joined = String.join(", ", referenceNames);
            diagnostics.error(referencesArgument.get().value().span(), "The references [" + joined + "] of the "
                    + end.describe() + " are not the id or a unique key of model \"" + target + "\".",
                    "Reference the id of \"" + target + "\""
                            + Keys.primaryKey(end.target()).map(k -> " ([" + String.join(", ", k) + "])").orElse("")
                            + ", or make [" + joined + "] unique in \"" + target + "\" with "
                            + (referenceNames.size() == 1 ? "@unique." : "@@unique([" + joined + "])."));
        }
        if (end.field().type().arity() == Arity.REQUIRED) {
            fields.get().stream().map(id -> end.model().field(id.name()).orElseThrow())
                    .filter(f -> f.type().arity() == Arity.OPTIONAL).findFirst()
                    .ifPresent(optional -> diagnostics.error(end.field().type().span(), "The " + end.describe()
                            + " is required, but its foreign key field \"" + optional.name().name()
                            + "\" is optional.", "Make both optional (" + end.field().type().name().name() + "? and "
                                    + optional.type().name().name() + "?) or both required."));
        }
    }

    /** Reports names that are not scalar fields of {@code model}; true when all are. */
    boolean resolveAll(List<Identifier> names, ModelBlock model, String ofModel, String where) {
        boolean all = true;
        List<String> candidates = model.fields().stream().filter(f -> !index.isRelationField(f))
                .map(f -> f.name().name()).toList();
        for (Identifier name : names) {
            Optional<Field> field = model.field(name.name());
            if (field.isEmpty()) {
                all = false;
                diagnostics.error(name.span(), "Unknown field \"" + name.name() + "\"" + ofModel + " in the " + where
                        + ".", Suggestions.didYouMean(name.name(),
                                candidates, "Add the field to model \"" + model.name().name() + "\", or name one of: "
                                        + String.join(", ", candidates) + "."));
            } else if (index.isRelationField(field.get())) {
                all = false;
                diagnostics.error(name.span(), "\"" + name.name() + "\" in the " + where
                        + " is a relation field, not a scalar field.", "Name the scalar fields that hold the key.");
            }
        }
        return all;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
