package dev.refract.codegen.generate;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.naming.Naming;

/** Renders what one emitter produced, for tests of its shape. */
final class Emitted {

    private Emitted() {}

    static GenerationContext seedContext() {
        return new GenerationContext(SeedSchemaFixture.seed(), new Naming());
    }

    static ModelDefinition model(GenerationContext context, String name) {
        return context.model(name);
    }

    static String render(GenerationContext context, TypeSpec type) {
        return JavaFile.builder(context.packageName(), type).skipJavaLangImports(true).indent("    ").build().toString();
    }

    static GenerationContext context(SchemaDefinition schema) {
        return new GenerationContext(schema, new Naming());
    }
}
