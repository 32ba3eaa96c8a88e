package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnumEmitterTest {

    @Test
    void emitsEnumWithDatabaseNamesAndLookup() {
        GenerationContext context = Emitted.context(UnusualSchemaCompilesTest.unusual());

        String source = Emitted.render(context, new EnumEmitter(context).emit(context.schema().enums().get(0)));

        assertThat(source).contains("public enum Role")
                .contains("ADMIN(\"admin\")")
                .contains("default_(\"plain\")")
                .contains("Can do anything.")
                .contains("case \"admin\" -> ADMIN;")
                .contains("public static Role fromDbName(String dbName)")
                .contains("public String dbName()");
    }

    @Test
    void carriesSchemaDocumentationAsJavadoc() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new EnumEmitter(context).emit(context.schema().enums().get(0)));

        assertThat(source).contains("/**\n * Where a pipeline run or one of its steps stands.\n */\npublic enum Status");
    }
}
