package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.EnumValue;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef;
import dev.refract.codegen.definition.CacheDefinition;
import dev.refract.codegen.definition.CompositeTypeDefinition;
import dev.refract.codegen.definition.DatasourceDefinition;
import dev.refract.codegen.definition.EnumDefinition;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.GeneratorDefinition;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.NativeType;
import dev.refract.codegen.definition.RelationDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.definition.UrlDefinition;
import dev.refract.codegen.validate.RelationGraph.End;
import dev.refract.meta.Arity;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a schema that passed every rule into its {@link SchemaDefinition}. It relies on the rules
 * having run: it does not check again, and is never called on a schema with errors.
 */
final class DefinitionResolver {

    private final SchemaIndex index;
    private final RelationGraph relations;
    private final DefaultRules defaults;
    private final List<String> datasourceNames;

    DefinitionResolver(SchemaIndex index, RelationGraph relations) {
        this.index = index;
        this.relations = relations;
        // the defaults were checked already; a scratch collector keeps the rules' reading reusable
        this.defaults = new DefaultRules(new Diagnostics(index.schema().file()), index);
        this.datasourceNames = List.copyOf(index.datasources().keySet());
    }

    SchemaDefinition resolve() {
        List<DatasourceDefinition> datasources = new ArrayList<>();
        for (ConfigBlock block : index.datasources().values()) {
            datasources.add(datasource(block, datasources.size()));
        }
        GeneratorDefinition generator = GeneratorRules.javaGenerator(index.schema()).map(this::generator)
                .orElse(null);
        List<ModelDefinition> models = index.activeModels().stream().map(this::model).toList();
        List<EnumDefinition> enums = index.schema().enums().stream().map(DefinitionResolver::enumDefinition).toList();
        List<CompositeTypeDefinition> types = index.compositeTypeBlocks().stream()
                .map(t -> new CompositeTypeDefinition(t.name().name(), t.doc(), fields(t))).toList();
        return new SchemaDefinition(datasources, generator, models, enums, types);
    }

    private static DatasourceDefinition datasource(ConfigBlock block, int position) {
        Provider provider = Provider.fromSchemaName(block.property("provider")
                .flatMap(p -> Expressions.string(p.value())).orElseThrow());
        Expression url = block.property("url").orElseThrow().value();
        UrlDefinition urlDefinition = url instanceof Expression.FunctionCall env
                ? UrlDefinition.fromEnvironment(Expressions.string(env.arguments().get(0).value()).orElseThrow())
                : UrlDefinition.literal(Expressions.string(url).orElseThrow());
        boolean readOnly = block.property(DatasourceRules.READ_ONLY).flatMap(p -> Expressions.bool(p.value()))
                .orElse(false);
        return new DatasourceDefinition(block.name().name(), position, provider, urlDefinition,
                PoolSettings.read(block), readOnly, block.doc());
    }

    private GeneratorDefinition generator(ConfigBlock block) {
        return new GeneratorDefinition(block.name().name(), GeneratorRules.JAVA_PROVIDER, stringProperty(block, "package"),
                Optional.ofNullable(stringProperty(block, "clientName")).orElse(GeneratorRules.DEFAULT_CLIENT_NAME),
                stringProperty(block, "output"));
    }

    private static String stringProperty(ConfigBlock block, String key) {
        return block.property(key).flatMap(p -> Expressions.string(p.value())).orElse(null);
    }

    private static EnumDefinition enumDefinition(EnumBlock block) {
        List<EnumDefinition.Value> values = block.values().stream().map(DefinitionResolver::enumValue).toList();
        String dbName = SchemaIndex.mappedName(block.attributes()).orElse(block.name().name());
        return new EnumDefinition(block.name().name(), dbName, block.doc(), values);
    }

    private static EnumDefinition.Value enumValue(EnumValue value) {
        return new EnumDefinition.Value(value.name().name(),
                SchemaIndex.mappedName(value.attributes()).orElse(value.name().name()), value.doc());
    }

    private ModelDefinition model(ModelBlock model) {
        String datasource = index.datasourceOf(model).orElseThrow();
        List<KeyDefinition> uniques = new ArrayList<>();
        KeyDefinition id = null;
        for (Field field : model.fields()) {
            if (SchemaIndex.isIgnored(field)) {
                continue;
            }
            Optional<Attribute> fieldId = field.attribute("id");
            if (fieldId.isPresent()) {
                id = new KeyDefinition(keyName(fieldId.get()), List.of(field.name().name()));
            }
            field.attribute("unique").ifPresent(unique -> uniques.add(
                    new KeyDefinition(keyName(unique), List.of(field.name().name()))));
        }
        for (Attribute attribute : model.attributes("id")) {
            id = key(attribute);
        }
        model.attributes("unique").stream().map(DefinitionResolver::key).forEach(uniques::add);
        List<KeyDefinition> indexes = model.attributes("index").stream().map(DefinitionResolver::index).toList();
        CacheDefinition cache = model.attributes("cache").stream().findFirst().map(this::cache).orElse(null);
        Long ttl = model.attributes("ttl").stream().findFirst().flatMap(a -> a.positionalOr("seconds"))
                .flatMap(a -> Expressions.integer(a.value())).orElse(null);
        return new ModelDefinition(model.name().name(), SchemaIndex.dbName(model), model.doc(), datasource,
                datasourceNames.indexOf(datasource), fields(model), id, uniques, indexes, cache, ttl);
    }

