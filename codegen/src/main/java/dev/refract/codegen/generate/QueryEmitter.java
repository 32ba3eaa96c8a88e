package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.meta.ScalarType;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the read-side builders of a model: order-by, select/omit, include, the arguments of
 * {@code findMany} (also used for included relations) and those of {@code findUnique}.
 */
final class QueryEmitter {

    private final GenerationContext context;

    QueryEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emitOrderBy(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName orderBy = names.orderBy();
        TypeSpec.Builder builder = BuilderMembers.selfTypedClass(orderBy, BuilderTypes.ORDER_BY_BUILDER, "No sort key yet.\n")
                .addJavadoc("Sort keys of {@link $T} records, most significant first, e.g. {@code o -> o.$L().desc()}.\n",
                        names.record(), context.naming().builderMethodName(context.scalarFields(model).get(0).name()));
        for (FieldDefinition field : context.scalarFields(model)) {
            if (!sortable(field)) {
                continue;
            }
            builder.addMethod(MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                    .addJavadoc("Sort by {@code $L}.\n", field.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(BuilderTypes.SORT_FIELD, orderBy))
                    .addStatement("return field($L)", context.fieldIndex(model, field.name()))
                    .build());
        }
        return builder.build();
    }

    private static boolean sortable(FieldDefinition field) {
        if (field.isList() || field.type() instanceof FieldType.CompositeRef) {
            return false;
        }
        return !(field.type() instanceof FieldType.Scalar scalar)
                || (scalar.type() != ScalarType.JSON && scalar.type() != ScalarType.BYTES);
    }

