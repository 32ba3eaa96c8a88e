package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.codegen.validate.RelationGraph.End;
import dev.refract.meta.Provider;
import java.util.List;
import java.util.Optional;

/**
 * Many-to-many relations, in the two forms Prisma knows: the implicit one of relational
 * datasources, whose keys live in a join table so neither side holds fields or references, and
 * the one of MongoDB, where each side holds the ids of the other in a scalar list named in
 * {@code @relation(fields: [...], references: [id])}.
 */
final class ManyToManyRules {

    private final Diagnostics diagnostics;
    private final SchemaIndex index;

    ManyToManyRules(Diagnostics diagnostics, SchemaIndex index) {
        this.diagnostics = diagnostics;
        this.index = index;
    }

    void check(End a, End b) {
        Optional<String> datasourceA = index.datasourceOf(a.model());
        Optional<String> datasourceB = index.datasourceOf(b.model());
        if (!datasourceA.equals(datasourceB)) {
            diagnostics.error(a.field().name().span(), "The many-to-many relation \"" + a.relationName()
                    + "\" joins models of different datasources (\"" + datasourceA.orElse("") + "\" and \""
                    + datasourceB.orElse("") + "\"); no join table can span them.",
                    "Declare a join model with a relation to each side.");
            return;
        }
        boolean singleIds = true;
        for (End end : List.of(a, b)) {
            if (Keys.singleId(end.model()).isEmpty()) {
                singleIds = false;
                diagnostics.error(end.field().name().span(), "The many-to-many relation \"" + end.relationName()
                        + "\" needs a single-field @id on model \"" + end.model().name().name() + "\".",
                        "Give \"" + end.model().name().name() + "\" an @id field, or declare a join model.");
            }
        }
        if (!singleIds) {
            return;
        }
        Optional<Provider> provider = index.providerOf(a.model());
        if (provider.isPresent() && provider.get() == Provider.MONGODB) {
            checkIdLists(a, b);
        } else if (provider.isPresent() && provider.get().family() != Provider.Family.RELATIONAL) {
            diagnostics.error(a.field().name().span(), "The many-to-many relation \"" + a.relationName()
                    + "\" needs a join table, which " + provider.get().schemaName() + " does not have.",
                    "Declare a join model with a relation to each side.");
        } else {
            String where = provider.map(p -> "in " + p.schemaName() + " ").orElse("");
            for (End end : List.of(a, b)) {
                if (end.declaresKey()) {
                    diagnostics.error(RelationRules.keySpan(end), "The " + end.describe() + " is one side of a "
                            + "many-to-many relation and cannot hold fields or references.", "Remove them: " + where
                                    + "a join table holds the keys; only MongoDB keeps them in lists of ids on both"
                                    + " sides.");
                }
            }
        }
    }

    /** MongoDB: no join table, so both sides name a list of the other side's ids. */
    private void checkIdLists(End a, End b) {
        if (!a.declaresKey() && !b.declaresKey()) {
            diagnostics.error(a.field().name().span(), "The many-to-many relation \"" + a.relationName()
                    + "\" has no join table in mongodb: each side must hold the ids of the other in a list.",
                    "Add " + idListHint(a) + ", and " + idListHint(b) + ".");
            return;
        }
        if (a.declaresKey() != b.declaresKey()) {
            End holder = a.declaresKey() ? a : b;
            End missing = holder == a ? b : a;
            diagnostics.error(missing.field().name().span(), "The " + missing.describe() + " must declare fields "
                    + "and references too: in mongodb a many-to-many relation holds the ids on both sides, and the "
                    + "other side, field \"" + holder.field().name().name() + "\" of model \""
                    + holder.model().name().name() + "\", declares them.", "Add " + idListHint(missing) + ".");
            return;
        }
        checkIdList(a);
        checkIdList(b);
    }

