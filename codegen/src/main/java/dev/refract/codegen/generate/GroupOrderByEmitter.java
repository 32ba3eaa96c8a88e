package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.query.Aggregations.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits the sort keys of a model's {@code groupBy}: the fields grouped by, as its order-by has them,
 * and the aggregates of each group, e.g. {@code o -> o.sum(PipelineRunField.COST).desc()}. Each key
 * on an aggregate is an {@code OrderBy.Key.Aggregate}.
 */
final class GroupOrderByEmitter {

    private final GenerationContext context;
    private final QueryEmitter queries;

    GroupOrderByEmitter(GenerationContext context) {
        this.context = context;
        this.queries = new QueryEmitter(context);
    }

    TypeSpec emit(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName owner = names.groupOrderBy();
        ClassName field = names.field();
        AggregateShape shape = new AggregateShape(context, model);
        String example = shape.numeric().isEmpty() ? "o.count().desc()"
                : "o.sum(" + field.simpleName() + "." + context.constant(model, shape.numeric().get(0)) + ").desc()";
        TypeSpec.Builder builder = BuilderMembers.selfTypedClass(owner, BuilderTypes.ORDER_BY_BUILDER, "No sort key yet.\n")
                .addJavadoc("Sort keys of the groups of {@code groupBy} over {@link $T} records, most significant first:\n"
                        + "the fields grouped by, and aggregates of each group, e.g. {@code o -> $L}.\n",
                        names.record(), example);
        queries.addSortMethods(builder, model, owner);
        TypeName sortField = ParameterizedTypeName.get(BuilderTypes.SORT_FIELD, owner);
        builder.addMethod(MethodSpec.methodBuilder("count")
                .addJavadoc("Sort by the number of records in the group.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(sortField)
                .addStatement("return aggregate($T.COUNT, -1)", Function.class)
                .build());
        builder.addMethod(aggregate(owner, field, "count", Function.COUNT,
                "the number of records in the group where {@code field} holds a value", null, null));
        builder.addMethod(aggregate(owner, field, "sum", Function.SUM, "the sum of {@code field}", "numeric", "a number"));
        builder.addMethod(aggregate(owner, field, "avg", Function.AVG, "the average of {@code field}", "numeric",
                "a number"));
        builder.addMethod(aggregate(owner, field, "min", Function.MIN, "the least value of {@code field}", "ordered",
                "ordered (a number, string or date-time)"));
        builder.addMethod(aggregate(owner, field, "max", Function.MAX, "the greatest value of {@code field}", "ordered",
                "ordered (a number, string or date-time)"));
        return builder.build();
    }

    /** {@code SortField<owner> name(field)}: a sort on {@code function} over the field, checked by {@code check}. */
    private static MethodSpec aggregate(ClassName owner, ClassName field, String name, Function function, String what,
            String check, String needs) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(BuilderTypes.SORT_FIELD, owner))
                .addParameter(field, "field");
        if (check == null) {
            method.addJavadoc("Sort by $L.\n", what);
        } else {
            method.addJavadoc("Sort by $L.\n\n@throws IllegalArgumentException when the field is not $L\n", what, needs)
                    .beginControlFlow("if (!field.$N())", check)
                    .addStatement("throw new $T($S + field.fieldName() + $S)", IllegalArgumentException.class,
                            "Sorting groups by " + name + " needs a field that is " + needs + "; ", " is not")
                    .endControlFlow();
        }
        return method.addStatement("return aggregate($L, field.index())", CodeBlock.of("$T.$L",
                        Function.class, function.name()))
                .build();
    }
}