    TypeSpec emitSelect(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName select = names.select();
        TypeSpec.Builder builder = BuilderMembers.selfTypedClass(select, BuilderTypes.FIELD_SET_BUILDER, "No field yet.\n")
                .addJavadoc("A set of scalar fields of {@link $T}: the fields to read ({@code select}) or to leave out\n"
                        + "({@code omit}).\n", names.record());
        for (FieldDefinition field : context.scalarFields(model)) {
            builder.addMethod(MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                    .addJavadoc("Adds {@code $L}.\n", field.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(select)
                    .addStatement("return field($L)", context.fieldIndex(model, field.name()))
                    .build());
        }
        return builder.build();
    }

    TypeSpec emitInclude(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName include = names.include();
        TypeName includes = ParameterizedTypeName.get(JavaTypes.LIST, BuilderTypes.INCLUDE);
        TypeSpec.Builder builder = TypeSpec.classBuilder(include)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The relations of {@link $T} to load with it, each with its own query.\n", names.record())
                .addField(FieldSpec.builder(includes, "relations", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T<>()", java.util.ArrayList.class).build())
                .addMethod(BuilderMembers.publicConstructor("No relation yet.\n"));
        for (FieldDefinition field : context.relationFields(model)) {
            ModelNames target = context.names(field.relation().targetModel());
            String method = context.naming().builderMethodName(field.name());
            int index = context.fieldIndex(model, field.name());
            String scope = field.isList() ? "its where, orderBy, skip, take, select and include"
                    : "its select and include (a to-one relation ignores where, order and paging)";
            builder.addMethod(MethodSpec.methodBuilder(method)
                    .addJavadoc("Loads {@code $L} with every field.\n", field.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(include)
                    .addStatement("relations.add(new $T($L, $T.ALL))", BuilderTypes.INCLUDE, index, BuilderTypes.QUERY_TYPE)
                    .addStatement("return this")
                    .build());
            builder.addMethod(MethodSpec.methodBuilder(method)
                    .addJavadoc("Loads {@code $L} as {@code query} says: $L.\n", field.name(), scope)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(include)
                    .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, target.findMany()), "query")
                    .addStatement("$T related = new $T()", target.findMany(), target.findMany())
                    .addStatement("query.accept(related)")
                    .addStatement("relations.add(new $T($L, related.build()))", BuilderTypes.INCLUDE, index)
                    .addStatement("return this")
                    .build());
        }
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The relations chosen, in the order they were added.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(includes)
                .addStatement("return $T.copyOf(relations)", JavaTypes.LIST)
                .build());
        return builder.build();
    }

    /** Emits the arguments of {@code findMany}, {@code findFirst}, {@code count} and of included to-many relations. */
    TypeSpec emitFindMany(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName findMany = names.findMany();
        TypeSpec.Builder builder = TypeSpec.classBuilder(findMany)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Which {@link $T} records to read, in which order, with which fields and relations.\n",
                        names.record())
                .addField(BuilderMembers.freshField(names.where(), "where"))
                .addField(BuilderMembers.freshField(names.orderBy(), "orderBy"))
                .addField(TypeName.INT, "skip", Modifier.PRIVATE)
                .addField(Integer.class, "take", Modifier.PRIVATE)
                .addField(BuilderTypes.FILTER, "cursor", Modifier.PRIVATE)
                .addField(FieldSpec.builder(ParameterizedTypeName.get(JavaTypes.LIST, ClassName.get(Integer.class)),
                        "distinct", Modifier.PRIVATE).initializer("$T.of()", JavaTypes.LIST).build())
                .addMethod(BuilderMembers.publicConstructor("Every record, every scalar field.\n"));
        selectionFields(builder, model);
        builder.addMethod(BuilderMembers.consumerSetter(findMany, "where", names.where(), "where",
                "Only records meeting these conditions; several calls add up."));
        builder.addMethod(BuilderMembers.consumerSetter(findMany, "orderBy", names.orderBy(), "orderBy",
                "Sorts by these keys; several calls add keys."));
        builder.addMethod(BuilderMembers.nonNegativeCountSetter(findMany, "skip",
                "Passes over the first {@code count} matching records.\n"));
        builder.addMethod(BuilderMembers.nonNegativeCountSetter(findMany, "take", "Reads at most {@code count} records.\n"));
        builder.addMethod(MethodSpec.methodBuilder("cursor")
                .addJavadoc("Starts at the record this unique key picks (inclusive).\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(findMany)
                .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, names.whereUnique()), "key")
                .addStatement("$T unique = new $T()", names.whereUnique(), names.whereUnique())
                .addStatement("key.accept(unique)")
                .addStatement("this.cursor = unique.build()")
                .addStatement("return this")
                .build());
        builder.addMethod(MethodSpec.methodBuilder("distinct")
                .addJavadoc("Keeps one record per combination of values of {@code fields}.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(findMany)
                .addParameter(com.palantir.javapoet.ArrayTypeName.of(names.field()), "fields")
                .varargs()
                .addStatement("this.distinct = $T.stream(fields).map($T::index).toList()", java.util.Arrays.class,
                        names.field())
                .addStatement("return this")
                .build());
        selectionMethods(builder, model, findMany);
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The query.\n\n@throws $T when both select and omit were used\n", BuilderTypes.INVALID_QUERY)
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.QUERY_TYPE)
                .addStatement("return new $T(where.build(), orderBy.build(), skip, take, cursor, distinct, selection())",
                        BuilderTypes.QUERY_TYPE)
                .build());
        return builder.build();
    }

    /** Emits the arguments of {@code findUnique}: a unique key, and select, omit or include. */
    TypeSpec emitFindUnique(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName findUnique = names.findUnique();
        TypeSpec.Builder builder = TypeSpec.classBuilder(findUnique)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Which {@link $T} record to read by a unique key, with which fields and relations.\n",
                        names.record())
                .addField(BuilderMembers.freshField(names.whereUnique(), "where"))
                .addMethod(BuilderMembers.publicConstructor("No key yet.\n"));
        selectionFields(builder, model);
        builder.addMethod(BuilderMembers.consumerSetter(findUnique, "where", names.whereUnique(), "where",
                "The unique key of the record, and optional extra conditions."));
        selectionMethods(builder, model, findUnique);
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The operation.\n\n@throws $T when no unique key was given, or both select and omit were\n"
                        + "        used\n", BuilderTypes.INVALID_QUERY)
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.OPERATION.nestedClass("FindUnique"))
                .addStatement("return new $T.FindUnique($L, where.build(), selection())", BuilderTypes.OPERATION,
                        context.modelIndex(model.name()))
                .build());
        return builder.build();
    }

    private void selectionFields(TypeSpec.Builder builder, ModelDefinition model) {
        ModelNames names = context.names(model);
        builder.addField(BuilderMembers.freshField(names.select(), "select"))
                .addField(BuilderMembers.freshField(names.select(), "omit"));
        if (!context.relationFields(model).isEmpty()) {
            builder.addField(BuilderMembers.freshField(names.include(), "include"));
        }
    }

    private void selectionMethods(TypeSpec.Builder builder, ModelDefinition model, ClassName owner) {
        ModelNames names = context.names(model);
        boolean hasRelations = !context.relationFields(model).isEmpty();
        builder.addMethod(BuilderMembers.consumerSetter(owner, "select", names.select(), "select",
                "Reads only these scalar fields; the others are {@code null} in the result."));
        builder.addMethod(BuilderMembers.consumerSetter(owner, "omit", names.select(), "omit",
                "Reads every scalar field but these; they are {@code null} in the result."));
        if (hasRelations) {
            builder.addMethod(BuilderMembers.consumerSetter(owner, "include", names.include(), "include",
                    "Loads these relations with each record."));
        }
        String scalarIndexes = context.scalarFields(model).stream()
                .map(f -> String.valueOf(context.fieldIndex(model, f.name())))
                .collect(Collectors.joining(", "));
        builder.addMethod(MethodSpec.methodBuilder("selection")
                .addModifiers(Modifier.PRIVATE)
                .returns(BuilderTypes.SELECTION)
                .addStatement("return $T.of($S, select.build(), omit.build(), $T.of($L), $L)", BuilderTypes.SELECTIONS,
                        model.name(), JavaTypes.LIST, scalarIndexes,
                        hasRelations ? CodeBlock.of("include.build()") : CodeBlock.of("$T.of()", JavaTypes.LIST))
                .build());
    }
}
