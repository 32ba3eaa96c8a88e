package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryEmitterTest {

    private final GenerationContext context = Emitted.seedContext();
    private final QueryEmitter emitter = new QueryEmitter(context);

    @Test
    void orderByOffersSortableFieldsOnly() {
        String source = Emitted.render(context, emitter.emitOrderBy(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public SortField<PipelineRunOrderBy> startedAt()")
                .contains("return field(3);")
                .doesNotContain("metadata()")
                .doesNotContain("steps()");
    }

    @Test
    void selectCoversScalarFields() {
        String source = Emitted.render(context, emitter.emitSelect(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("extends FieldSetBuilder<PipelineRunSelect>")
                .contains("public PipelineRunSelect metadata()")
                .doesNotContain("steps()");
    }

    @Test
    void includeTakesNestedQueryOfTheRelatedModel() {
        String source = Emitted.render(context, emitter.emitInclude(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public PipelineRunInclude steps()")
                .contains("public PipelineRunInclude steps(Consumer<PipelineStepFindMany> query)")
                .contains("relations.add(new Selection.Include(7, related.build()));");
    }

    @Test
    void findManyCarriesEveryReadArgument() {
        String source = Emitted.render(context, emitter.emitFindMany(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public PipelineRunFindMany where(Consumer<PipelineRunWhere> where)")
                .contains("public PipelineRunFindMany orderBy(Consumer<PipelineRunOrderBy> orderBy)")
                .contains("public PipelineRunFindMany skip(int count)")
                .contains("public PipelineRunFindMany take(int count)")
                .contains("public PipelineRunFindMany cursor(Consumer<PipelineRunWhereUnique> key)")
                .contains("public PipelineRunFindMany distinct(PipelineRunField... fields)")
                .contains("public PipelineRunFindMany select(Consumer<PipelineRunSelect> select)")
                .contains("public PipelineRunFindMany omit(Consumer<PipelineRunSelect> omit)")
                .contains("public PipelineRunFindMany include(Consumer<PipelineRunInclude> include)")
                .contains("List.of(0, 1, 2, 3, 4, 5, 6)");
    }

    @Test
    void modelsWithoutRelationsHaveNoInclude() {
        String source = Emitted.render(context, emitter.emitFindMany(Emitted.model(context, "Session")));

        assertThat(source).doesNotContain("include(").contains("List.of()");
    }

    @Test
    void findUniqueBuildsTheOperation() {
        String source = Emitted.render(context, emitter.emitFindUnique(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("public Operation.FindUnique build()")
                .contains("return new Operation.FindUnique(1, where.build(), selection());");
    }
}
