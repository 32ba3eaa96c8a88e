package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.source.Span;
import dev.refract.codegen.validate.RelationGraph.End;
import dev.refract.codegen.validate.RelationGraph.Group;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Relations: each relation field has exactly one opposite field, the foreign key sits on the
 * right side and points at a unique key of the right type, and the relation's shape (one-to-one,
 * one-to-many, many-to-many) is one the datasources can hold. Referential actions are checked by
 * {@link ReferentialActionRules}.
 */
final class RelationRules {

    private final Diagnostics diagnostics;

    RelationRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(SchemaIndex index, RelationGraph graph) {
        checkIgnoredTargets(index);
        for (Group group : graph.groups()) {
            checkGroup(index, graph, group);
            End first = group.ends().get(0);
            graph.opposite(first.field()).ifPresent(opposite -> checkPair(index, first, opposite));
            for (End end : group.ends()) {
                if (!end.isList() && end.declaresKey()) {
                    new ForeignKeyRules(diagnostics, index).check(end);
                }
            }
        }
    }

    private void checkIgnoredTargets(SchemaIndex index) {
        for (ModelBlock model : index.activeModels()) {
            for (Field field : model.fields()) {
                if (SchemaIndex.isIgnored(field)) {
                    continue;
                }
                if (index.typeOf(field.type()).orElse(null) instanceof FieldType.ModelRef ref
                        && index.model(ref.name()).map(SchemaIndex::isIgnored).orElse(false)) {
                    diagnostics.error(field.type().name().span(), "Field \"" + field.name().name() + "\" of model \""
                            + model.name().name() + "\" refers to the ignored model \"" + ref.name() + "\".",
                            "Mark the field @ignore too, or remove @@ignore from \"" + ref.name() + "\".");
                }
            }
        }
    }

    private void checkGroup(SchemaIndex index, RelationGraph graph, Group group) {
        if (group.isSelfRelation()) {
            if (group.ends().size() == 1) {
                reportMissingOpposite(index, graph, group.ends().get(0));
            } else if (group.ends().size() > 2) {
                reportAmbiguous(group.ends(), 2);
            }
            return;
        }
        List<End> fromFirst = group.ends().stream().filter(e -> e.model() == group.first()).toList();
        List<End> fromSecond = group.ends().stream().filter(e -> e.model() == group.second()).toList();
        for (List<End> side : List.of(fromFirst, fromSecond)) {
            if (side.size() > 1) {
                reportAmbiguous(side, 1);
            }
        }
        if (fromFirst.isEmpty() && fromSecond.size() == 1) {
            reportMissingOpposite(index, graph, fromSecond.get(0));
        } else if (fromSecond.isEmpty() && fromFirst.size() == 1) {
            reportMissingOpposite(index, graph, fromFirst.get(0));
        }
    }

    private void reportAmbiguous(List<End> ends, int firstExtra) {
        End kept = ends.get(0);
        for (End extra : ends.subList(firstExtra, ends.size())) {
            diagnostics.error(extra.field().name().span(), "Ambiguous relation: fields \"" + kept.field().name().name()
                    + "\" and \"" + extra.field().name().name() + "\" of model \"" + extra.model().name().name()
                    + "\" both refer to model \"" + extra.target().name().name() + "\" as relation \""
                    + extra.relationName() + "\".", "Give each relation its own name with @relation(\"...\"), "
                            + "written on both of its sides.");
        }
    }

    private void reportMissingOpposite(SchemaIndex index, RelationGraph graph, End end) {
        String own = end.model().name().name();
        String target = end.target().name().name();
        String named = RelationGraph.explicitName(end.field()).map(n -> " @relation(\"" + n + "\")").orElse("");
        Optional<End> namedOtherwise = graph.groups().stream().flatMap(g -> g.ends().stream())
                .filter(other -> other.model() == end.target() && other.target() == end.model() && other != end
                        && !other.relationName().equals(end.relationName())
                        && graph.opposite(other.field()).isEmpty())
                .findFirst();
        String suggestion;
        if (namedOtherwise.isPresent()) {
            suggestion = "Field \"" + namedOtherwise.get().field().name().name() + "\" of model " + target
                    + " refers back under the relation name \"" + namedOtherwise.get().relationName()
                    + "\"; give both fields the same name with @relation(\"...\").";
        } else if (!end.isList() && end.declaresKey()) {
            suggestion = "Add \"" + FieldNames.suggest(own, target, true) + " " + own + "[]" + named
                    + "\" to model " + target + ".";
        } else {
            String fieldName = FieldNames.suggest(own, target, false);
            String key = Keys.singleId(end.model()).map(id -> id.name().name()).orElse("id");
            String keyType = Keys.singleId(end.model()).map(id -> id.type().name().name())
                    .orElse("String");
            String optional = end.isList() ? "" : "?";
            String relationArgs = RelationGraph.explicitName(end.field()).map(n -> "\"" + n + "\", ").orElse("");
            suggestion = "Add \"" + fieldName + " " + own + optional + " @relation(" + relationArgs + "fields: ["
                    + fieldName + "Id], references: [" + key + "])\" and \"" + fieldName + "Id " + keyType
                    + optional + "\" to model " + target + ".";
        }
        diagnostics.error(end.field().name().span(), "The " + end.describe()
                + " has no opposite relation field on model \"" + target + "\".", suggestion);
    }

