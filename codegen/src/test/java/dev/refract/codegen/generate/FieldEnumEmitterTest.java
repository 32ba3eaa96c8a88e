package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldEnumEmitterTest {

    @Test
    void listsScalarFieldsWithRowIndexAndAbilities() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new FieldEnumEmitter(context).emit(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("public enum PipelineStepField")
                .contains("ID(0, \"id\", false, true)")
                .contains("RUN_ID(2, \"runId\", false, true)")
                .contains("ATTEMPTS(6, \"attempts\", true, true)")
                .contains("OUTPUT(8, \"output\", false, false)")
                .doesNotContain("RUN(1");
    }
}
