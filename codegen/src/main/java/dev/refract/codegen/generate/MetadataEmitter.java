package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.refract.meta.CompositeMeta;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the schema's runtime metadata, as {@link RuntimeMetadata} builds it, as constants: one per
 * datasource, one per model, one per enum and composite type, and the whole schema. The runtime
 * reads these; it never parses the schema or reflects.
 */
final class MetadataEmitter {

    private final GenerationContext context;

    MetadataEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emit() {
        SchemaMeta schema = RuntimeMetadata.of(context);
        TypeSpec.Builder builder = TypeSpec.classBuilder(context.metadata())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The runtime metadata of the schema: datasources and models, referred to by index.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        Set<String> used = new HashSet<>(Set.of("SCHEMA"));
        List<String> datasourceConstants = new ArrayList<>();
        for (DatasourceMeta datasource : schema.datasources()) {
            String constant = unique(used, context.naming().constantName(datasource.name()) + "_DATASOURCE");
            datasourceConstants.add(constant);
            builder.addField(constant(BuilderTypes.DATASOURCE_META, constant, "datasource", datasource.name(),
                    datasource(datasource)));
        }
        List<String> modelConstants = new ArrayList<>();
        for (ModelMeta model : schema.models()) {
            String constant = unique(used, context.naming().constantName(model.name()));
            modelConstants.add(constant);
            builder.addField(constant(BuilderTypes.MODEL_META, constant, "model", model.name(), model(model)));
        }
        List<String> enumConstants = new ArrayList<>();
        for (EnumMeta definition : schema.enums()) {
            String constant = unique(used, context.naming().constantName(definition.name()) + "_ENUM");
            enumConstants.add(constant);
            builder.addField(constant(BuilderTypes.ENUM_META, constant, "enum", definition.name(),
                    enumeration(definition)));
        }
        List<String> compositeConstants = new ArrayList<>();
        for (CompositeMeta definition : schema.compositeTypes()) {
            String constant = unique(used, context.naming().constantName(definition.name()) + "_TYPE");
            compositeConstants.add(constant);
            builder.addField(constant(BuilderTypes.COMPOSITE_META, constant, "composite type", definition.name(),
                    CodeBlock.of("new $T($S, $L)", BuilderTypes.COMPOSITE_META, definition.name(),
                            fieldList(definition.fields()))));
        }
        builder.addField(FieldSpec.builder(BuilderTypes.SCHEMA_META, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The whole schema.\n")
                .initializer("new $T($T.of($L),\n$T.of($L),\n$T.of($L),\n$T.of($L))", BuilderTypes.SCHEMA_META,
                        JavaTypes.LIST, String.join(", ", datasourceConstants), JavaTypes.LIST,
                        String.join(", ", modelConstants), JavaTypes.LIST, String.join(", ", enumConstants),
                        JavaTypes.LIST, String.join(", ", compositeConstants))
                .build());
        return builder.build();
    }

    private static FieldSpec constant(ClassName type, String constant, String kind, String name, CodeBlock value) {
        return FieldSpec.builder(type, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The $L {@code $L}.\n", kind, name)
                .initializer(value)
                .build();
    }

    private static String unique(Set<String> used, String constant) {
        String candidate = constant;
        while (!used.add(candidate)) {
            candidate = candidate + "_";
        }
        return candidate;
    }

    private static CodeBlock datasource(DatasourceMeta datasource) {
        boolean fromEnvironment = datasource.urlEnvironment() != null;
        return CodeBlock.of("$T.$L($S, $L, $T.$L, $S, $L)$L", BuilderTypes.DATASOURCE_META,
                fromEnvironment ? "fromEnvironment" : "withUrl", datasource.name(), datasource.index(),
                BuilderTypes.PROVIDER, datasource.provider().name(),
                fromEnvironment ? datasource.urlEnvironment() : datasource.url(), pool(datasource.pool()),
                datasource.readOnly() ? ".asReadOnly()" : "");
    }

    private static CodeBlock pool(PoolMeta pool) {
        if (pool.equals(PoolMeta.DEFAULTS)) {
            return CodeBlock.of("$T.DEFAULTS", BuilderTypes.POOL_META);
        }
        return CodeBlock.of("new $T($L, $L, $L, $L)", BuilderTypes.POOL_META, orNull(pool.size()), orNull(pool.minIdle()),
                duration(pool.acquireTimeout()), duration(pool.maxIdleTime()));
    }

    private static CodeBlock orNull(Integer value) {
        return value == null ? CodeBlock.of("null") : CodeBlock.of("$L", value);
    }

    private static CodeBlock duration(Duration duration) {
        return duration == null ? CodeBlock.of("null") : CodeBlock.of("$T.ofMillis($LL)", Duration.class, duration.toMillis());
    }

    private static CodeBlock enumeration(EnumMeta definition) {
        CodeBlock.Builder code = CodeBlock.builder().add("new $T($S, $S, $L)", BuilderTypes.ENUM_META, definition.name(),
                definition.dbName(), strings(definition.dbValues()));
        if (!definition.values().equals(definition.dbValues())) {
            code.add("\n$>$>.withValueNames($L)$<$<", strings(definition.values()));
        }
        return code.build();
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.of("$T.of($L)", JavaTypes.LIST,
                values.stream().map(v -> CodeBlock.of("$S", v).toString()).collect(Collectors.joining(", ")));
    }

    private static CodeBlock fieldList(List<FieldMeta> fields) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.of($>", JavaTypes.LIST);
        for (int i = 0; i < fields.size(); i++) {
            code.add(i == 0 ? "\n" : ",\n").add(field(fields.get(i)));
        }
        return code.add("$<)").build();
    }

    private static CodeBlock model(ModelMeta model) {
        CodeBlock.Builder uniques = CodeBlock.builder().add("$T.of(", JavaTypes.LIST);
        for (int i = 0; i < model.uniques().size(); i++) {
            uniques.add(i == 0 ? "" : ", ").add(key(model.uniques().get(i)));
        }
        uniques.add(")");
        CodeBlock.Builder relations = CodeBlock.builder().add("$T.of($>", JavaTypes.LIST);
        for (int i = 0; i < model.relations().size(); i++) {
            relations.add(i == 0 ? "\n" : ",\n").add(relation(model.relations().get(i)));
        }
        relations.add("$<)");
        CodeBlock cache = model.cache() == null ? CodeBlock.of("null")
                : CodeBlock.of("new $T($L, $LL)", BuilderTypes.CACHE_META, model.cache().datasource(),
                        model.cache().ttlSeconds());
        CodeBlock.Builder code = CodeBlock.builder()
                .add("new $T($S, $S, $L, $L,\n$>$>$L,\n$L,\n$L,\n$L,\n$L, $LL)", BuilderTypes.MODEL_META, model.name(),
                        model.dbName(), model.index(), model.datasource(), fieldList(model.fields()), key(model.id()),
                        uniques.build(), relations.build(), cache, model.ttlSeconds());
        if (!model.indexes().isEmpty()) {
            code.add("\n.withIndexes($T.of(", JavaTypes.LIST);
            for (int i = 0; i < model.indexes().size(); i++) {
                code.add(i == 0 ? "" : ", ").add(key(model.indexes().get(i)));
            }
            code.add("))");
        }
        if (!model.primaryKey()) {
            code.add("\n.identifiedByUnique()");
        }
        if (model.hasExpiresAt()) {
            code.add("\n.expiringAt($L)", model.expiresAt());
        }
        return code.add("$<$<").build();
    }

    private static CodeBlock key(KeyMeta key) {
        String indexes = key.fields().stream().map(String::valueOf).collect(Collectors.joining(", "));
        CodeBlock code = key.name() == null ? CodeBlock.of("$T.of($L)", BuilderTypes.KEY_META, indexes)
                : CodeBlock.of("new $T($S, $T.of($L))", BuilderTypes.KEY_META, key.name(), JavaTypes.LIST, indexes);
        return key.expires() ? CodeBlock.of("$L.expiringAfter($LL)", code, key.expireAfterSeconds()) : code;
    }

    private static CodeBlock field(FieldMeta field) {
        CodeBlock.Builder code = CodeBlock.builder();
        switch (field.kind()) {
            case SCALAR -> code.add("$T.scalar($S, $T.$L, $T.$L)", BuilderTypes.FIELD_META, field.name(),
                    BuilderTypes.SCALAR_TYPE, field.scalarType().name(), BuilderTypes.ARITY, field.arity().name());
            case ENUM -> code.add("$T.enumField($S, $S, $T.$L)", BuilderTypes.FIELD_META, field.name(),
                    field.typeName(), BuilderTypes.ARITY, field.arity().name());
            case COMPOSITE -> code.add("$T.composite($S, $S, $T.$L)", BuilderTypes.FIELD_META, field.name(),
                    field.typeName(), BuilderTypes.ARITY, field.arity().name());
            case RELATION -> code.add("$T.relation($S, $S, $T.$L)", BuilderTypes.FIELD_META, field.name(),
                    field.typeName(), BuilderTypes.ARITY, field.arity().name());
        }
        if (!field.dbName().equals(field.name())) {
            code.add(".withDbName($S)", field.dbName());
        }
        if (field.id()) {
            code.add(".asId()");
        }
        if (field.unique()) {
            code.add(".asUnique()");
        }
        if (field.updatedAt()) {
            code.add(".asUpdatedAt()");
        }
        if (field.defaultValue() != null) {
            code.add(".withDefault($L)", defaultValue(field.defaultValue()));
        }
        if (field.nativeType() != null) {
            code.add(".withNativeType($S)", field.nativeType());
        }
        return code.build();
    }

    private static CodeBlock defaultValue(DefaultValue value) {
        ClassName type = BuilderTypes.DEFAULT_VALUE;
        if (value instanceof DefaultValue.Cuid cuid) {
            return CodeBlock.of("new $T.Cuid($L)", type, cuid.version());
        } else if (value instanceof DefaultValue.Uuid uuid) {
            return CodeBlock.of("new $T.Uuid($L)", type, uuid.version());
        } else if (value instanceof DefaultValue.Nanoid nanoid) {
            return CodeBlock.of("new $T.Nanoid($L)", type, nanoid.length());
        } else if (value instanceof DefaultValue.DbGenerated generated) {
            return CodeBlock.of("new $T.DbGenerated($S)", type, generated.expression());
        } else if (value instanceof DefaultValue.Literal literal) {
            return CodeBlock.of("new $T.Literal($L)", type, literal(literal.value()));
        }
        // The remaining defaults carry no arguments.
        return CodeBlock.of("new $T.$L()", type, value.getClass().getSimpleName());
    }

    private static CodeBlock literal(Object value) {
        if (value instanceof String text) {
            return CodeBlock.of("$S", text);
        } else if (value instanceof Boolean bool) {
            return CodeBlock.of("$T.$L", Boolean.class, bool ? "TRUE" : "FALSE");
        } else if (value instanceof Long number) {
            return CodeBlock.of("$LL", number);
        } else if (value instanceof Integer number) {
            return CodeBlock.of("$LL", number);
        } else if (value instanceof BigDecimal decimal) {
            return CodeBlock.of("new $T($S)", BigDecimal.class, decimal.toPlainString());
        } else if (value instanceof Double number) {
            return CodeBlock.of("new $T($S)", BigDecimal.class, BigDecimal.valueOf(number).toPlainString());
        } else if (value instanceof List<?> list) {
            CodeBlock.Builder code = CodeBlock.builder().add("$T.of(", JavaTypes.LIST);
            for (int i = 0; i < list.size(); i++) {
                code.add(i == 0 ? "" : ", ").add(literal(list.get(i)));
            }
            return code.add(")").build();
        }
        throw new GenerationException("A default value of type " + value.getClass().getName()
                + " cannot be written into generated code");
    }

    private static CodeBlock relation(RelationMeta relation) {
        return CodeBlock.of("new $T($S, $L, $L, $L, new int[] {$L}, new int[] {$L}, $L, $L, $L, $L)",
                BuilderTypes.RELATION_META, relation.name(), relation.field(), relation.targetModel(), relation.toMany(),
                indexes(relation.fields()), indexes(relation.references()), action(relation.onDelete()),
                action(relation.onUpdate()), relation.oppositeField(), relation.crossDatasource());
    }

    private static String indexes(int[] fields) {
        return Arrays.stream(fields).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    private static CodeBlock action(ReferentialAction action) {
        return action == null ? CodeBlock.of("null") : CodeBlock.of("$T.$L", BuilderTypes.REFERENTIAL_ACTION, action.name());
    }
}
