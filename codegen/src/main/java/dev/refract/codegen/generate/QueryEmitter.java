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
        StringBuilder doc = new StringBuilder("Sort keys of {@link $T} records, most significant first, e.g. {@code o -> o.$L().desc()}.\n");
        List<FieldDefinition> relations = context.queryableRelations(model);
        if (!relations.isEmpty()) {
            doc.append("Keys may follow relations: the fields of a to-one relation's record, and the number of\n"
                    + "records of a to-many relation.\n");
        }
        List<FieldDefinition> skipped = context.crossDatasourceRelations(model);
        if (!skipped.isEmpty()) {
            doc.append("Relations to models of another datasource (").append(codeList(skipped))
                    .append(") offer no sort key: no\nsingle query reaches both datasources.\n");
        }
        TypeSpec.Builder builder = BuilderMembers.selfTypedClass(orderBy, BuilderTypes.ORDER_BY_BUILDER, "No sort key yet.\n")
                .addJavadoc(doc.toString(), names.record(),
                        context.naming().builderMethodName(context.scalarFields(model).get(0).name()));
        addSortMethods(builder, model, orderBy);
        for (FieldDefinition field : relations) {
            String method = context.naming().builderMethodName(field.name());
            int index = context.fieldIndex(model, field.name());
            if (field.isList()) {
                builder.addMethod(MethodSpec.methodBuilder(method)
                        .addJavadoc("Sort by the related {@code $L} records, e.g. {@code o.$L().count().desc()}.\n",
                                field.name(), method)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(BuilderTypes.RELATION_SORT, orderBy))
                        .addStatement("return relation($L)", index)
                        .build());
            } else {
                ClassName target = context.names(field.relation().targetModel()).orderBy();
                builder.addMethod(MethodSpec.methodBuilder(method)
                        .addJavadoc("Sort by fields of the related {@code $L} record, or by its own relations, e.g.\n"
                                + "{@code o.$L(r -> r.$L().asc())}$L.\n", field.name(), method,
                                context.naming().builderMethodName(context.scalarFields(
                                        context.model(field.relation().targetModel())).get(0).name()),
                                field.isOptional() ? "; a record without one sorts as a missing value" : "")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(orderBy)
                        .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, target), "order")
                        .addStatement("return related($L, new $T(), order)", index, target)
                        .build());
            }
        }
        return builder.build();
    }

    /** Adds one sort method per sortable scalar field of {@code model} to the order-by builder {@code owner}. */
    void addSortMethods(TypeSpec.Builder builder, ModelDefinition model, ClassName owner) {
        for (FieldDefinition field : context.scalarFields(model)) {
            if (!sortable(field)) {
                continue;
            }
            builder.addMethod(MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                    .addJavadoc("Sort by {@code $L}.\n", field.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(BuilderTypes.SORT_FIELD, owner))
                    .addStatement("return field($L)", context.fieldIndex(model, field.name()))
                    .build());
        }
    }

    /** The names of {@code fields} as Javadoc code, separated by commas. */
    static String codeList(List<FieldDefinition> fields) {
        return fields.stream().map(f -> "{@code " + f.name() + "}").collect(Collectors.joining(", "));
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
        boolean countable = !context.countableRelations(model).isEmpty();
        TypeSpec.Builder builder = TypeSpec.classBuilder(include)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The relations of {@link $T} to load with it, each with its own query$L.\n", names.record(),
                        countable ? ", and the to-many\nrelations to count" : "")
                .addField(FieldSpec.builder(includes, "relations", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T<>()", java.util.ArrayList.class).build());
        if (countable) {
            builder.addField(BuilderMembers.freshField(names.relationCounts(), "counts"));
        }
        builder.addMethod(BuilderMembers.publicConstructor("No relation yet.\n"));
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
        if (countable) {
            builder.addMethod(MethodSpec.methodBuilder("count")
                    .addJavadoc("Counts the records of these to-many relations with each record, e.g.\n"
                            + "{@code i.count(c -> c.$L())}; the counts are in the record's {@code $L}.\n",
                            context.naming().builderMethodName(context.countableRelations(model).get(0).name()),
                            context.relationCountsComponent(model))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(include)
                    .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, names.relationCounts()), "counts")
                    .addStatement("counts.accept(this.counts)")
                    .addStatement("return this")
                    .build());
        }
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The relations to load, in the order they were added, and those to count, over every\n"
                        + "scalar field: the query's select or omit settles the fields.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.SELECTION)
                .addStatement("return new $T($T.of(), relations, $L)", BuilderTypes.SELECTION, JavaTypes.LIST,
                        countable ? CodeBlock.of("counts.build()") : CodeBlock.of("$T.of()", JavaTypes.LIST))
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
        if (model.cache() != null) {
            cacheMethods(builder, findUnique);
        }
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The operation.\n\n@throws $T when no unique key was given, or both select and omit were\n"
                        + "        used\n", BuilderTypes.INVALID_QUERY)
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.OPERATION.nestedClass("FindUnique"))
                .addStatement(model.cache() != null ? "return new $T.FindUnique($L, where.build(), selection(), cache)"
                        : "return new $T.FindUnique($L, where.build(), selection())", BuilderTypes.OPERATION,
                        context.modelIndex(model.name()))
                .build());
        return builder.build();
    }

    /** The per-call cache strategy of a model declaring {@code @@cache}: {@code cache(c -> …)} and {@code noCache()}. */
    private static void cacheMethods(TypeSpec.Builder builder, ClassName findUnique) {
        ClassName strategy = BuilderTypes.CACHE_POLICY.nestedClass("Builder");
        builder.addField(FieldSpec.builder(BuilderTypes.CACHE_POLICY, "cache", Modifier.PRIVATE)
                        .initializer("$T.MODEL", BuilderTypes.CACHE_POLICY).build())
                .addMethod(MethodSpec.methodBuilder("cache")
                        .addJavadoc("Reads through the model's cache with this call's own ttl, stale-while-revalidate window\n"
                                + "and tags instead of the schema's {@code @@cache}.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(findUnique)
                        .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, strategy), "strategy")
                        .addStatement("$T built = new $T()", strategy, strategy)
                        .addStatement("strategy.accept(built)")
                        .addStatement("this.cache = built.build()")
                        .addStatement("return this")
                        .build())
                .addMethod(MethodSpec.methodBuilder("noCache")
                        .addJavadoc("Reads the database, bypassing the model's cache, and caches nothing.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(findUnique)
                        .addStatement("this.cache = $T.BYPASS", BuilderTypes.CACHE_POLICY)
                        .addStatement("return this")
                        .build());
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
        MethodSpec.Builder selection = MethodSpec.methodBuilder("selection")
                .addModifiers(Modifier.PRIVATE)
                .returns(BuilderTypes.SELECTION);
        if (hasRelations) {
            selection.addStatement("$T relations = include.build()", BuilderTypes.SELECTION)
                    .addStatement("return $T.of($S, select.build(), omit.build(), $T.of($L),\nrelations.includes(), "
                            + "relations.counts())", BuilderTypes.SELECTIONS, model.name(), JavaTypes.LIST, scalarIndexes);
        } else {
            selection.addStatement("return $T.of($S, select.build(), omit.build(), $T.of($L), $T.of())",
                    BuilderTypes.SELECTIONS, model.name(), JavaTypes.LIST, scalarIndexes, JavaTypes.LIST);
        }
        builder.addMethod(selection.build());
    }
}
