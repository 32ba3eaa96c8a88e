package dev.refract.codegen.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.ModelDefinition;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Emits the arguments of {@code aggregate} and {@code groupBy}: which records, which fields to
 * group by, and which of count (of records, or of each field's values), sum, average, minimum and
 * maximum to compute.
 */
final class AggregateQueryEmitter {

    private static final TypeName INDEX_SET = ParameterizedTypeName.get(ClassName.get(Set.class), ClassName.get(Integer.class));

    private final GenerationContext context;

    AggregateQueryEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emitAggregateQuery(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName owner = names.aggregateQuery();
        TypeSpec.Builder builder = common(model, owner, names.orderBy(),
                "Sorts the records by these keys (with skip and take, this picks the records covered).",
                "What {@code aggregate} computes over {@link $T} records, e.g.\n"
                        + "{@code a -> a.where(...).count().sum($T...)}.\n");
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The operation.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.OPERATION.nestedClass("Aggregate"))
                .addStatement("$T query = new $T(where.build(), orderBy.build(), skip, take, null, $T.of(), $T.ALL)",
                        BuilderTypes.QUERY_TYPE, BuilderTypes.QUERY_TYPE, JavaTypes.LIST, BuilderTypes.SELECTION)
                .addStatement("return new $T.Aggregate($L, query, aggregations())", BuilderTypes.OPERATION,
                        context.modelIndex(model.name()))
                .build());
        return builder.build();
    }

    TypeSpec emitGroupByQuery(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName owner = names.groupByQuery();
        TypeSpec.Builder builder = common(model, owner, names.groupOrderBy(),
                "Sorts the groups by these keys: fields grouped by, and aggregates of each group.",
                "How {@code groupBy} groups {@link $T} records and what it computes per group, e.g.\n"
                        + "{@code g -> g.by($T...).count()}.\n");
        builder.addField(FieldSpec.builder(INDEX_SET, "by", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T<>()", java.util.LinkedHashSet.class).build())
                .addField(BuilderMembers.freshField(names.having(), "having"));
        builder.addMethod(MethodSpec.methodBuilder("by")
                .addJavadoc("Groups by these fields, in this order.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(owner)
                .addParameter(ArrayTypeName.of(names.field()), "fields")
                .varargs()
                .beginControlFlow("for ($T field : fields)", names.field())
                .addStatement("by.add(field.index())")
                .endControlFlow()
                .addStatement("return this")
                .build());
        builder.addMethod(BuilderMembers.consumerSetter(owner, "having", names.having(), "having",
                "Keeps only the groups whose keys and aggregates meet these conditions."));
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The operation.\n\n@throws $T when no field to group by was given\n", BuilderTypes.INVALID_QUERY)
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.OPERATION.nestedClass("GroupBy"))
                .beginControlFlow("if (by.isEmpty())")
                .addStatement("throw new $T($S, $T.of(), $S)", BuilderTypes.INVALID_QUERY, model.name(), JavaTypes.LIST,
                        "groupBy on " + model.name() + " needs at least one field: call by(" + names.field().simpleName()
                                + "....)")
                .endControlFlow()
                .addStatement("return new $T.GroupBy($L, $T.copyOf(by), where.build(), having.build(), orderBy.build(),"
                        + " skip, take, aggregations())", BuilderTypes.OPERATION, context.modelIndex(model.name()),
                        JavaTypes.LIST)
                .build());
        return builder.build();
    }

    private TypeSpec.Builder common(ModelDefinition model, ClassName owner, ClassName orderBy, String orderByDoc,
            String doc) {
        ModelNames names = context.names(model);
        ClassName field = names.field();
        TypeSpec.Builder builder = TypeSpec.classBuilder(owner)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(doc, names.record(), field)
                .addField(BuilderMembers.freshField(names.where(), "where"))
                .addField(BuilderMembers.freshField(orderBy, "orderBy"))
                .addField(TypeName.INT, "skip", Modifier.PRIVATE)
                .addField(Integer.class, "take", Modifier.PRIVATE)
                .addField(TypeName.BOOLEAN, "count", Modifier.PRIVATE);
        for (String function : new String[] {"sum", "avg", "min", "max", "counts"}) {
            builder.addField(FieldSpec.builder(INDEX_SET, function, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T<>()", TreeSet.class).build());
        }
        builder.addMethod(BuilderMembers.publicConstructor("Nothing computed yet, over every record.\n"))
                .addMethod(BuilderMembers.consumerSetter(owner, "where", names.where(), "where",
                        "Only records meeting these conditions."))
                .addMethod(BuilderMembers.consumerSetter(owner, "orderBy", orderBy, "orderBy", orderByDoc))
                .addMethod(BuilderMembers.countSetter(owner, "skip", "Passes over the first {@code count} records or groups.\n"))
                .addMethod(BuilderMembers.countSetter(owner, "take", "Covers at most {@code count} records or groups.\n"))
                .addMethod(MethodSpec.methodBuilder("count")
                        .addJavadoc("Counts the records.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(owner)
                        .addStatement("this.count = true")
                        .addStatement("return this")
                        .build())
                .addMethod(MethodSpec.methodBuilder("count")
                        .addJavadoc("Counts, per field, the records where the field holds a value.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(owner)
                        .addParameter(ArrayTypeName.of(field), "fields")
                        .varargs()
                        .beginControlFlow("for ($T field : fields)", field)
                        .addStatement("counts.add(field.index())")
                        .endControlFlow()
                        .addStatement("return this")
                        .build())
                .addMethod(function(owner, field, "sum", "Sums these number fields.", "numeric", "a number"))
                .addMethod(function(owner, field, "avg", "Averages these number fields.", "numeric", "a number"))
                .addMethod(function(owner, field, "min", "Takes the least value of these fields.", "ordered",
                        "ordered (a number, string or date-time)"))
                .addMethod(function(owner, field, "max", "Takes the greatest value of these fields.", "ordered",
                        "ordered (a number, string or date-time)"))
                .addMethod(MethodSpec.methodBuilder("aggregations")
                        .addModifiers(Modifier.PRIVATE)
                        .returns(BuilderTypes.AGGREGATIONS)
                        .addStatement("return new $T(count, $T.copyOf(sum), $T.copyOf(avg), $T.copyOf(min), $T.copyOf(max),\n"
                                + "$T.copyOf(counts))", BuilderTypes.AGGREGATIONS, JavaTypes.LIST, JavaTypes.LIST,
                                JavaTypes.LIST, JavaTypes.LIST, JavaTypes.LIST)
                        .build());
        return builder;
    }

    private static MethodSpec function(ClassName owner, ClassName field, String name, String doc, String check,
            String what) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L\n\n@throws IllegalArgumentException when a field is not $L\n", doc, what)
                .addModifiers(Modifier.PUBLIC)
                .returns(owner)
                .addParameter(ArrayTypeName.of(field), "fields")
                .varargs()
                .beginControlFlow("for ($T field : fields)", field)
                .beginControlFlow("if (!field.$N())", check)
                .addStatement("throw new $T($S + field.fieldName() + $S)", IllegalArgumentException.class,
                        name + " needs fields that are " + what + "; ", " is not")
                .endControlFlow()
                .addStatement("$N.add(field.index())", name)
                .endControlFlow()
                .addStatement("return this")
                .build();
    }
}
