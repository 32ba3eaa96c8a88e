package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteEmitterTest {

    private final GenerationContext context = Emitted.seedContext();
    private final WriteEmitter emitter = new WriteEmitter(context);

    @Test
    void createChecksOnlyFieldsWithoutDefaultOnBuild() {
        String source = Emitted.render(context, emitter.emitCreate(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("require(2, \"PipelineStep\", \"runId\");")
                .contains("require(3, \"PipelineStep\", \"position\");")
                .contains("require(4, \"PipelineStep\", \"name\");")
                .doesNotContain("\"attempts\");")
                .doesNotContain("\"createdAt\");")
                .contains("return setRequired(5, \"status\", status == null ? null : status.dbName());")
                .contains("return set(7, durationMs);");
    }

    @Test
    void updateOffersAtomicArithmeticOnNumbersOnly() {
        String source = Emitted.render(context, emitter.emitUpdate(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("public NumberUpdate<PipelineStepUpdate, Integer> attempts()")
                .contains("public NumberUpdate<PipelineStepUpdate, Long> durationMs()")
                .contains("public PipelineStepUpdate durationMs(Long durationMs)")
                .contains("{@code null} clears it")
                .doesNotContain("NumberUpdate<PipelineStepUpdate, String>");
    }

    @Test
    void settersCarryTheFieldsDocumentation() {
        String source = Emitted.render(context, emitter.emitCreate(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("Sets {@code cost}. What the run cost, in US dollars.");
    }
}
