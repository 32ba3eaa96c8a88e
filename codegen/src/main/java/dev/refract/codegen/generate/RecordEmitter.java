package dev.refract.codegen.generate;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import javax.lang.model.element.Modifier;

/** Emits the immutable record of a model: one component per field, relations as {@code Relation}. */
final class RecordEmitter {

    private final GenerationContext context;

    RecordEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emit(ModelDefinition model) {
        ModelNames names = context.names(model);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        StringBuilder javadoc = new StringBuilder(Docs.javadoc(model.doc(), "A record of the model " + model.name() + "."));
        javadoc.append("\n<p>A field left out by {@code select} or {@code omit} is {@code null}; a relation is\n"
                + "{@code Relation.NotLoaded} unless the query {@code include}d it.\n");
        for (FieldDefinition field : context.fields(model)) {
            String name = context.naming().fieldName(field.name());
            constructor.addParameter(ParameterSpec.builder(context.types().component(field), name).build());
            String doc = Docs.paramDoc(field.doc());
            if (doc != null) {
                javadoc.append("\n@param ").append(name).append(' ').append(doc);
            }
        }
        return TypeSpec.recordBuilder(names.record())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n", javadoc.toString().strip())
                .recordConstructor(constructor.build())
                .build();
    }
}
