package dev.refract.docs.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaSamplesTest {

    private final SchemaSamples samples = new SchemaSamples(Path.of("src/test/schemas"));

    private static FencedBlock prisma(String marker, String text) {
        return new FencedBlock(1, "prisma", "", List.of(text.split("\n")), marker);
    }

    @Test
    void aWholeSchemaIsValidatedAsItIs() {
        FencedBlock block = prisma("", """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }
                model Note {
                  id Int @id
                }
                """);

        assertThat(samples.check(block)).isEmpty();
    }

    @Test
    void aFragmentIsValidatedInsideTheSchemaItsMarkerNames() {
        FencedBlock step = prisma("", """
                model PipelineStep {
                  id    String      @id @default(uuid(7))
                  run   PipelineRun @relation(fields: [runId], references: [id])
                  runId String
                }
                """);
        FencedBlock mongoOnly = prisma("schema: minimal", """
                model Item {
                  id String @id @default(auto()) @map("_id") @db.ObjectId
                }
                """);

        assertThat(samples.check(step)).isEmpty();          // in the pipeline schema, where PipelineRun is
        assertThat(samples.check(mongoOnly)).isNotEmpty();  // in a PostgreSQL-only schema, ObjectId is an error
    }

    @Test
    void declarationsAreFoundWithTheDocumentationAboveThem() {
        assertThat(SchemaSamples.declarations("""
                // a comment
                /// A note.
                model Note {
                  id Int @id
                }
                datasource db { provider = "postgresql" url = env("DATABASE_URL") }
                """)).containsOnlyKeys("model Note", "datasource db")
                .hasEntrySatisfying("model Note", text -> assertThat(text).startsWith("/// A note.\nmodel Note {"));
    }
}
