package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.CompositeTypeDefinition;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Emits a record for a composite {@code type} and its codec, which converts it to and from the
 * nested {@code Row} that crosses the adapter SPI. Encoding, for writes and for equality
 * conditions, refuses {@code null} where the type requires a value.
 */
final class CompositeEmitter {

    private final GenerationContext context;
    private final ValueCodes values;

    CompositeEmitter(GenerationContext context) {
        this.context = context;
        this.values = new ValueCodes(context);
    }

    TypeSpec emitRecord(CompositeTypeDefinition definition) {
        ClassName type = context.types().generated(context.naming().typeName(definition.name()));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        StringBuilder javadoc = new StringBuilder(Docs.javadoc(definition.doc(),
                "The composite type " + definition.name() + ", embedded in documents."));
        for (FieldDefinition field : definition.fields()) {
            String name = context.naming().fieldName(field.name());
            constructor.addParameter(ParameterSpec.builder(context.types().component(field), name).build());
            String doc = Docs.paramDoc(field.doc());
            if (doc != null) {
                javadoc.append("\n@param ").append(name).append(' ').append(doc);
            }
        }
        return TypeSpec.recordBuilder(type)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n", javadoc.toString().strip())
                .recordConstructor(constructor.build())
                .build();
    }

    TypeSpec emitCodec(CompositeTypeDefinition definition) {
        ClassName type = context.types().generated(context.naming().typeName(definition.name()));
        ClassName codec = context.codec(definition.name());
        List<FieldDefinition> fields = definition.fields();
        CodeBlock.Builder decoded = CodeBlock.builder();
        CodeBlock.Builder encoded = CodeBlock.builder();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            decoded.add(i == 0 ? "\n" : ",\n").add(values.decode(field, "row", i));
            encoded.add(i == 0 ? "\n" : ",\n").add(encoded(definition, field));
        }
        TypeName rows = ParameterizedTypeName.get(JavaTypes.LIST, JavaTypes.ROW);
        TypeName list = ParameterizedTypeName.get(JavaTypes.LIST, type);
        return TypeSpec.classBuilder(codec)
                .addModifiers(Modifier.FINAL)
                .addJavadoc("Converts {@link $T} to and from the nested row that crosses the adapter SPI.\n", type)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("decode")
                        .addModifiers(Modifier.STATIC)
                        .returns(type)
                        .addParameter(JavaTypes.ROW, "row")
                        .addStatement("return row == null ? null : new $T($L)", type, decoded.build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("decodeAll")
                        .addModifiers(Modifier.STATIC)
                        .returns(list)
                        .addParameter(rows, "rows")
                        .addStatement("return rows == null ? null : rows.stream().map($T::decode).toList()", codec)
                        .build())
                .addMethod(MethodSpec.methodBuilder("encode")
                        .addModifiers(Modifier.STATIC)
                        .returns(JavaTypes.ROW)
                        .addParameter(type, "value")
                        .addStatement("return value == null ? null : $T.of($L)", JavaTypes.ROW, encoded.build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("encodeAll")
                        .addModifiers(Modifier.STATIC)
                        .returns(rows)
                        .addParameter(list, "values")
                        .addStatement("return values == null ? null : values.stream()\n"
                                + ".map(value -> encode($T.requireNonNull(value, $S)))\n.toList()", Objects.class,
                                "A list of " + definition.name() + " values cannot hold null: remove the null element")
                        .build())
                .build();
    }

    /**
     * The stored form of {@code field} of the record {@code value}. A required field without a
     * default is refused when {@code null}, with a message naming it, as the setter of a required
     * model field refuses it; a field with a default is left {@code null} for the adapter to fill.
     */
    private CodeBlock encoded(CompositeTypeDefinition definition, FieldDefinition field) {
        CodeBlock component = CodeBlock.of("value.$N()", context.naming().fieldName(field.name()));
        if (!field.isRequiredOnCreate()) {
            return values.encode(field, component);
        }
        CodeBlock checked = CodeBlock.of("$T.requireNonNull($L, $S)", Objects.class, component,
                "Field '" + field.name() + "' of type " + definition.name() + " is required and cannot be null");
        return field.type() instanceof FieldType.EnumRef ? CodeBlock.of("$L.dbName()", checked)
                : values.encode(field, checked);
    }
}
