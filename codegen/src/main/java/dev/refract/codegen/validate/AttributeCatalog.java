package dev.refract.codegen.validate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every attribute the schema language knows: where it may stand and which arguments it takes. */
final class AttributeCatalog {

    /** Where an attribute is written. */
    enum Placement {
        MODEL_FIELD("a model field"),
        TYPE_FIELD("a field of a composite type"),
        MODEL("a model"),
        COMPOSITE_TYPE("a composite type"),
        ENUM("an enum"),
        ENUM_VALUE("an enum value");

        private final String description;

        Placement(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }

        boolean blockLevel() {
            return this == MODEL || this == COMPOSITE_TYPE || this == ENUM;
        }
    }

    /** The shape an argument's value must have. */
    enum ValueKind {
        STRING("a string in double quotes"),
        INTEGER("a whole number"),
        NAME("a bare name"),
        NAME_LIST("a list of field names in brackets, e.g. [id]"),
        KEY_LIST("a list of field names in brackets, each optionally with sort or length, e.g. [id, at(sort: Desc)]"),
        ANY("a value");

        private final String description;

        ValueKind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /**
     * One attribute.
     *
     * @param positional the parameter an unnamed argument fills, or {@code null} when none may be
     * @param parameters every parameter by name, the positional one included
     * @param required   parameters that must be given
     * @param repeatable whether it may be written more than once on the same element
     */
    record Spec(String name, boolean blockLevel, Set<Placement> placements, String positional,
            Map<String, ValueKind> parameters, Set<String> required, boolean repeatable) {

        String displayName() {
            return (blockLevel ? "@@" : "@") + name;
        }

        /** Where it may be written, for a hint. */
        String placementsDescription() {
            return placements.stream().map(Placement::description).reduce((a, b) -> a + " or " + b).orElse("");
        }
    }

    private static final Map<String, Spec> FIELD_ATTRIBUTES = fieldAttributes();
    private static final Map<String, Spec> BLOCK_ATTRIBUTES = blockAttributes();

    private AttributeCatalog() {
    }

    private static Map<String, Spec> fieldAttributes() {
        Set<Placement> modelField = EnumSet.of(Placement.MODEL_FIELD);
        Set<Placement> anyField = EnumSet.of(Placement.MODEL_FIELD, Placement.TYPE_FIELD);
        Map<String, Spec> specs = new LinkedHashMap<>();
        Map<String, ValueKind> keyOptions = params("map", ValueKind.STRING, "sort", ValueKind.NAME,
                "length", ValueKind.INTEGER);
        field(specs, "id", modelField, null, keyOptions, Set.of());
        field(specs, "unique", modelField, null, keyOptions, Set.of());
        field(specs, "default", anyField, "value", params("value", ValueKind.ANY, "map", ValueKind.STRING),
                Set.of("value"));
        field(specs, "map", EnumSet.of(Placement.MODEL_FIELD, Placement.TYPE_FIELD, Placement.ENUM_VALUE), "name",
                params("name", ValueKind.STRING), Set.of("name"));
        field(specs, "relation", modelField, "name", params("name", ValueKind.STRING, "fields", ValueKind.NAME_LIST,
                "references", ValueKind.NAME_LIST, "onDelete", ValueKind.NAME, "onUpdate", ValueKind.NAME,
                "map", ValueKind.STRING), Set.of());
        field(specs, "updatedAt", modelField, null, Map.of(), Set.of());
        field(specs, ExpiresAtRules.ATTRIBUTE, modelField, null, Map.of(), Set.of());
        field(specs, "ignore", modelField, null, Map.of(), Set.of());
        return Collections.unmodifiableMap(specs);
    }

    private static Map<String, Spec> blockAttributes() {
        Set<Placement> model = EnumSet.of(Placement.MODEL);
        Map<String, ValueKind> keyParams = params("fields", ValueKind.KEY_LIST, "name", ValueKind.STRING,
                "map", ValueKind.STRING);
        Map<String, ValueKind> indexParams = params("fields", ValueKind.KEY_LIST, "name", ValueKind.STRING,
                "map", ValueKind.STRING, "type", ValueKind.NAME, "expireAfterSeconds", ValueKind.INTEGER);
        Map<String, Spec> specs = new LinkedHashMap<>();
        block(specs, "id", model, "fields", keyParams, Set.of("fields"), false);
        block(specs, "unique", model, "fields", keyParams, Set.of("fields"), true);
        block(specs, "index", model, "fields", indexParams, Set.of("fields"), true);
        block(specs, "map", EnumSet.of(Placement.MODEL, Placement.ENUM), "name", params("name", ValueKind.STRING),
                Set.of("name"), false);
        block(specs, "ignore", model, null, Map.of(), Set.of(), false);
        block(specs, "datasource", model, "name", params("name", ValueKind.NAME), Set.of("name"), false);
        block(specs, "cache", model, "datasource", params("datasource", ValueKind.NAME, "ttl", ValueKind.INTEGER),
                Set.of("datasource", "ttl"), false);
        block(specs, "ttl", model, "seconds", params("seconds", ValueKind.INTEGER), Set.of("seconds"), false);
        return Collections.unmodifiableMap(specs);
    }

    private static Map<String, ValueKind> params(Object... namesAndKinds) {
        Map<String, ValueKind> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            params.put((String) namesAndKinds[i], (ValueKind) namesAndKinds[i + 1]);
        }
        return Collections.unmodifiableMap(params);
    }

    private static void field(Map<String, Spec> specs, String name, Set<Placement> placements, String positional,
            Map<String, ValueKind> parameters, Set<String> required) {
        specs.put(name, new Spec(name, false, Collections.unmodifiableSet(EnumSet.copyOf(placements)), positional,
                parameters, required, false));
    }

    private static void block(Map<String, Spec> specs, String name, Set<Placement> placements, String positional,
            Map<String, ValueKind> parameters, Set<String> required, boolean repeatable) {
        specs.put(name, new Spec(name, true, Collections.unmodifiableSet(EnumSet.copyOf(placements)), positional,
                parameters, required, repeatable));
    }

    /** The attribute named {@code name} at that level ({@code @} or {@code @@}). */
    static Optional<Spec> find(String name, boolean blockLevel) {
        return Optional.ofNullable((blockLevel ? BLOCK_ATTRIBUTES : FIELD_ATTRIBUTES).get(name));
    }

    /** The names of the attributes allowed at {@code placement}, for suggestions. */
    static List<String> namesFor(Placement placement) {
        var source = placement.blockLevel() ? BLOCK_ATTRIBUTES : FIELD_ATTRIBUTES;
        return source.values().stream().filter(s -> s.placements().contains(placement)).map(Spec::name).toList();
    }

    /** True for a native type attribute such as {@code @db.VarChar(255)}. */
    static boolean isNativeType(String name) {
        return name.startsWith("db.");
    }
}
