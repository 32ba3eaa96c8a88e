package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

class ReferentialActionRulesTest {

    private static String step(String relationArguments, String runIdType) {
        return """
                model PipelineRun {
                  id    String         @id
                  steps PipelineStep[]
                }
                model PipelineStep {
                  id    String      @id
                  run   %s @relation(fields: [runId], references: [id], %s)
                  runId %s
                }
                """.formatted(runIdType.endsWith("?") ? "PipelineRun?" : "PipelineRun ", relationArguments, runIdType);
    }

    @Test
    void rejectsUnknownActionSuggestingTheClosest() {
        Diagnostic error = singleError(withDatasources(step("onDelete: Cascde", "String")),
                "Unknown referential action \"Cascde\" in onDelete of the relation field \"run\" of model "
                        + "\"PipelineStep\".", 11, 77);
        assertThat(error.hint())
                .isEqualTo("Did you mean \"Cascade\"? Use one of Cascade, Restrict, NoAction, SetNull, SetDefault.");
    }

    @Test
    void rejectsSetNullOnRequiredForeignKey() {
        Diagnostic error = singleError(withDatasources(step("onDelete: SetNull", "String")),
                "onDelete: SetNull on the relation field \"run\" of model \"PipelineStep\" would set the required "
                        + "field \"runId\" to null.", 11, 77);
        assertThat(error.hint()).isEqualTo("Make \"runId\" optional (String?), or choose another action.");
    }

    @Test
    void acceptsSetNullOnOptionalForeignKey() {
        var result = Validation.valid(withDatasources(step("onUpdate: SetNull", "String?")));
        assertThat(result.definition().model("PipelineStep").orElseThrow().field("run").orElseThrow().relation()
                .onUpdate()).isEqualTo(dev.refract.meta.ReferentialAction.SET_NULL);
    }

    @Test
    void rejectsActionOnTheSideWithoutForeignKey() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id    Int    @id
                  posts Post[] @relation(onDelete: Cascade)
                }
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id])
                  authorId Int
                }
                """), "onDelete on the relation field \"posts\" of model \"User\", which does not hold the foreign "
                        + "key.", 7, 26);
        assertThat(error.hint())
                .isEqualTo("Move it to the field \"author\" of model \"Post\", which holds the foreign key.");
    }

    @Test
    void rejectsActionAcrossDatasources() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id    String @id @map("_id")
                  posts Post[]
                  @@datasource(docs)
                }
                model Post {
                  id       Int    @id
                  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)
                  authorId String
                }
                """), "onDelete on the relation field \"author\" of model \"Post\" cannot take effect: \"Post\" lives "
                        + "in datasource \"db\" and \"User\" in \"docs\", so no foreign key exists.", 12, 67);
        assertThat(error.hint()).startsWith("Remove onDelete;");
    }
}