    /** One side of a MongoDB many-to-many: {@code fields: [one scalar list]}, {@code references: [the id]}. */
    private void checkIdList(End end) {
        Attribute relation = end.relation().orElseThrow();
        Optional<Argument> fieldsArgument = relation.argument("fields");
        Optional<Argument> referencesArgument = relation.argument("references");
        Field targetId = Keys.singleId(end.target()).orElseThrow();
        String idList = idListName(end);
        if (fieldsArgument.isEmpty() || referencesArgument.isEmpty()) {
            String missing = fieldsArgument.isEmpty() ? "fields" : "references";
            diagnostics.error(relation.span(), "@relation of the " + end.describe() + " has "
                    + (fieldsArgument.isEmpty() ? "references" : "fields") + " but no " + missing + ".",
                    fieldsArgument.isEmpty() ? "Add fields: [" + idList + "], the list of ids it holds."
                            : "Add references: [" + targetId.name().name() + "], the id of \""
                                    + end.target().name().name() + "\".");
            return;
        }
        Optional<List<Identifier>> fields = Expressions.names(fieldsArgument.get().value());
        Optional<List<Identifier>> references = Expressions.names(referencesArgument.get().value());
        if (fields.isEmpty() || references.isEmpty()) {
            return; // the shape is reported by AttributeRules
        }
        if (references.get().size() != 1 || !references.get().get(0).name().equals(targetId.name().name())) {
            String written = String.join(", ", references.get().stream().map(Identifier::name).toList());
            diagnostics.error(referencesArgument.get().value().span(), "The references [" + written + "] of the "
                    + end.describe() + " must be the id of model \"" + end.target().name().name() + "\": a MongoDB "
                    + "many-to-many relation holds ids.", "Write references: [" + targetId.name().name() + "].");
        }
        if (fields.get().size() != 1) {
            diagnostics.error(fieldsArgument.get().value().span(), "The fields of the " + end.describe()
                    + " must name exactly one field, the list of ids it holds, but name " + fields.get().size()
                    + ".", "Write fields: [" + idList + "], with " + idListDeclaration(end) + ".");
            return;
        }
        Identifier name = fields.get().get(0);
        if (!new ForeignKeyRules(diagnostics, index).resolveAll(fields.get(), end.model(), "",
                "fields of the " + end.describe())) {
            return;
        }
        Field own = end.model().field(name.name()).orElseThrow();
        String expected = targetId.type().name().name() + "[]";
        boolean sameType = index.typeOf(own.type()).equals(index.typeOf(targetId.type()));
        if (own.type().arity() != Arity.LIST || !sameType) {
            diagnostics.error(own.type().span(), "Field \"" + own.name().name() + "\" of model \""
                    + end.model().name().name() + "\" holds the ids of the many-to-many relation \""
                    + end.relationName() + "\" and must be " + expected + ", a list of the type of the id \""
                    + targetId.name().name() + "\" of model \"" + end.target().name().name() + "\", but is "
                    + own.type().name().name() + own.type().arity().suffix() + ".", "Write \""
                            + own.name().name() + " " + expected + "\".");
        } else if (isObjectId(targetId) && !isObjectId(own)) {
            diagnostics.error(own.name().span(), "Field \"" + own.name().name() + "\" of model \""
                    + end.model().name().name() + "\" holds ObjectIds of model \"" + end.target().name().name()
                    + "\" and must be stored as ObjectIds too.", "Add @db.ObjectId: " + own.name().name() + " "
                            + expected + " @db.ObjectId.");
        }
    }

    private static boolean isObjectId(Field field) {
        return field.attribute("db.ObjectId").isPresent();
    }

    /** What to add so that the model of {@code end} holds the ids, e.g. {@code "tagIds String[] @db.ObjectId"}. */
    private static String idListHint(End end) {
        String idList = idListName(end);
        String reference = Keys.singleId(end.target()).map(id -> id.name().name()).orElse("id");
        return "\"" + idListDeclaration(end) + "\" to model \"" + end.model().name().name()
                + "\" with @relation(fields: [" + idList + "], references: [" + reference + "]) on \""
                + end.field().name().name() + "\"";
    }

    private static String idListDeclaration(End end) {
        Optional<Field> targetId = Keys.singleId(end.target());
        String type = targetId.map(id -> id.type().name().name()).orElse("String");
        String objectId = targetId.filter(ManyToManyRules::isObjectId).isPresent() ? " @db.ObjectId" : "";
        return idListName(end) + " " + type + "[]" + objectId;
    }

    private static String idListName(End end) {
        return FieldNames.suggest(end.target().name().name(), end.model().name().name(), false) + "Ids";
    }
}
