package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.query.Aggregations;
import dev.refract.query.Aggregations.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits the having builder of a model's {@code groupBy}: conditions on the group keys and on each
 * aggregate, typed like the aggregate's result, e.g. {@code h -> h.count().gt(2L).sumCost().gte(10.0)}.
 * Its conditions point at positions of the group result row, laid out as {@link Aggregations} says.
 */
final class HavingEmitter {

    private final GenerationContext context;
    private final WhereEmitter wheres;

    HavingEmitter(GenerationContext context) {
        this.context = context;
        this.wheres = new WhereEmitter(context);
    }

    TypeSpec emit(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName having = names.having();
        AggregateShape shape = new AggregateShape(context, model);
        int fieldCount = context.fields(model).size();
        TypeSpec.Builder builder = BuilderMembers.selfTypedClass(having, BuilderTypes.WHERE_BUILDER,
                        "No condition yet: every group is kept.\n")
                .addJavadoc("Conditions on the groups of {@code groupBy} over {@link $T} records: on their keys and on\n"
                        + "their aggregates, e.g. {@code h -> h.count().gt(2L)}.\n", names.record())
                .addMethod(BuilderMembers.newBuilder(having));
        for (FieldDefinition key : shape.keys()) {
            builder.addMethod(wheres.condition(model, key, having));
        }
        builder.addMethod(aggregate(having, "count", "the number of records in the group", ClassName.get(Long.class),
                Aggregations.countIndex(fieldCount)));
        for (FieldDefinition field : shape.numeric()) {
            int index = context.fieldIndex(model, field.name());
            builder.addMethod(aggregate(having, "sum" + capitalized(field), "the sum of {@code " + field.name() + "}",
                    AggregateShape.sumType(field), Aggregations.index(Function.SUM, index, fieldCount, fieldCount)));
            builder.addMethod(aggregate(having, "avg" + capitalized(field), "the average of {@code " + field.name() + "}",
                    AggregateShape.avgType(field), Aggregations.index(Function.AVG, index, fieldCount, fieldCount)));
        }
        for (FieldDefinition field : shape.ordered()) {
            int index = context.fieldIndex(model, field.name());
            TypeName type = context.types().value(field);
            builder.addMethod(aggregate(having, "min" + capitalized(field), "the least {@code " + field.name() + "}",
                    type, Aggregations.index(Function.MIN, index, fieldCount, fieldCount)));
            builder.addMethod(aggregate(having, "max" + capitalized(field), "the greatest {@code " + field.name() + "}",
                    type, Aggregations.index(Function.MAX, index, fieldCount, fieldCount)));
        }
        return builder.build();
    }

    private static String capitalized(FieldDefinition field) {
        return Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
    }

    private static MethodSpec aggregate(ClassName having, String name, String what, TypeName type, int position) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("Conditions on $L.\n", what)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(BuilderTypes.COMPARABLE_CONDITION, having, type))
                .addStatement("return new $T<>(this, $L, $S, $T.asIs())", BuilderTypes.COMPARABLE_CONDITION, position,
                        name, BuilderTypes.VALUE_CONDITION)
                .build();
    }
}
