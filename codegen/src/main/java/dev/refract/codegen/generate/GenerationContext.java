package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.naming.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the emitters share about one schema: the naming strategy, the type map, each model's
 * generated names and the field positions that rows and filters use.
 */
public final class GenerationContext {

    /**
     * The suffixes of a composite type's auxiliary classes: its codec and its where builder. New
     * suffixes go last, so that the classes of existing schemas keep the names they settled on.
     */
    private static final List<String> COMPOSITE_SUFFIXES = List.of("Codec", "Where");

    private final SchemaDefinition schema;
    private final Naming naming;
    private final JavaTypes types;
    private final Map<String, ModelNames> modelNames = new LinkedHashMap<>();
    private final Map<String, Integer> modelIndexes = new HashMap<>();
    private final Map<String, ClassName> codecs = new HashMap<>();
    private final Map<String, ClassName> compositeWheres = new HashMap<>();
    private final ClassName client;
    private final ClassName metadata;

    /**
     * Settles every generated class name of the schema, once, as {@link Naming} describes.
     *
     * @throws GenerationException when two schema names, or a schema name and every candidate of an
     *         auxiliary class, or two members of one class, would get the same Java name
     */
    public GenerationContext(SchemaDefinition schema, Naming naming) {
        this.schema = schema;
        this.naming = naming;
        this.types = new JavaTypes(schema.generator().packageName(), naming);
        this.client = types.generated(schema.generator().clientName());
        Map<ClassName, String> owners = new HashMap<>();
        claim(owners, client, "the client class");
        for (var enumDefinition : schema.enums()) {
            claim(owners, types.generated(naming.typeName(enumDefinition.name())), "enum " + enumDefinition.name());
        }
        for (var composite : schema.compositeTypes()) {
            claim(owners, types.generated(naming.typeName(composite.name())), "type " + composite.name());
        }
        for (ModelDefinition model : schema.models()) {
            claim(owners, types.generated(naming.typeName(model.name())), "model " + model.name());
        }
        List<Auxiliary> auxiliaries = new ArrayList<>();
        auxiliaries.add(new Auxiliary("the client", naming.auxiliaryNames(client.simpleName(), "Schema", "Metadata")));
        for (var composite : schema.compositeTypes()) {
            for (String suffix : COMPOSITE_SUFFIXES) {
                auxiliaries.add(new Auxiliary("type " + composite.name(),
                        naming.auxiliaryNames(naming.typeName(composite.name()), "Type", suffix)));
            }
        }
        for (ModelDefinition model : schema.models()) {
            for (String suffix : ModelNames.SUFFIXES) {
                auxiliaries.add(new Auxiliary("model " + model.name(),
                        naming.auxiliaryNames(naming.typeName(model.name()), "Model", suffix)));
            }
        }
        List<ClassName> settled = settle(owners, auxiliaries);
        this.metadata = settled.get(0);
        int next = 1;
        for (var composite : schema.compositeTypes()) {
            codecs.put(composite.name(), settled.get(next++));
            compositeWheres.put(composite.name(), settled.get(next++));
            checkMemberNames("type " + composite.name(), composite.fields());
        }
        for (int i = 0; i < schema.models().size(); i++) {
            ModelDefinition model = schema.models().get(i);
            int first = next;
            next += ModelNames.SUFFIXES.size();
            modelNames.put(model.name(), ModelNames.of(types.generated(naming.typeName(model.name())),
                    settled.subList(first, next)));
            modelIndexes.put(model.name(), i);
            checkMemberNames("model " + model.name(), fields(model));
            identity(model);
        }
    }

    /** An auxiliary class to name: whom it serves and its candidate names, most preferred first. */
    private record Auxiliary(String owner, List<String> candidates) {}

