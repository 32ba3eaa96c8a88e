package dev.refract.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.codegen.source.SourceFile;
import org.junit.jupiter.api.Test;

class PulledSchemaFileTest {

    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            datasource legacy {
              provider = "mysql"
              url      = env("LEGACY_URL")
            }

            // db pull left out table "old": it has no primary key and no unique key over required columns, so its rows cannot be told apart; add one, then pull again.

            /// Kept: a model of the first datasource.
            model Team {
              id   Int  @id
              role Role
            }

            model Stale {
              id    Int   @id
              state State

              @@datasource(legacy)
            }

            enum Role {
              ADMIN
            }

            enum State {
              ON
            }
            """;

    @Test
    void replacesTheModelsOfTheDatasourceAndTheEnumsOnlyTheyUsedKeepingEverythingElse() {
        String text = PulledSchemaFile.replace(new SourceFile("schema.prisma", SCHEMA), "legacy",
                "model Fresh {\nid Int @id\n\n@@datasource(legacy)\n}\n");

        assertThat(text).contains("datasource legacy {").contains("/// Kept: a model of the first datasource.\nmodel Team {")
                .contains("enum Role {").doesNotContain("Stale").doesNotContain("enum State")
                .doesNotContain("db pull left out").endsWith("""
                        model Fresh {
                          id Int @id

                          @@datasource(legacy)
                        }
                        """);
    }

    @Test
    void replacesTheModelsWithoutADatasourceAttributeWhenPullingTheFirstDatasource() {
        String text = PulledSchemaFile.replace(new SourceFile("schema.prisma", SCHEMA), "db", "model Fresh {\nid Int @id\n}\n");

        assertThat(text).doesNotContain("model Team").doesNotContain("enum Role").contains("model Stale {")
                .contains("enum State {").contains("model Fresh {");
    }

    @Test
    void refusesASchemaThatDoesNotParse() {
        assertThatThrownBy(() -> PulledSchemaFile.replace(new SourceFile("schema.prisma", "model {"), "db", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.prisma does not parse");
    }
}
