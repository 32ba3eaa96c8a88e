package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhereEmitterTest {

    @Test
    void choosesConditionTypeByFieldTypeAndArity() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("extends WhereBuilder<PipelineStepWhere>")
                .contains("public StringCondition<PipelineStepWhere> name()")
                .contains("public ComparableCondition<PipelineStepWhere, Integer> position()")
                .contains("public ComparableCondition.Nullable<PipelineStepWhere, Long> durationMs()")
                .contains("public ValueCondition<PipelineStepWhere, Status> status()")
                .contains("new ValueCondition<>(this, 5, \"status\", Status::dbName)")
                .contains("public ValueCondition.Nullable<PipelineStepWhere, Json> output()")
                .doesNotContain(" run()");
    }

    @Test
    void listFieldsGetListConditions() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "ContentItem")));

        assertThat(source).contains("public ListCondition<ContentItemWhere, String> tags()");
    }

    @Test
    void uniqueWhereOffersIdAndEveryUniqueKey() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context,
                new WhereEmitter(context).emitWhereUnique(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("public PipelineStepWhereUnique id(String id)")
                .contains("public PipelineStepWhereUnique runIdPosition(String runId, Integer position)")
                .contains("public PipelineStepWhereUnique and(Consumer<PipelineStepWhere> conditions)")
                .contains("needs a unique key: call one of id(...), runIdPosition(...)");
    }
}
