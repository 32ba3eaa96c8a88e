package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.codegen.definition.FieldType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relation fields of the active models, grouped by relation and paired with their opposite
 * sides. A relation is identified by its two models and its name: the one written in
 * {@code @relation("...")} or, as Prisma names it, the two model names sorted and joined by
 * {@code To}.
 */
final class RelationGraph {

    /** One relation field, as seen from the model that declares it. */
    record End(ModelBlock model, Field field, ModelBlock target, String relationName) {

        boolean isList() {
            return field.type().arity() == Arity.LIST;
        }

        Optional<Attribute> relation() {
            return field.attribute("relation");
        }

        /** The {@code fields: [...]} of its {@code @relation}, empty when not written or malformed. */
        List<Identifier> fields() {
            return names("fields");
        }

        /** The {@code references: [...]} of its {@code @relation}, empty when not written or malformed. */
        List<Identifier> references() {
            return names("references");
        }

        /** True when {@code fields} or {@code references} is written: this side holds the foreign key. */
        boolean declaresKey() {
            return relation().flatMap(r -> r.argument("fields").or(() -> r.argument("references"))).isPresent();
        }

        private List<Identifier> names(String argument) {
            return relation().flatMap(r -> r.argument(argument)).flatMap(a -> Expressions.names(a.value()))
                    .orElse(List.of());
        }

        String describe() {
            return "relation field \"" + field.name().name() + "\" of model \"" + model.name().name() + "\"";
        }
    }

    /** The relation fields sharing one relation: normally two, one per side. */
    record Group(String relationName, ModelBlock first, ModelBlock second, List<End> ends) {

        boolean isSelfRelation() {
            return first == second;
        }
    }

    private final List<Group> groups = new ArrayList<>();
    private final Map<Field, End> ends = new IdentityHashMap<>();
    private final Map<Field, End> opposites = new IdentityHashMap<>();

    RelationGraph(SchemaIndex index) {
        Map<String, List<End>> byRelation = new LinkedHashMap<>();
        for (ModelBlock model : index.activeModels()) {
            for (Field field : model.fields()) {
                if (SchemaIndex.isIgnored(field)
                        || !(index.typeOf(field.type()).orElse(null) instanceof FieldType.ModelRef ref)) {
                    continue;
                }
                ModelBlock target = index.model(ref.name()).orElseThrow();
                if (SchemaIndex.isIgnored(target)) {
                    continue;
                }
                String name = explicitName(field).orElse(defaultName(model.name().name(), target.name().name()));
                End end = new End(model, field, target, name);
                ends.put(field, end);
                String key = sortedPair(model.name().name(), target.name().name()) + "\u0000" + name;
                byRelation.computeIfAbsent(key, k -> new ArrayList<>()).add(end);
            }
        }
        for (List<End> relationEnds : byRelation.values()) {
            End anyEnd = relationEnds.get(0);
            ModelBlock first = anyEnd.model().name().name().compareTo(anyEnd.target().name().name()) <= 0
                    ? anyEnd.model() : anyEnd.target();
            ModelBlock second = first == anyEnd.model() ? anyEnd.target() : anyEnd.model();
            Group group = new Group(anyEnd.relationName(), first, second, List.copyOf(relationEnds));
            groups.add(group);
            pair(group);
        }
    }

    private void pair(Group group) {
        if (group.isSelfRelation()) {
            if (group.ends().size() == 2) {
                link(group.ends().get(0), group.ends().get(1));
            }
            return;
        }
        List<End> fromFirst = group.ends().stream().filter(e -> e.model() == group.first()).toList();
        List<End> fromSecond = group.ends().stream().filter(e -> e.model() == group.second()).toList();
        if (fromFirst.size() == 1 && fromSecond.size() == 1) {
            link(fromFirst.get(0), fromSecond.get(0));
        }
    }

    private void link(End a, End b) {
        opposites.put(a.field(), b);
        opposites.put(b.field(), a);
    }

    /** The name written in {@code @relation("name")} or {@code @relation(name: "name")}. */
    static Optional<String> explicitName(Field field) {
        return field.attribute("relation").flatMap(r -> r.positionalOr("name"))
                .flatMap(a -> Expressions.string(a.value()));
    }

    /** Prisma's name for an unnamed relation: the two model names sorted and joined by {@code To}. */
    static String defaultName(String modelA, String modelB) {
        return modelA.compareTo(modelB) <= 0 ? modelA + "To" + modelB : modelB + "To" + modelA;
    }

    private static String sortedPair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    List<Group> groups() {
        return groups;
    }

    /** The relation end of a relation field of an active model. */
    Optional<End> end(Field field) {
        return Optional.ofNullable(ends.get(field));
    }

    /** The other side of the relation, when exactly one was found. */
    Optional<End> opposite(Field field) {
        return Optional.ofNullable(opposites.get(field));
    }
}
