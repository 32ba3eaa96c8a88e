package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import javax.lang.model.element.Modifier;

/**
 * Emits the create builder of a model (required fields checked by {@code build()}) and its update
 * builder (set, set to null for optional fields, atomic arithmetic for numbers).
 */
final class WriteEmitter {

    private final GenerationContext context;
    private final ValueCodes values;

    WriteEmitter(GenerationContext context) {
        this.context = context;
        this.values = new ValueCodes(context);
    }

    TypeSpec emitCreate(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName create = names.create();
        TypeSpec.Builder builder = base(create, names,
                "The values of a new {@link $T} record. Fields with a default, optional fields and\n"
                        + "{@code @updatedAt} fields may be left out; {@code build()} checks the others.\n");
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addJavadoc("The values given.\n\n@throws $T naming the first required field not given\n",
                        ClassName.get("dev.refract.error", "MissingRequiredFieldException"))
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.WRITE_DATA);
        for (FieldDefinition field : context.scalarFields(model)) {
            builder.addMethod(setter(model, create, field));
            if (field.isRequiredOnCreate()) {
                build.addStatement("require($L, $S, $S)", context.fieldIndex(model, field.name()), model.name(),
                        field.name());
            }
        }
        builder.addMethod(build.addStatement("return data()").build());
        return builder.build();
    }

    TypeSpec emitUpdate(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName update = names.update();
        TypeSpec.Builder builder = base(update, names,
                "Changes to {@link $T} records; fields not mentioned keep their value. Number fields can\n"
                        + "also change atomically, e.g. {@code d -> d.attempts().increment(1)}.\n");
        for (FieldDefinition field : context.scalarFields(model)) {
            builder.addMethod(setter(model, update, field));
            if (JavaTypes.isNumeric(field)) {
                builder.addMethod(MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                        .addJavadoc("Sets {@code $L} or changes it atomically.\n", field.name())
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(BuilderTypes.NUMBER_UPDATE, update, context.types().value(field)))
                        .addStatement("return number($L, $S)", context.fieldIndex(model, field.name()), field.name())
                        .build());
            }
        }
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The changes given.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.WRITE_DATA)
                .addStatement("return data()")
                .build());
        return builder.build();
    }

    private static TypeSpec.Builder base(ClassName type, ModelNames names, String doc) {
        return BuilderMembers.selfTypedClass(type, BuilderTypes.WRITE_BUILDER, "Nothing given yet.\n")
                .addJavadoc(doc, names.record());
    }

    private MethodSpec setter(ModelDefinition model, ClassName owner, FieldDefinition field) {
        String parameter = context.naming().fieldName(field.name());
        int index = context.fieldIndex(model, field.name());
        CodeBlock stored = values.encode(field, CodeBlock.of("$N", parameter));
        boolean nullable = field.isOptional();
        MethodSpec.Builder method = MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                .addJavadoc(nullable ? "Sets {@code $L}; {@code null} clears it.$L\n" : "Sets {@code $L}.$L\n", field.name(),
                        Docs.paramDoc(field.doc()) == null ? "" : " " + Docs.paramDoc(field.doc()))
                .addModifiers(Modifier.PUBLIC)
                .returns(owner)
                .addParameter(context.types().value(field), parameter);
        if (nullable) {
            method.addStatement("return set($L, $L)", index, stored);
        } else {
            method.addStatement("return setRequired($L, $S, $L)", index, field.name(), stored);
        }
        return method.build();
    }
}
