package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.ast.TypeRef;
import dev.refract.codegen.definition.FieldType;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The blocks of a schema looked up by name, shared by the rules and the resolver. Where a name is
 * declared twice the first declaration wins; the duplicate is reported by {@link NameRules}.
 */
final class SchemaIndex {

    private final Schema schema;
    private final Map<String, ConfigBlock> datasources = new LinkedHashMap<>();
    private final Map<String, ModelBlock> models = new LinkedHashMap<>();
    private final Map<String, ModelBlock> compositeTypes = new LinkedHashMap<>();
    private final Map<String, EnumBlock> enums = new LinkedHashMap<>();

    SchemaIndex(Schema schema) {
        this.schema = schema;
        for (ConfigBlock datasource : schema.datasources()) {
            datasources.putIfAbsent(datasource.name().name(), datasource);
        }
        for (var block : schema.blocks()) {
            String name = block.name().name();
            if (models.containsKey(name) || compositeTypes.containsKey(name) || enums.containsKey(name)) {
                continue;
            }
            if (block instanceof ModelBlock model) {
                (model.kind() == ModelBlock.Kind.MODEL ? models : compositeTypes).put(name, model);
            } else if (block instanceof EnumBlock enumBlock) {
                enums.put(name, enumBlock);
            }
        }
    }

    Schema schema() {
        return schema;
    }

    /** Datasources by name, in declaration order, first declaration of a name only. */
    Map<String, ConfigBlock> datasources() {
        return datasources;
    }

    /** The model blocks (not composite types) of the schema, duplicates included. */
    List<ModelBlock> modelBlocks() {
        return schema.models().stream().filter(m -> m.kind() == ModelBlock.Kind.MODEL).toList();
    }

    /** The composite type blocks of the schema, duplicates included. */
    List<ModelBlock> compositeTypeBlocks() {
        return schema.models().stream().filter(m -> m.kind() == ModelBlock.Kind.COMPOSITE_TYPE).toList();
    }

    /** Models to check in depth: the first declaration of each name, {@code @@ignore}d ones left out. */
    List<ModelBlock> activeModels() {
        return models.values().stream().filter(m -> !isIgnored(m)).toList();
    }

    Optional<ModelBlock> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    Optional<ModelBlock> compositeType(String name) {
        return Optional.ofNullable(compositeTypes.get(name));
    }

    Optional<EnumBlock> enumNamed(String name) {
        return Optional.ofNullable(enums.get(name));
    }

    Set<String> modelNames() {
        return models.keySet();
    }

    /** Every name a field type may use: scalars, enums, composite types and models. */
    List<String> typeNames() {
        List<String> names = new ArrayList<>();
        for (ScalarType scalar : ScalarType.values()) {
            names.add(scalar.schemaName());
        }
        names.addAll(enums.keySet());
        names.addAll(compositeTypes.keySet());
        names.addAll(models.keySet());
        return names;
    }

    /** The resolved type, or empty when the name is unknown. */
    Optional<FieldType> typeOf(TypeRef type) {
        if (type.isUnsupported()) {
            return Optional.of(new FieldType.Unsupported(type.unsupported()));
        }
        String name = type.name().name();
        ScalarType scalar = ScalarType.fromSchemaName(name);
        if (scalar != null) {
            return Optional.of(new FieldType.Scalar(scalar));
        } else if (enums.containsKey(name)) {
            return Optional.of(new FieldType.EnumRef(name));
        } else if (compositeTypes.containsKey(name)) {
            return Optional.of(new FieldType.CompositeRef(name));
        } else if (models.containsKey(name)) {
            return Optional.of(new FieldType.ModelRef(name));
        }
        return Optional.empty();
    }

    /** The scalar type of a field, or empty when it is not a scalar. */
    Optional<ScalarType> scalarOf(Field field) {
        return typeOf(field.type()).filter(FieldType.Scalar.class::isInstance)
                .map(t -> ((FieldType.Scalar) t).type());
    }

    boolean isRelationField(Field field) {
        return typeOf(field.type()).orElse(null) instanceof FieldType.ModelRef;
    }

    /**
     * The name of the datasource a model lives in: its {@code @@datasource}, or the first declared.
     * An unknown {@code @@datasource} falls back to the first declared so that later rules still
     * have something to check against; the unknown name itself is reported by {@link DatasourceRules}.
     */
    Optional<String> datasourceOf(ModelBlock model) {
        Optional<String> declared = model.attributes("datasource").stream().findFirst()
                .flatMap(a -> a.positionalOr("name")).flatMap(arg -> Expressions.name(arg.value()))
                .map(id -> id.name()).filter(datasources::containsKey);
        return declared.or(() -> datasources.keySet().stream().findFirst());
    }

    /** The provider of the named datasource, or empty when unknown or misspelled. */
    Optional<Provider> providerOfDatasource(String datasource) {
        ConfigBlock block = datasources.get(datasource);
        if (block == null) {
            return Optional.empty();
        }
        return block.property("provider").flatMap(p -> Expressions.string(p.value())).map(Provider::fromSchemaName);
    }

    /** The provider of the datasource a model lives in. */
    Optional<Provider> providerOf(ModelBlock model) {
        return datasourceOf(model).flatMap(this::providerOfDatasource);
    }

    /**
     * The provider a composite type's fields are checked against: MongoDB when the schema has a
     * MongoDB datasource (composite types exist only there), otherwise empty.
     */
    Optional<Provider> providerOfCompositeTypes() {
        return datasources.keySet().stream().map(this::providerOfDatasource).flatMap(Optional::stream)
                .filter(p -> p == Provider.MONGODB).findFirst();
    }

    /** The provider a block's fields are checked against. */
    Optional<Provider> providerOfBlock(ModelBlock block) {
        return block.kind() == ModelBlock.Kind.MODEL ? providerOf(block) : providerOfCompositeTypes();
    }

    static boolean isIgnored(ModelBlock model) {
        return !model.attributes("ignore").isEmpty();
    }

    static boolean isIgnored(Field field) {
        return field.attribute("ignore").isPresent();
    }

    /** The string argument of {@code @map("x")} or {@code @@map("x")}. */
    static Optional<String> mappedName(List<Attribute> attributes) {
        return attributes.stream().filter(a -> a.name().equals("map")).findFirst()
                .flatMap(a -> a.positionalOr("name")).flatMap(arg -> Expressions.string(arg.value()));
    }

    /** The database name of a field: its {@code @map} or its name. */
    static String dbName(Field field) {
        return mappedName(field.attributes()).orElse(field.name().name());
    }

    /** The database name of a model: its {@code @@map} or its name. */
    static String dbName(ModelBlock model) {
        return mappedName(model.attributes()).orElse(model.name().name());
    }
}
