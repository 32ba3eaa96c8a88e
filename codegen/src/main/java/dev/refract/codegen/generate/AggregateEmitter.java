package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits the typed results of {@code aggregate} and {@code groupBy}: the aggregate record with its
 * {@code Sum}, {@code Avg}, {@code Bounds} and {@code Counts} parts, and the group record (its keys,
 * then the same parts). A value not asked for is {@code null}.
 */
final class AggregateEmitter {

    private final GenerationContext context;

    AggregateEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emitAggregate(ModelDefinition model) {
        ModelNames names = context.names(model);
        AggregateShape shape = new AggregateShape(context, model);
        TypeSpec.Builder builder = TypeSpec.recordBuilder(names.aggregate())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The result of {@code aggregate} over {@link $T} records; a value not asked for is {@code null}.\n",
                        names.record())
                .recordConstructor(parts(names, shape, MethodSpec.constructorBuilder(), "counts").build());
        if (!shape.numeric().isEmpty()) {
            builder.addType(part(names.aggregate().nestedClass("Sum"), shape.numeric(), AggregateShape::sumType,
                    "Sums of the numeric fields."));
            builder.addType(part(names.aggregate().nestedClass("Avg"), shape.numeric(), AggregateShape::avgType,
                    "Averages of the numeric fields."));
        }
        if (!shape.ordered().isEmpty()) {
            builder.addType(part(names.aggregate().nestedClass("Bounds"), shape.ordered(), f -> context.types().value(f),
                    "Least or greatest values of the ordered fields."));
        }
        builder.addType(part(names.fieldCounts(), context.scalarFields(model), f -> ClassName.get(Long.class),
                "How many records hold a value in each field, for the fields asked with {@code count(fields)}."));
        return builder.build();
    }

    TypeSpec emitGroup(ModelDefinition model) {
        ModelNames names = context.names(model);
        AggregateShape shape = new AggregateShape(context, model);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (FieldDefinition key : shape.keys()) {
            constructor.addParameter(context.types().value(key), context.naming().builderMethodName(key.name()));
        }
        return TypeSpec.recordBuilder(names.group())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("One group of {@code groupBy} over {@link $T} records: the values of the fields grouped by\n"
                        + "(the others are {@code null}), then the aggregates asked for.\n", names.record())
                .recordConstructor(parts(names, shape, constructor, context.groupCountsComponent(model)).build())
                .build();
    }

    private static MethodSpec.Builder parts(ModelNames names, AggregateShape shape, MethodSpec.Builder constructor,
            String counts) {
        constructor.addParameter(Long.class, "count");
        if (!shape.numeric().isEmpty()) {
            constructor.addParameter(names.aggregate().nestedClass("Sum"), "sum");
            constructor.addParameter(names.aggregate().nestedClass("Avg"), "avg");
        }
        if (!shape.ordered().isEmpty()) {
            constructor.addParameter(names.aggregate().nestedClass("Bounds"), "min");
            constructor.addParameter(names.aggregate().nestedClass("Bounds"), "max");
        }
        return constructor.addParameter(names.fieldCounts(), counts);
    }

    private TypeSpec part(ClassName name, List<FieldDefinition> fields, Function<FieldDefinition, TypeName> type,
            String doc) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (FieldDefinition field : fields) {
            constructor.addParameter(type.apply(field), context.naming().fieldName(field.name()));
        }
        return TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n", doc)
                .recordConstructor(constructor.build())
                .build();
    }
}