    private CacheDefinition cache(Attribute attribute) {
        String datasource = attribute.positionalOr("datasource").flatMap(a -> Expressions.name(a.value()))
                .map(Identifier::name).orElseThrow();
        long ttl = attribute.argument("ttl").flatMap(a -> Expressions.integer(a.value())).orElseThrow();
        return new CacheDefinition(datasource, datasourceNames.indexOf(datasource), ttl);
    }

    private static KeyDefinition key(Attribute attribute) {
        List<String> fields = KeyRules.keyFields(attribute).orElseThrow().stream().map(Identifier::name).toList();
        return new KeyDefinition(keyName(attribute), fields);
    }

    /** An {@code @@index}, with the seconds of a TTL index. */
    private static KeyDefinition index(Attribute attribute) {
        KeyDefinition key = key(attribute);
        Long seconds = attribute.argument(TtlIndexRules.EXPIRE_AFTER_SECONDS)
                .flatMap(a -> Expressions.integer(a.value())).orElse(null);
        return new KeyDefinition(key.name(), key.fields(), seconds);
    }

    /** The {@code name:} of a key, or its {@code map:} when only that is written. */
    private static String keyName(Attribute attribute) {
        return attribute.argument("name").or(() -> attribute.argument("map"))
                .flatMap(a -> Expressions.string(a.value())).orElse(null);
    }

    private List<FieldDefinition> fields(ModelBlock block) {
        return block.fields().stream().filter(f -> !SchemaIndex.isIgnored(f)).map(f -> field(block, f)).toList();
    }

    private FieldDefinition field(ModelBlock block, Field field) {
        FieldType type = index.typeOf(field.type()).orElseThrow();
        NativeType nativeType = field.attributes().stream()
                .filter(a -> !a.blockLevel() && AttributeCatalog.isNativeType(a.name())).findFirst()
                .map(DefinitionResolver::nativeType).orElse(null);
        RelationDefinition relation = type instanceof FieldType.ModelRef ? relation(field) : null;
        return new FieldDefinition(field.name().name(), SchemaIndex.dbName(field), field.doc(), type,
                arity(field.type().arity()), defaults.valueOf(block, field).orElse(null), field.attribute("id").isPresent(),
                field.attribute("unique").isPresent(), field.attribute("updatedAt").isPresent(),
                field.attribute(ExpiresAtRules.ATTRIBUTE).isPresent(), nativeType, relation);
    }

    /** The arity as the runtime knows it; the syntax tree's own enum also knows how it is written. */
    private static Arity arity(TypeRef.Arity written) {
        return switch (written) {
            case REQUIRED -> Arity.REQUIRED;
            case OPTIONAL -> Arity.OPTIONAL;
            case LIST -> Arity.LIST;
        };
    }

    private static NativeType nativeType(Attribute attribute) {
        List<String> arguments = attribute.arguments().stream().map(Argument::value)
                .map(DefinitionResolver::asWritten).toList();
        return new NativeType(attribute.name().substring("db.".length()), arguments);
    }

    private static String asWritten(Expression expression) {
        if (expression instanceof Expression.NumberLiteral number) {
            return number.text();
        }
        return Expressions.string(expression).or(() -> Expressions.name(expression).map(Identifier::name))
                .orElse(expression.toString());
    }

    private RelationDefinition relation(Field field) {
        End end = relations.end(field).orElseThrow();
        End opposite = relations.opposite(field).orElseThrow();
        RelationDefinition.Kind kind;
        if (end.isList()) {
            kind = opposite.isList() ? RelationDefinition.Kind.MANY_TO_MANY : RelationDefinition.Kind.ONE_TO_MANY;
        } else {
            kind = opposite.isList() ? RelationDefinition.Kind.MANY_TO_ONE : RelationDefinition.Kind.ONE_TO_ONE;
        }
        boolean crossDatasource = !index.datasourceOf(end.model()).equals(index.datasourceOf(end.target()));
        return new RelationDefinition(end.relationName(), end.target().name().name(), kind,
                end.fields().stream().map(Identifier::name).toList(),
                end.references().stream().map(Identifier::name).toList(), action(end, "onDelete"),
                action(end, "onUpdate"), opposite.field().name().name(), crossDatasource);
    }

    private static ReferentialAction action(End end, String parameter) {
        return end.relation().flatMap(r -> r.argument(parameter)).flatMap(a -> Expressions.name(a.value()))
                .map(id -> ReferentialAction.fromSchemaName(id.name())).orElse(null);
    }
}
