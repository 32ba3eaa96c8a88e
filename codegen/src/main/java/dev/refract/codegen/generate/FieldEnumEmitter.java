package dev.refract.codegen.generate;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import javax.lang.model.element.Modifier;

/**
 * Emits the enum of a model's scalar fields, used to name fields in group-by, aggregates and
 * distinct; each constant knows its row index and what can be computed over it.
 */
final class FieldEnumEmitter {

    private final GenerationContext context;

    FieldEnumEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emit(ModelDefinition model) {
        ModelNames names = context.names(model);
        TypeSpec.Builder builder = TypeSpec.enumBuilder(names.field())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The scalar fields of {@link $T}, for {@code groupBy}, aggregates and {@code distinct}.\n",
                        names.record());
        for (FieldDefinition field : context.scalarFields(model)) {
            builder.addEnumConstant(context.constant(model, field), TypeSpec.anonymousClassBuilder("$L, $S, $L, $L",
                    context.fieldIndex(model, field.name()), field.name(), JavaTypes.isNumeric(field),
                    JavaTypes.isOrdered(field)).build());
        }
        builder.addField(FieldSpec.builder(TypeName.INT, "index", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(String.class, "fieldName", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(TypeName.BOOLEAN, "numeric", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(TypeName.BOOLEAN, "ordered", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(TypeName.INT, "index")
                        .addParameter(String.class, "fieldName")
                        .addParameter(TypeName.BOOLEAN, "numeric")
                        .addParameter(TypeName.BOOLEAN, "ordered")
                        .addStatement("this.index = index")
                        .addStatement("this.fieldName = fieldName")
                        .addStatement("this.numeric = numeric")
                        .addStatement("this.ordered = ordered")
                        .build())
                .addMethod(getter("index", TypeName.INT, "The field's position in the model's rows."))
                .addMethod(getter("fieldName", TypeName.get(String.class), "The field's name in the schema."))
                .addMethod(getter("numeric", TypeName.BOOLEAN, "True when the field can be summed and averaged."))
                .addMethod(getter("ordered", TypeName.BOOLEAN, "True when the field has a least and a greatest value."));
        return builder.build();
    }

    private static MethodSpec getter(String name, TypeName type, String doc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L\n", doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $N", name)
                .build();
    }
}
