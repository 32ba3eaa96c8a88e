package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.CompositeTypeDefinition;
import dev.refract.codegen.definition.DatasourceDefinition;
import dev.refract.codegen.definition.EnumDefinition;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.PoolDefinition;
import dev.refract.codegen.definition.RelationDefinition;
import dev.refract.meta.DefaultValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the schema's runtime metadata as constants: one per datasource, one per model, and the
 * whole schema. The runtime reads these; it never parses the schema or reflects.
 */
final class MetadataEmitter {

    private final GenerationContext context;

    MetadataEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emit() {
        TypeSpec.Builder builder = TypeSpec.classBuilder(context.metadata())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The runtime metadata of the schema: datasources and models, referred to by index.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        Set<String> used = new HashSet<>(Set.of("SCHEMA"));
        List<String> datasourceConstants = new ArrayList<>();
        for (DatasourceDefinition datasource : context.schema().datasources()) {
            String constant = unique(used, context.naming().constantName(datasource.name()) + "_DATASOURCE");
            datasourceConstants.add(constant);
            builder.addField(FieldSpec.builder(BuilderTypes.DATASOURCE_META, constant,
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The datasource {@code $L}.\n", datasource.name())
                    .initializer(datasource(datasource))
                    .build());
        }
        List<String> modelConstants = new ArrayList<>();
        for (ModelDefinition model : context.schema().models()) {
            String constant = unique(used, context.naming().constantName(model.name()));
            modelConstants.add(constant);
            builder.addField(FieldSpec.builder(BuilderTypes.MODEL_META, constant,
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The model {@code $L}.\n", model.name())
                    .initializer(model(model))
                    .build());
        }
        List<String> enumConstants = new ArrayList<>();
        for (EnumDefinition definition : context.schema().enums()) {
            String constant = unique(used, context.naming().constantName(definition.name()) + "_ENUM");
            enumConstants.add(constant);
            String values = definition.values().stream().map(v -> CodeBlock.of("$S", v.dbName()).toString())
                    .collect(Collectors.joining(", "));
            CodeBlock.Builder initializer = CodeBlock.builder().add("new $T($S, $S, $T.of($L))",
                    BuilderTypes.ENUM_META, definition.name(), definition.dbName(), JavaTypes.LIST, values);
            if (definition.values().stream().anyMatch(v -> !v.name().equals(v.dbName()))) {
                initializer.add("\n$>$>.withValueNames($T.of($L))$<$<", JavaTypes.LIST, definition.values().stream()
                        .map(v -> CodeBlock.of("$S", v.name()).toString()).collect(Collectors.joining(", ")));
            }
            builder.addField(FieldSpec.builder(BuilderTypes.ENUM_META, constant, Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("The enum {@code $L}.\n", definition.name())
                    .initializer(initializer.build())
                    .build());
        }
        List<String> compositeConstants = new ArrayList<>();
        for (CompositeTypeDefinition definition : context.schema().compositeTypes()) {
            String constant = unique(used, context.naming().constantName(definition.name()) + "_TYPE");
            compositeConstants.add(constant);
            CodeBlock.Builder fields = CodeBlock.builder().add("$T.of($>", JavaTypes.LIST);
            for (int i = 0; i < definition.fields().size(); i++) {
                fields.add(i == 0 ? "\n" : ",\n").add(field(definition.fields().get(i)));
            }
            builder.addField(FieldSpec.builder(BuilderTypes.COMPOSITE_META, constant, Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("The composite type {@code $L}.\n", definition.name())
                    .initializer("new $T($S, $L)", BuilderTypes.COMPOSITE_META, definition.name(), fields.add("$<)").build())
                    .build());
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

    private static String unique(Set<String> used, String constant) {
        String candidate = constant;
        while (!used.add(candidate)) {
            candidate = candidate + "_";
        }
        return candidate;
    }

    private CodeBlock datasource(DatasourceDefinition datasource) {
        boolean fromEnvironment = datasource.url().environmentVariable() != null;
        return CodeBlock.of("$T.$L($S, $L, $T.$L, $S, $L)", BuilderTypes.DATASOURCE_META,
                fromEnvironment ? "fromEnvironment" : "withUrl", datasource.name(), datasource.index(),
                BuilderTypes.PROVIDER, datasource.provider().name(),
                fromEnvironment ? datasource.url().environmentVariable() : datasource.url().literal(),
                pool(datasource.pool()));
    }

    private static CodeBlock pool(PoolDefinition pool) {
        if (pool == null || pool.equals(PoolDefinition.DEFAULTS)) {
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

    private CodeBlock model(ModelDefinition model) {
        List<FieldDefinition> fields = context.fields(model);
        CodeBlock.Builder fieldList = CodeBlock.builder().add("$T.of($>", JavaTypes.LIST);
        for (int i = 0; i < fields.size(); i++) {
            fieldList.add(i == 0 ? "\n" : ",\n").add(field(fields.get(i)));
        }
        fieldList.add("$<)");
        CodeBlock.Builder uniques = CodeBlock.builder().add("$T.of(", JavaTypes.LIST);
        List<KeyDefinition> otherUniques = context.otherUniques(model);
        for (int i = 0; i < otherUniques.size(); i++) {
            uniques.add(i == 0 ? "" : ", ").add(key(model, otherUniques.get(i)));
        }
        uniques.add(")");
        CodeBlock.Builder relations = CodeBlock.builder().add("$T.of($>", JavaTypes.LIST);
        List<FieldDefinition> relationFields = context.relationFields(model);
        for (int i = 0; i < relationFields.size(); i++) {
            relations.add(i == 0 ? "\n" : ",\n").add(relation(model, relationFields.get(i)));
        }
        relations.add("$<)");
        CodeBlock cache = model.cache() == null ? CodeBlock.of("null")
                : CodeBlock.of("new $T($L, $LL)", BuilderTypes.CACHE_META, model.cache().datasourceIndex(),
                        model.cache().ttlSeconds());
        CodeBlock.Builder code = CodeBlock.builder()
                .add("new $T($S, $S, $L, $L,\n$>$>$L,\n$L,\n$L,\n$L,\n$L, $LL)", BuilderTypes.MODEL_META, model.name(),
                        model.dbName(), context.modelIndex(model.name()), model.datasourceIndex(), fieldList.build(),
                        key(model, context.identity(model)), uniques.build(), relations.build(), cache,
                        model.ttlSeconds() == null ? 0 : model.ttlSeconds());
        if (!model.indexes().isEmpty()) {
            code.add("\n.withIndexes($T.of(", JavaTypes.LIST);
            for (int i = 0; i < model.indexes().size(); i++) {
                code.add(i == 0 ? "" : ", ").add(key(model, model.indexes().get(i)));
            }
            code.add("))");
        }
        if (model.id() == null) {
            code.add("\n.identifiedByUnique()");
        }
        return code.add("$<$<").build();
    }

    private CodeBlock key(ModelDefinition model, KeyDefinition key) {
        String indexes = key.fields().stream().map(f -> String.valueOf(context.fieldIndex(model, f)))
                .collect(Collectors.joining(", "));
        return key.name() == null ? CodeBlock.of("$T.of($L)", BuilderTypes.KEY_META, indexes)
                : CodeBlock.of("new $T($S, $T.of($L))", BuilderTypes.KEY_META, key.name(), JavaTypes.LIST, indexes);
    }

    private CodeBlock field(FieldDefinition field) {
        CodeBlock.Builder code = CodeBlock.builder();
        FieldType type = field.type();
        if (type instanceof FieldType.Scalar scalar) {
            code.add("$T.scalar($S, $T.$L, $T.$L)", BuilderTypes.FIELD_META, field.name(), BuilderTypes.SCALAR_TYPE,
                    scalar.type().name(), BuilderTypes.ARITY, field.arity().name());
        } else if (type instanceof FieldType.EnumRef enumRef) {
            code.add("$T.enumField($S, $S, $T.$L)", BuilderTypes.FIELD_META, field.name(), enumRef.name(),
                    BuilderTypes.ARITY, field.arity().name());
        } else if (type instanceof FieldType.CompositeRef composite) {
            code.add("$T.composite($S, $S, $T.$L)", BuilderTypes.FIELD_META, field.name(), composite.name(),
                    BuilderTypes.ARITY, field.arity().name());
        } else if (type instanceof FieldType.ModelRef modelRef) {
            code.add("$T.relation($S, $S, $T.$L)", BuilderTypes.FIELD_META, field.name(), modelRef.name(),
                    BuilderTypes.ARITY, field.arity().name());
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
            String nativeType = field.nativeType().name() + (field.nativeType().arguments().isEmpty() ? ""
                    : "(" + String.join(", ", field.nativeType().arguments()) + ")");
            code.add(".withNativeType($S)", nativeType);
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

    private CodeBlock relation(ModelDefinition model, FieldDefinition field) {
        RelationDefinition relation = field.relation();
        ModelDefinition target = context.model(relation.targetModel());
        String fieldIndexes = relation.fields().stream().map(f -> String.valueOf(context.fieldIndex(model, f)))
                .collect(Collectors.joining(", "));
        String referenceIndexes = relation.references().stream()
                .map(f -> String.valueOf(context.fieldIndex(target, f))).collect(Collectors.joining(", "));
        return CodeBlock.of("new $T($S, $L, $L, $L, new int[] {$L}, new int[] {$L}, $L, $L, $L, $L)",
                BuilderTypes.RELATION_META, relation.name(), context.fieldIndex(model, field.name()),
                context.modelIndex(relation.targetModel()), field.isList(), fieldIndexes, referenceIndexes,
                action(relation.onDelete()), action(relation.onUpdate()),
                context.fieldIndex(target, relation.oppositeField()), relation.crossDatasource());
    }

    private static CodeBlock action(dev.refract.meta.ReferentialAction action) {
        return action == null ? CodeBlock.of("null") : CodeBlock.of("$T.$L", BuilderTypes.REFERENTIAL_ACTION, action.name());
    }
}
