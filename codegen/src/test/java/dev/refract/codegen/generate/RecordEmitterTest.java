package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordEmitterTest {

    @Test
    void emitsRecordWithOneComponentPerFieldAndRelationsAsRelation() {
        GenerationContext context = Emitted.seedContext();

        String run = Emitted.render(context, new RecordEmitter(context).emit(Emitted.model(context, "PipelineRun")));
        String step = Emitted.render(context, new RecordEmitter(context).emit(Emitted.model(context, "PipelineStep")));

        assertThat(run).contains("public record PipelineRun(String id, String name, Status status, Instant startedAt,")
                .contains("Double cost, Json metadata, Relation<List<PipelineStep>> steps,")
                .contains("@param cost What the run cost, in US dollars.");
        assertThat(step).contains("Relation<PipelineRun> run").contains("Long durationMs");
    }

    @Test
    void modelWithToManyRelationsEndsWithItsRelationCounts() {
        GenerationContext context = Emitted.seedContext();

        String run = Emitted.render(context, new RecordEmitter(context).emit(Emitted.model(context, "PipelineRun")));
        String step = Emitted.render(context, new RecordEmitter(context).emit(Emitted.model(context, "PipelineStep")));

        assertThat(run).contains("Relation<List<PipelineStep>> steps,\n        Relation<List<ContentItem>> contentItems, PipelineRun.Counts relationCounts)")
                .contains("public record Counts(Long steps)")
                .contains("@param relationCounts");
        assertThat(step).doesNotContain("Counts");
    }

    @Test
    void mapsListsAndCompositesToTheirJavaTypes() {
        GenerationContext context = Emitted.context(UnusualSchemaCompilesTest.unusual());

        String account = Emitted.render(context, new RecordEmitter(context).emit(Emitted.model(context, "URLAccount")));

        assertThat(account).contains("List<Double> scores").contains("List<Role> roles").contains("Address home")
                .contains("List<Address> previous").contains("byte[] avatar").contains("BigDecimal hashCode_")
                .contains("String class_");
    }
}
