package dev.refract.benchmarks.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.codegen.source.SourceFile;
import org.junit.jupiter.api.Test;

class PreparedSchemaTest {

    @Test
    void preparesTheBenchmarkSchema() {
        PreparedSchema prepared = PreparedSchema.of(20);

        assertThat(prepared.definition().models()).hasSize(20);
        assertThat(prepared.source().text()).contains("model BillingAccount {");
    }

    @Test
    void refusesASchemaThatDoesNotParse() {
        SourceFile broken = new SourceFile("broken.prisma", "model Broken {\n  id Int @id\n");

        assertThatThrownBy(() -> PreparedSchema.of(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails parse")
                .hasMessageContaining("broken.prisma:");
    }

    @Test
    void refusesASchemaThatDoesNotValidate() {
        SourceFile invalid = new SourceFile("invalid.prisma", """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                generator client {
                  provider = "refract-java"
                  package  = "com.example.db"
                }

                model Post {
                  id     Int    @id
                  author Strin
                }
                """);

        assertThatThrownBy(() -> PreparedSchema.of(invalid))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails validation")
                .hasMessageContaining("invalid.prisma:13:");
    }
}