    private void checkPair(SchemaIndex index, End a, End b) {
        if (a.isList() && b.isList()) {
            new ManyToManyRules(diagnostics, index).check(a, b);
        } else if (a.isList() || b.isList()) {
            End many = a.isList() ? a : b;
            End one = a.isList() ? b : a;
            if (many.declaresKey()) {
                diagnostics.error(keySpan(many), "The " + many.describe() + " is the list side of a one-to-many "
                        + "relation and cannot hold fields or references.", "Move fields and references to the field \""
                                + one.field().name().name() + "\" of model \"" + one.model().name().name() + "\".");
            }
            if (!one.declaresKey()) {
                String fieldName = one.field().name().name();
                diagnostics.error(one.field().name().span(), "The " + one.describe()
                        + " must declare its foreign key with fields and references.", "For example: @relation(fields: ["
                                + fieldName + "Id], references: [" + Keys.singleId(one.target())
                                        .map(id -> id.name().name()).orElse("id") + "]), with a field " + fieldName
                                + "Id of the same type.");
            }
        } else {
            checkOneToOne(index, a, b);
        }
    }

    private void checkOneToOne(SchemaIndex index, End a, End b) {
        String relation = "one-to-one relation \"" + a.relationName() + "\"";
        if (a.declaresKey() && b.declaresKey()) {
            diagnostics.error(keySpan(b), "Both sides of the " + relation + " declare fields and references.",
                    "Keep them only on the side that stores the foreign key: field \"" + a.field().name().name()
                            + "\" of model \"" + a.model().name().name() + "\" or field \"" + b.field().name().name()
                            + "\" of model \"" + b.model().name().name() + "\".");
            return;
        }
        if (!a.declaresKey() && !b.declaresKey()) {
            diagnostics.error(a.field().name().span(), "Neither side of the " + relation
                    + " declares fields and references (field \"" + a.field().name().name() + "\" of model \""
                    + a.model().name().name() + "\", field \"" + b.field().name().name() + "\" of model \""
                    + b.model().name().name() + "\").",
                    "Add @relation(fields: [...], references: [...]) to the side that stores the foreign key.");
            return;
        }
        End holder = a.declaresKey() ? a : b;
        End other = holder == a ? b : a;
        if (other.field().type().arity() == Arity.REQUIRED) {
            diagnostics.error(other.field().type().span(), "The " + other.describe() + " must be optional: the "
                    + "other side holds the foreign key of this " + relation + ".",
                    "Write \"" + other.field().type().name().name() + "?\".");
        }
        List<String> keyFields = holder.fields().stream().map(Identifier::name).toList();
        boolean allExist = !keyFields.isEmpty()
                && keyFields.stream().allMatch(name -> holder.model().field(name).isPresent());
        if (allExist && !Keys.isUniqueKey(holder.model(), keyFields)) {
            String hint = keyFields.size() == 1 ? "Add @unique to field \"" + keyFields.get(0) + "\"."
                    : "Add @@unique([" + String.join(", ", keyFields) + "]) to model \""
                            + holder.model().name().name() + "\".";
            diagnostics.error(holder.relation().flatMap(r -> r.argument("fields")).map(Argument::span)
                    .orElse(holder.field().name().span()), "The foreign key [" + String.join(", ", keyFields)
                            + "] of the " + relation + " is not unique in model \"" + holder.model().name().name()
                            + "\".", hint);
        }
    }

    /** Where {@code fields}/{@code references} were written, or the field name when not found. */
    static Span keySpan(End end) {
        Optional<Attribute> relation = end.relation();
        return relation.flatMap(r -> r.argument("fields").or(() -> r.argument("references")))
                .map(Argument::span).filter(Objects::nonNull).orElse(end.field().name().span());
    }
}