    /**
     * Names every auxiliary class, as the class comment of {@link Naming} describes: round by round,
     * each class still unnamed takes its candidate of that round unless a schema name or an earlier
     * class holds it.
     */
    private List<ClassName> settle(Map<ClassName, String> owners, List<Auxiliary> auxiliaries) {
        ClassName[] settled = new ClassName[auxiliaries.size()];
        int rounds = auxiliaries.stream().mapToInt(a -> a.candidates().size()).max().orElse(0);
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < settled.length; i++) {
                List<String> candidates = auxiliaries.get(i).candidates();
                if (settled[i] == null && round < candidates.size()) {
                    ClassName candidate = types.generated(candidates.get(round));
                    if (owners.putIfAbsent(candidate, auxiliaries.get(i).owner()) == null) {
                        settled[i] = candidate;
                    }
                }
            }
        }
        for (int i = 0; i < settled.length; i++) {
            if (settled[i] == null) {
                Auxiliary auxiliary = auxiliaries.get(i);
                String first = auxiliary.candidates().get(0);
                throw new GenerationException("The generated class " + first + " would serve both "
                        + owners.get(types.generated(first)) + " and " + auxiliary.owner() + ", and no alternative is free ("
                        + String.join(", ", auxiliary.candidates().subList(1, auxiliary.candidates().size()))
                        + "): rename one of them in the schema");
            }
        }
        return List.of(settled);
    }

    private static void claim(Map<ClassName, String> owners, ClassName name, String owner) {
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new GenerationException("The generated class " + name.simpleName() + " would serve both " + previous
                    + " and " + owner + ": rename one of them in the schema");
        }
    }

    /** Refuses two fields of {@code owner} (a model or composite type) whose builder methods would share a name. */
    private void checkMemberNames(String owner, List<FieldDefinition> fields) {
        Map<String, String> seen = new HashMap<>();
        for (FieldDefinition field : fields) {
            String javaName = naming.builderMethodName(field.name());
            String previous = seen.putIfAbsent(javaName, field.name());
            if (previous != null) {
                throw new GenerationException("Fields '" + previous + "' and '" + field.name() + "' of " + owner
                        + " both become '" + javaName + "' in Java: rename one of them");
            }
        }
    }

    /** The schema being generated. */
    public SchemaDefinition schema() {
        return schema;
    }

    /** The naming strategy. */
    public Naming naming() {
        return naming;
    }

    /** The type map. */
    public JavaTypes types() {
        return types;
    }

    /** The output package. */
    public String packageName() {
        return schema.generator().packageName();
    }

    /** The client class. */
    public ClassName client() {
        return client;
    }

    /** The class holding the schema's runtime metadata. */
    public ClassName metadata() {
        return metadata;
    }

    /** The codec class of the composite type called {@code typeName}. */
    public ClassName codec(String typeName) {
        ClassName codec = codecs.get(typeName);
        if (codec == null) {
            throw new GenerationException("No composite type named " + typeName + " in the schema");
        }
        return codec;
    }

    /** The where builder of the composite type called {@code typeName}: conditions on its embedded values. */
    public ClassName compositeWhere(String typeName) {
        ClassName where = compositeWheres.get(typeName);
        if (where == null) {
            throw new GenerationException("No composite type named " + typeName + " in the schema");
        }
        return where;
    }

    /** The generated names of {@code model}. */
    public ModelNames names(ModelDefinition model) {
        return names(model.name());
    }

    /** The generated names of the model called {@code modelName}. */
    public ModelNames names(String modelName) {
        ModelNames names = modelNames.get(modelName);
        if (names == null) {
            throw new GenerationException("No model named " + modelName + " in the schema");
        }
        return names;
    }

    /** The index of the model called {@code modelName}, as in the runtime metadata. */
    public int modelIndex(String modelName) {
        return modelIndexes.get(modelName);
    }

    /** The model called {@code modelName}. */
    public ModelDefinition model(String modelName) {
        return schema.model(modelName).orElseThrow(() -> new GenerationException("No model named " + modelName));
    }

    /**
     * The fields of {@code model} the client handles, in declaration order: every field but those
     * of an {@code Unsupported} type. A field's position in this list is its index in rows and filters.
     */
    public List<FieldDefinition> fields(ModelDefinition model) {
        List<FieldDefinition> fields = new ArrayList<>(model.fields().size());
        for (FieldDefinition field : model.fields()) {
            if (!(field.type() instanceof FieldType.Unsupported)) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** The stored (non-relation) fields the client handles, in declaration order. */
    public List<FieldDefinition> scalarFields(ModelDefinition model) {
        return fields(model).stream().filter(f -> f.relation() == null).toList();
    }

    /** The relation fields, in declaration order. */
    public List<FieldDefinition> relationFields(ModelDefinition model) {
        return fields(model).stream().filter(f -> f.relation() != null).toList();
    }

    /**
     * The relation fields that queries can follow inside the database: sort keys and counts. A
     * relation to a model of another datasource is left out, since no single query can reach both
     * sides; the client loads it with {@code include} and resolves its filters itself (see
     * {@link #filterableRelations}).
     */
    public List<FieldDefinition> queryableRelations(ModelDefinition model) {
        return relationFields(model).stream().filter(f -> !f.relation().crossDatasource()).toList();
    }

    /**
     * The relation fields a where condition can follow: every relation field. A condition on a
     * relation to a model of another datasource is resolved by the client before the query runs, with
     * one look-up of link keys on the other datasource.
     */
    public List<FieldDefinition> filterableRelations(ModelDefinition model) {
        return relationFields(model);
    }

    /** The relation fields that lead to a model of another datasource. */
    public List<FieldDefinition> crossDatasourceRelations(ModelDefinition model) {
        return relationFields(model).stream().filter(f -> f.relation().crossDatasource()).toList();
    }

    /** The {@linkplain #queryableRelations queryable} to-many relation fields: those a query can count. */
    public List<FieldDefinition> countableRelations(ModelDefinition model) {
        return queryableRelations(model).stream().filter(FieldDefinition::isList).toList();
    }

    /**
     * The name of the record component holding the relation counts of {@code model}:
     * {@code relationCounts}, with a trailing {@code _} for as long as a field of the model takes the name.
     */
    public String relationCountsComponent(ModelDefinition model) {
        Set<String> taken = new HashSet<>();
        for (FieldDefinition field : fields(model)) {
            taken.add(naming.fieldName(field.name()));
        }
        return free("relationCounts", taken);
    }

    /**
     * The name of the group record's component holding the per-field counts: {@code counts}, with a
     * trailing {@code _} for as long as a group key of the model takes the name.
     */
    public String groupCountsComponent(ModelDefinition model) {
        Set<String> taken = new HashSet<>();
        for (FieldDefinition field : scalarFields(model)) {
            taken.add(naming.builderMethodName(field.name()));
        }
        return free("counts", taken);
    }

    private static String free(String name, Set<String> taken) {
        String candidate = name;
        while (taken.contains(candidate)) {
            candidate = candidate + "_";
        }
        return candidate;
    }

    /** The index of the field called {@code fieldName} in {@code model}'s rows. */
    public int fieldIndex(ModelDefinition model, String fieldName) {
        List<FieldDefinition> fields = fields(model);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        throw new GenerationException("Model " + model.name() + " has no field " + fieldName
                + " the client can handle");
    }

    /**
     * The key that identifies one record of {@code model}, wherever an identity is needed (the
     * runtime metadata's id, unique look-ups, relation references): its {@code @id} or
     * {@code @@id}, or, for a model identified only by unique keys, its first {@code @unique} or
     * {@code @@unique} in declaration order, as Prisma does.
     *
     * @throws GenerationException when the model has neither an id nor a unique key
     */
    public KeyDefinition identity(ModelDefinition model) {
        if (model.id() != null) {
            return model.id();
        }
        if (model.uniques().isEmpty()) {
            throw new GenerationException("Model " + model.name() + " has no @id, @@id, @unique or @@unique: add an"
                    + " @id field so that its records can be told apart");
        }
        return model.uniques().get(0);
    }

    /** The unique keys of {@code model} other than its {@linkplain #identity identity}, in declaration order. */
    public List<KeyDefinition> otherUniques(ModelDefinition model) {
        List<KeyDefinition> uniques = model.uniques();
        return model.id() != null ? uniques : uniques.subList(1, uniques.size());
    }

    /** Every unique key of {@code model}: its {@linkplain #identity identity} first, then the others. */
    public List<KeyDefinition> uniqueKeys(ModelDefinition model) {
        List<KeyDefinition> keys = new ArrayList<>(model.uniques().size() + 1);
        keys.add(identity(model));
        keys.addAll(otherUniques(model));
        return keys;
    }

    /**
     * The name of the constant of {@code field}, a scalar field of {@code model}, in its field enum
     * and its where builder's field references. Names that differ only in case or underscores (e.g.
     * {@code model} and {@code MODEL}) map to one constant name: the later field in declaration
     * order takes a trailing {@code _} until its name is free.
     */
    public String constant(ModelDefinition model, FieldDefinition field) {
        Set<String> taken = new HashSet<>();
        for (FieldDefinition candidate : scalarFields(model)) {
            String name = naming.constantName(candidate.name());
            while (!taken.add(name)) {
                name = name + "_";
            }
            if (candidate.name().equals(field.name())) {
                return name;
            }
        }
        throw new IllegalArgumentException("'" + field.name() + "' is not a scalar field of model " + model.name());
    }
}
