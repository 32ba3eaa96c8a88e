package dev.refract.codegen.generate;

import dev.refract.codegen.definition.CompositeTypeDefinition;
import dev.refract.codegen.definition.DatasourceDefinition;
import dev.refract.codegen.definition.EnumDefinition;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.PoolDefinition;
import dev.refract.codegen.definition.RelationDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.naming.Naming;
import dev.refract.meta.CacheMeta;
import dev.refract.meta.CompositeMeta;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime metadata of a schema, built from its definitions: what a generated client carries as
 * its {@code SCHEMA} constant, available without generating and compiling the client. Tools that
 * work on a schema file directly (the migration commands, {@code db push}) use it; the generator
 * writes exactly this value into the generated metadata class, so the two cannot drift.
 */
public final class RuntimeMetadata {

    private final GenerationContext context;

    private RuntimeMetadata(GenerationContext context) {
        this.context = context;
    }

    /**
     * The metadata of {@code schema}, a validated schema.
     *
     * @throws GenerationException when the schema cannot be turned into a client (e.g. a model with
     *         neither an id nor a unique key)
     */
    public static SchemaMeta of(SchemaDefinition schema) {
        return of(new GenerationContext(schema, new Naming()));
    }

    static SchemaMeta of(GenerationContext context) {
        return new RuntimeMetadata(context).schema();
    }

    private SchemaMeta schema() {
        SchemaDefinition schema = context.schema();
        List<DatasourceMeta> datasources = schema.datasources().stream().map(RuntimeMetadata::datasource).toList();
        List<ModelMeta> models = schema.models().stream().map(this::model).toList();
        List<EnumMeta> enums = schema.enums().stream().map(RuntimeMetadata::enumeration).toList();
        List<CompositeMeta> composites = schema.compositeTypes().stream().map(RuntimeMetadata::composite).toList();
        return new SchemaMeta(datasources, models, enums, composites);
    }

    private static DatasourceMeta datasource(DatasourceDefinition datasource) {
        PoolMeta pool = pool(datasource.pool());
        DatasourceMeta meta = datasource.url().environmentVariable() != null
                ? DatasourceMeta.fromEnvironment(datasource.name(), datasource.index(), datasource.provider(),
                        datasource.url().environmentVariable(), pool)
                : DatasourceMeta.withUrl(datasource.name(), datasource.index(), datasource.provider(),
                        datasource.url().literal(), pool);
        return datasource.readOnly() ? meta.asReadOnly() : meta;
    }

    private static PoolMeta pool(PoolDefinition pool) {
        return pool == null ? PoolMeta.DEFAULTS
                : new PoolMeta(pool.size(), pool.minIdle(), pool.acquireTimeout(), pool.maxIdleTime());
    }

    private static EnumMeta enumeration(EnumDefinition definition) {
        return new EnumMeta(definition.name(), definition.dbName(),
                definition.values().stream().map(EnumDefinition.Value::dbName).toList(),
                definition.values().stream().map(EnumDefinition.Value::name).toList());
    }

    private static CompositeMeta composite(CompositeTypeDefinition definition) {
        return new CompositeMeta(definition.name(), definition.fields().stream().map(RuntimeMetadata::field).toList());
    }

    private ModelMeta model(ModelDefinition model) {
        List<FieldMeta> fields = context.fields(model).stream().map(RuntimeMetadata::field).toList();
        List<KeyMeta> uniques = context.otherUniques(model).stream().map(k -> key(model, k)).toList();
        List<RelationMeta> relations = context.relationFields(model).stream().map(f -> relation(model, f)).toList();
        CacheMeta cache = model.cache() == null ? null
                : new CacheMeta(model.cache().datasourceIndex(), model.cache().ttlSeconds());
        List<KeyMeta> indexes = model.indexes().stream().map(k -> key(model, k)).toList();
        ModelMeta meta = new ModelMeta(model.name(), model.dbName(), context.modelIndex(model.name()),
                model.datasourceIndex(), fields, key(model, context.identity(model)), uniques, relations, cache,
                model.ttlSeconds() == null ? 0 : model.ttlSeconds(), indexes, model.id() != null);
        List<FieldDefinition> declared = context.fields(model);
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).expiresAt()) {
                meta = meta.expiringAt(i);
            }
        }
        return meta;
    }

    private KeyMeta key(ModelDefinition model, KeyDefinition key) {
        List<Integer> fields = new ArrayList<>(key.fields().size());
        for (String field : key.fields()) {
            fields.add(context.fieldIndex(model, field));
        }
        return new KeyMeta(key.name(), fields, key.expireAfterSeconds());
    }

    private static FieldMeta field(FieldDefinition field) {
        FieldType type = field.type();
        FieldMeta meta;
        if (type instanceof FieldType.Scalar scalar) {
            meta = FieldMeta.scalar(field.name(), scalar.type(), field.arity());
        } else if (type instanceof FieldType.EnumRef enumRef) {
            meta = FieldMeta.enumField(field.name(), enumRef.name(), field.arity());
        } else if (type instanceof FieldType.CompositeRef composite) {
            meta = FieldMeta.composite(field.name(), composite.name(), field.arity());
        } else if (type instanceof FieldType.ModelRef modelRef) {
            meta = FieldMeta.relation(field.name(), modelRef.name(), field.arity());
        } else {
            throw new GenerationException("Field " + field.name() + " has a type the client cannot handle: " + type);
        }
        if (!field.dbName().equals(field.name())) {
            meta = meta.withDbName(field.dbName());
        }
        if (field.id()) {
            meta = meta.asId();
        }
        if (field.unique()) {
            meta = meta.asUnique();
        }
        if (field.updatedAt()) {
            meta = meta.asUpdatedAt();
        }
        if (field.defaultValue() != null) {
            meta = meta.withDefault(field.defaultValue());
        }
        if (field.nativeType() != null) {
            meta = meta.withNativeType(field.nativeType().name() + (field.nativeType().arguments().isEmpty() ? ""
                    : "(" + String.join(", ", field.nativeType().arguments()) + ")"));
        }
        return meta;
    }

    private RelationMeta relation(ModelDefinition model, FieldDefinition field) {
        RelationDefinition relation = field.relation();
        ModelDefinition target = context.model(relation.targetModel());
        int[] fields = relation.fields().stream().mapToInt(f -> context.fieldIndex(model, f)).toArray();
        int[] references = relation.references().stream().mapToInt(f -> context.fieldIndex(target, f)).toArray();
        return new RelationMeta(relation.name(), context.fieldIndex(model, field.name()),
                context.modelIndex(relation.targetModel()), field.isList(), fields, references, relation.onDelete(),
                relation.onUpdate(), context.fieldIndex(target, relation.oppositeField()), relation.crossDatasource());
    }
}
