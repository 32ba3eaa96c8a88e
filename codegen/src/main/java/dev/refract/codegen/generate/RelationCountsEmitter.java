package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the builder of the to-many relations of a model to count with each record
 * ({@code include(i -> i.count(c -> c.steps()))}): one method pair per relation a query can count,
 * each adding a {@code Selection.RelationCount}.
 */
final class RelationCountsEmitter {

    private final GenerationContext context;

    RelationCountsEmitter(GenerationContext context) {
        this.context = context;
    }

    /**
     * The builder of {@code model}'s counts.
     *
     * @throws IllegalArgumentException when the model has no to-many relation a query can count
     */
    TypeSpec emit(ModelDefinition model) {
        List<FieldDefinition> counted = context.countableRelations(model);
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("Model " + model.name() + " has no to-many relation to count");
        }
        ModelNames names = context.names(model);
        ClassName owner = names.relationCounts();
        String first = context.naming().builderMethodName(counted.get(0).name());
        TypeSpec.Builder builder = TypeSpec.classBuilder(owner)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The to-many relations of {@link $T} to count with each record, e.g.\n"
                        + "{@code c -> c.$L()}; the counts are in the record's {@code $L}. Counting a relation again\n"
                        + "replaces its earlier conditions.\n", names.record(), first,
                        context.relationCountsComponent(model))
                .addField(FieldSpec.builder(ParameterizedTypeName.get(JavaTypes.MAP, ClassName.get(Integer.class),
                                BuilderTypes.RELATION_COUNT), "counts", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T<>()", LinkedHashMap.class)
                        .build())
                .addMethod(BuilderMembers.publicConstructor("No relation counted yet.\n"));
        for (FieldDefinition field : counted) {
            String method = context.naming().builderMethodName(field.name());
            int index = context.fieldIndex(model, field.name());
            ClassName where = context.names(field.relation().targetModel()).where();
            builder.addMethod(MethodSpec.methodBuilder(method)
                    .addJavadoc("Counts every related {@code $L} record.\n", field.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(owner)
                    .addStatement("counts.put($L, new $T($L, $T.ALL))", index, BuilderTypes.RELATION_COUNT, index,
                            BuilderTypes.FILTER)
                    .addStatement("return this")
                    .build());
            builder.addMethod(MethodSpec.methodBuilder(method)
                    .addJavadoc("Counts the related {@code $L} records that meet {@code where}.\n", field.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(owner)
                    .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, where), "where")
                    .addStatement("$T related = new $T()", where, where)
                    .addStatement("where.accept(related)")
                    .addStatement("counts.put($L, new $T($L, related.build()))", index, BuilderTypes.RELATION_COUNT,
                            index)
                    .addStatement("return this")
                    .build());
        }
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The relations to count, in the order they were first added.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(JavaTypes.LIST, BuilderTypes.RELATION_COUNT))
                .addStatement("return $T.copyOf(counts.values())", JavaTypes.LIST)
                .build());
        return builder.build();
    }
}
