package dev.refract.codegen.generate;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the immutable record of a model: one component per field, relations as {@code Relation},
 * and, for a model with to-many relations, a last component with the relation counts a query asked
 * for, of a record nested in the model's.
 */
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
        List<FieldDefinition> counted = context.countableRelations(model);
        TypeSpec.Builder record = TypeSpec.recordBuilder(names.record()).addModifiers(Modifier.PUBLIC);
        if (!counted.isEmpty()) {
            String component = context.relationCountsComponent(model);
            constructor.addParameter(names.counts(), component);
            javadoc.append("\n@param ").append(component)
                    .append(" the related records counted per to-many relation, as the query asked with\n"
                            + "       {@code include(i -> i.count(...))}; {@code null} when it counted none");
            record.addType(counts(model, counted));
        }
        return record.addJavadoc("$L\n", javadoc.toString().strip())
                .recordConstructor(constructor.build())
                .build();
    }

    /** The nested record of relation counts: one {@code Long} per countable to-many relation. */
    private TypeSpec counts(ModelDefinition model, List<FieldDefinition> counted) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (FieldDefinition field : counted) {
            constructor.addParameter(Long.class, context.naming().fieldName(field.name()));
        }
        return TypeSpec.recordBuilder(context.names(model).counts())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("How many related records each to-many relation of a {@link $T} has, among those the query\n"
                        + "counted; a relation the query did not count is {@code null}.\n", context.names(model).record())
                .recordConstructor(constructor.build())
                .build();
    }
}
