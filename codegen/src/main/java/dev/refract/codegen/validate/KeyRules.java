package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.codegen.source.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Identifiers and keys: every model has a unique identifier, ids are single required values, and
 * {@code @@id}, {@code @@unique} and {@code @@index} name existing scalar fields.
 */
final class KeyRules {

    private final Diagnostics diagnostics;

    KeyRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(SchemaIndex index) {
        for (ModelBlock model : index.activeModels()) {
            checkModel(index, model);
        }
    }

    /** The fields named by a key attribute ({@code @@id([a, b])}), or empty when malformed. */
    static Optional<List<Identifier>> keyFields(Attribute attribute) {
        return attribute.positionalOr("fields").flatMap(a -> Expressions.keyNames(a.value()));
    }

    private void checkModel(SchemaIndex index, ModelBlock model) {
        String modelName = model.name().name();
        List<Field> fields = model.fields().stream().filter(f -> !SchemaIndex.isIgnored(f)).toList();
        int errorsBefore = diagnostics.errorCount();
        boolean hasIdentifier = false;
        Field idField = null;
        for (Field field : fields) {
            Optional<Attribute> id = field.attribute("id");
            if (id.isPresent()) {
                if (idField != null) {
                    diagnostics.error(id.get().span(), "Model \"" + modelName + "\" has more than one @id field (\""
                            + idField.name().name() + "\" and \"" + field.name().name() + "\").",
                            "Keep one @id, or declare a compound key with @@id([" + idField.name().name() + ", "
                                    + field.name().name() + "]).");
                    continue;
                }
                idField = field;
                hasIdentifier |= checkSingleFieldKey(index, model, field, "@id");
            }
            if (field.attribute("unique").isPresent()) {
                hasIdentifier |= checkSingleFieldKey(index, model, field, "@unique");
            }
        }
        for (Attribute attribute : model.attributes()) {
            String name = attribute.name();
            if (!name.equals("id") && !name.equals("unique") && !name.equals("index")) {
                continue;
            }
            if (name.equals("id") && idField != null) {
                diagnostics.error(attribute.span(), "Model \"" + modelName + "\" has both @id (on field \""
                        + idField.name().name() + "\") and @@id.", "Keep one of them.");
                continue;
            }
            Optional<List<Identifier>> keyFields = keyFields(attribute);
            if (keyFields.isPresent()) {
                boolean valid = checkKeyFields(index, model, attribute, keyFields.get());
                hasIdentifier |= valid && !name.equals("index");
            }
        }
        // a key written wrongly was reported above; "no identifier" would only repeat it
        if (!hasIdentifier && diagnostics.errorCount() == errorsBefore) {
            diagnostics.error(model.name().span(), "Model \"" + modelName + "\" has no unique identifier.",
                    "Add an id field such as \"id String @id @default(cuid())\", mark a required field @unique, "
                            + "or declare @@id([...]) or @@unique([...]).");
        }
    }

    /** Checks {@code @id} or {@code @unique} on one field; true when it makes a usable identifier. */
    private boolean checkSingleFieldKey(SchemaIndex index, ModelBlock model, Field field, String attribute) {
        String owner = "field \"" + field.name().name() + "\" of model \"" + model.name().name() + "\"";
        if (index.isRelationField(field)) {
            diagnostics.error(field.attribute(attribute.substring(1)).orElseThrow().span(), "The relation " + owner
                    + " cannot be marked " + attribute + ".", "Mark the scalar field that holds the foreign key "
                            + "instead.");
            return false;
        }
        if (field.type().arity() == Arity.LIST) {
            diagnostics.error(field.type().span(), "The " + attribute + " " + owner + " cannot be a list.",
                    "Remove the \"[]\", or use @@" + attribute.substring(1) + " over several fields.");
            return false;
        }
        if (field.type().arity() == Arity.OPTIONAL) {
            if (attribute.equals("@id")) {
                diagnostics.error(field.type().span(), "The @id " + owner + " cannot be optional.",
                        "Remove the \"?\": an id always has a value.");
            }
            return false;
        }
        return true;
    }

    /** Checks the fields named by {@code @@id}, {@code @@unique} or {@code @@index}; true when all are fine. */
    private boolean checkKeyFields(SchemaIndex index, ModelBlock model, Attribute attribute, List<Identifier> names) {
        String modelName = model.name().name();
        String where = attribute.displayName() + " of model \"" + modelName + "\"";
        if (names.isEmpty()) {
            diagnostics.error(attribute.span(), where + " names no field.",
                    "List at least one field, e.g. " + attribute.displayName() + "([id]).");
            return false;
        }
        boolean valid = true;
        boolean allRequired = true;
        Set<String> seen = new HashSet<>();
        List<String> fieldNames = model.fields().stream().map(f -> f.name().name()).toList();
        for (Identifier name : names) {
            Optional<Field> field = model.field(name.name());
            if (field.isEmpty()) {
                diagnostics.error(name.span(), "Unknown field \"" + name.name() + "\" in " + where + ".",
                        Suggestions.didYouMean(name.name(), fieldNames, "Fields of \"" + modelName + "\": "
                                + String.join(", ", fieldNames) + "."));
                valid = false;
            } else if (!seen.add(name.name())) {
                diagnostics.error(name.span(), "Field \"" + name.name() + "\" is named twice in " + where + ".",
                        "Remove one of them.");
                valid = false;
            } else if (index.isRelationField(field.get())) {
                String scalars = field.get().attribute("relation").flatMap(r -> r.argument("fields"))
                        .flatMap(a -> Expressions.names(a.value())).map(ids -> String.join(", ",
                                ids.stream().map(Identifier::name).toList())).orElse("the foreign key fields");
                diagnostics.error(name.span(), where + " names the relation field \"" + name.name() + "\".",
                        "Name the scalar fields that hold the foreign key instead: " + scalars + ".");
                valid = false;
            } else if (field.get().type().arity() != Arity.REQUIRED) {
                allRequired = false;
                if (attribute.name().equals("id")) {
                    diagnostics.error(name.span(), where + " names the " + field.get().type().arity().name()
                            .toLowerCase(Locale.ROOT) + " field \"" + name.name() + "\".",
                            "Fields of a primary key must be required single values.");
                    valid = false;
                }
            }
        }
        return valid && allRequired;
    }
}
