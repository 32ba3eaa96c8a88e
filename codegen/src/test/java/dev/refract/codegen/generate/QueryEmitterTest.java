package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryEmitterTest {

    private final GenerationContext context = Emitted.seedContext();
    private final QueryEmitter emitter = new QueryEmitter(context);

    @Test
    void findUniqueOfACachedModelTakesAPerCallCacheStrategy() {
        String source = Emitted.render(context, emitter.emitFindUnique(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("private CachePolicy cache = CachePolicy.MODEL;")
                .contains("public PipelineRunFindUnique cache(Consumer<CachePolicy.Builder> strategy)")
                .contains("public PipelineRunFindUnique noCache()")
                .contains("this.cache = CachePolicy.BYPASS;")
                .contains("return new Operation.FindUnique(0, where.build(), selection(), cache);");
    }

    @Test
    void findUniqueOfAModelWithoutCacheOffersNoStrategy() {
        String source = Emitted.render(context, emitter.emitFindUnique(Emitted.model(context, "PipelineStep")));

        assertThat(source).doesNotContain("cache").contains("where.build(), selection());");
    }

    @Test
    void orderByOffersSortableFieldsOnly() {
        String source = Emitted.render(context, emitter.emitOrderBy(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public SortField<PipelineRunOrderBy> startedAt()")
                .contains("return field(3);")
                .doesNotContain("metadata()");
    }

    @Test
    void orderByCountsToManyRelationsAndNestsToOneRelations() {
        String run = Emitted.render(context, emitter.emitOrderBy(Emitted.model(context, "PipelineRun")));
        String step = Emitted.render(context, emitter.emitOrderBy(Emitted.model(context, "PipelineStep")));

        assertThat(run).contains("public RelationSort<PipelineRunOrderBy> steps()").contains("return relation(7);");
        assertThat(step).contains("public PipelineStepOrderBy run(Consumer<PipelineRunOrderBy> order)")
                .contains("return related(1, new PipelineRunOrderBy(), order);");
    }

    @Test
    void relationsToAnotherDatasourceOfferNoSortKey() {
        GenerationContext unusual = Emitted.context(UnusualSchemaCompilesTest.unusual());

        String source = Emitted.render(unusual, new QueryEmitter(unusual).emitOrderBy(Emitted.model(unusual, "URLAccount")));

        assertThat(source).doesNotContain("profile(").contains("({@code profile}) offer no sort key");
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
    void includeCountsToManyRelationsThroughTheRelationCountsBuilder() {
        String source = Emitted.render(context, emitter.emitInclude(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public PipelineRunInclude count(Consumer<PipelineRunRelationCounts> counts)")
                .contains("public Selection build()")
                .contains("return new Selection(List.of(), relations, counts.build());");
    }

    @Test
    void includeOfAModelWithoutToManyRelationsCountsNothing() {
        String source = Emitted.render(context, emitter.emitInclude(Emitted.model(context, "PipelineStep")));

        assertThat(source).doesNotContain("count(").contains("return new Selection(List.of(), relations, List.of());");
    }

    @Test
    void relationCountsOfferEveryToManyRelationWithAndWithoutConditions() {
        String source = Emitted.render(context,
                new RelationCountsEmitter(context).emit(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public PipelineRunRelationCounts steps()")
                .contains("counts.put(7, new Selection.RelationCount(7, Filter.ALL));")
                .contains("public PipelineRunRelationCounts steps(Consumer<PipelineStepWhere> where)")
                .contains("counts.put(7, new Selection.RelationCount(7, related.build()));")
                .contains("public List<Selection.RelationCount> build()");
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
                .contains("List.of(0, 1, 2, 3, 4, 5, 6)")
                .contains("relations.includes(), relations.counts())");
    }

    @Test
    void modelsWithoutRelationsHaveNoInclude() {
        GenerationContext single = Emitted.context(SeedSchemaFixture.singleModel(SeedSchemaFixture.field("id").id().build()));
        String source = Emitted.render(single, new QueryEmitter(single).emitFindMany(Emitted.model(single, "Item")));

        assertThat(source).doesNotContain("include(").contains("List.of()");
    }

    @Test
    void findUniqueBuildsTheOperation() {
        String source = Emitted.render(context, emitter.emitFindUnique(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("public Operation.FindUnique build()")
                .contains("return new Operation.FindUnique(1, where.build(), selection());");
    }
}
