package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.query.Aggregations;
import dev.refract.query.Aggregations.Function;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the mapper from SPI rows to a model's record, aggregate and group, reading each value by
 * a constant index: no reflection, no name look-up.
 */
final class MapperEmitter {

    private final GenerationContext context;
    private final ValueCodes values;

    MapperEmitter(GenerationContext context) {
        this.context = context;
        this.values = new ValueCodes(context);
    }

    TypeSpec emit(ModelDefinition model) {
        ModelNames names = context.names(model);
        List<FieldDefinition> fields = context.fields(model);
        TypeSpec.Builder builder = TypeSpec.classBuilder(names.mapper())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Maps rows of the adapter SPI to {@link $T} and its aggregate results, by index.\n",
                        names.record())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

        CodeBlock.Builder arguments = CodeBlock.builder();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            arguments.add(i == 0 ? "\n" : ",\n");
            if (field.relation() == null) {
                arguments.add(values.decode(field, "row", i));
            } else {
                arguments.add("$N(row)", context.naming().mapperMethodName(field.name()));
                builder.addMethod(relationMethod(model, field, i));
            }
        }
        if (!context.countableRelations(model).isEmpty()) {
            String component = context.relationCountsComponent(model);
            arguments.add(",\n$N(row)", component);
            builder.addMethod(countsMethod(model, component));
        }
        builder.addMethod(rowMapper("map", "The record in {@code row}, laid out in the model's field order.\n",
                names.record(), arguments.build()));
        TypeName rows = ParameterizedTypeName.get(JavaTypes.LIST, JavaTypes.ROW);
        builder.addMethod(MethodSpec.methodBuilder("mapAll")
                .addJavadoc("The records in {@code rows}, in order.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(JavaTypes.LIST, names.record()))
                .addParameter(rows, "rows")
                .addStatement("$T[] records = new $T[rows.size()]", names.record(), names.record())
                .beginControlFlow("for (int i = 0; i < records.length; i++)")
                .addStatement("records[i] = map(rows.get(i))")
                .endControlFlow()
                .addStatement("return $T.unmodifiableList($T.asList(records))",
                        ClassName.get("java.util", "Collections"), ClassName.get("java.util", "Arrays"))
                .build());

        AggregateShape shape = new AggregateShape(context, model);
        builder.addMethod(rowMapper("mapAggregate", "The aggregate in {@code row}, laid out as {@code Aggregations} describes.\n",
                names.aggregate(), aggregateArguments(model, shape, 0)));
        CodeBlock.Builder groupArguments = CodeBlock.builder();
        for (FieldDefinition field : shape.keys()) {
            groupArguments.add("\n").add(values.decode(field, "row", context.fieldIndex(model, field.name()))).add(",");
        }
        groupArguments.add("\n").add(aggregateArguments(model, shape, fields.size()));
        builder.addMethod(rowMapper("mapGroup",
                "The group in {@code row}: its keys at their fields' positions, then its aggregates.\n", names.group(),
                groupArguments.build()));
        return builder.build();
    }

    /** {@code public static result method(Row row)}: a new {@code result} of {@code arguments} read from the row. */
    private static MethodSpec rowMapper(String method, String doc, ClassName result, CodeBlock arguments) {
        return MethodSpec.methodBuilder(method)
                .addJavadoc(doc)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(result)
                .addParameter(JavaTypes.ROW, "row")
                .addStatement("return new $T($L)", result, arguments)
                .build();
    }

    private CodeBlock aggregateArguments(ModelDefinition model, AggregateShape shape, int keyCount) {
        ModelNames names = context.names(model);
        int fieldCount = context.fields(model).size();
        CodeBlock.Builder code = CodeBlock.builder()
                .add("($T) row.get($L)", Long.class, Aggregations.countIndex(keyCount));
        if (!shape.numeric().isEmpty()) {
            code.add(",\n").add(block(names.aggregate().nestedClass("Sum"), shape.numeric(), Function.SUM, model,
                    keyCount, fieldCount, true));
            code.add(",\n").add(block(names.aggregate().nestedClass("Avg"), shape.numeric(), Function.AVG, model,
                    keyCount, fieldCount, false));
        }
        if (!shape.ordered().isEmpty()) {
            code.add(",\n").add(block(names.aggregate().nestedClass("Bounds"), shape.ordered(), Function.MIN, model,
                    keyCount, fieldCount, null));
            code.add(",\n").add(block(names.aggregate().nestedClass("Bounds"), shape.ordered(), Function.MAX, model,
                    keyCount, fieldCount, null));
        }
        code.add(",\n").add(block(names.fieldCounts(), context.scalarFields(model), Function.COUNT, model, keyCount,
                fieldCount, null));
        return code.build();
    }

    /**
     * {@code new Nested((T) row.get(i), ...)} for one aggregate function; {@code sum} picks the sum or
     * average type, and the value type otherwise ({@code Long} for counts).
     */
    private CodeBlock block(ClassName nested, List<FieldDefinition> fields, Function function,
            ModelDefinition model, int keyCount, int fieldCount, Boolean sum) {
        CodeBlock.Builder code = CodeBlock.builder().add("new $T(", nested);
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            TypeName type = function == Function.COUNT ? ClassName.get(Long.class)
                    : sum == null ? context.types().value(field)
                    : sum ? AggregateShape.sumType(field) : AggregateShape.avgType(field);
            code.add(i == 0 ? "" : fields.size() > 3 ? ",\n" : ", ").add("($T) row.get($L)", type,
                    Aggregations.index(function, context.fieldIndex(model, field.name()), keyCount, fieldCount));
        }
        return code.add(")").build();
    }

    /**
     * The helper reading the relation counts: {@code null} when the row carries none, else one value
     * per countable relation, {@code null} for a relation not counted.
     */
    private MethodSpec countsMethod(ModelDefinition model, String name) {
        ClassName counts = context.names(model).counts();
        CodeBlock.Builder values = CodeBlock.builder();
        List<FieldDefinition> counted = context.countableRelations(model);
        for (int i = 0; i < counted.size(); i++) {
            values.add(i == 0 ? "" : counted.size() > 3 ? ",\n" : ", ")
                    .add("counts.get($L)", context.fieldIndex(model, counted.get(i).name()));
        }
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(counts)
                .addParameter(JavaTypes.ROW, "row")
                .addStatement("$T counts = row.getCounts($L)", ParameterizedTypeName.get(JavaTypes.MAP,
                        ClassName.get(Integer.class), ClassName.get(Long.class)), context.fields(model).size())
                .addStatement("return counts == null ? null : new $T($L)", counts, values.build())
                .build();
    }

    private MethodSpec relationMethod(ModelDefinition model, FieldDefinition field, int index) {
        ModelNames target = context.names(field.relation().targetModel());
        String name = context.naming().mapperMethodName(field.name());
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(context.types().component(field))
                .addParameter(JavaTypes.ROW, "row");
        if (field.isList()) {
            method.addStatement("$T related = row.getRows($L)", ParameterizedTypeName.get(JavaTypes.LIST, JavaTypes.ROW), index)
                    .addStatement("return related == null ? $T.notLoaded($S, $S) : $T.loaded($T.mapAll(related))",
                            JavaTypes.RELATION, model.name(), field.name(), JavaTypes.RELATION, target.mapper());
        } else {
            // An included to-one relation arrives as an Optional row; null means it was not included.
            method.addStatement("$T related = row.getRow($L)", ParameterizedTypeName.get(JavaTypes.OPTIONAL, JavaTypes.ROW), index)
                    .addStatement("return related == null ? $T.notLoaded($S, $S) : $T.loaded(related.map($T::map).orElse(null))",
                            JavaTypes.RELATION, model.name(), field.name(), JavaTypes.RELATION, target.mapper());
        }
        return method.build();
    }
}
