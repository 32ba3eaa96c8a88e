package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelegateEmitterTest {

    @Test
    void offersEveryModelOperationAsMonoOrFlux() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new DelegateEmitter(context).emit(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("extends ModelDelegate<PipelineRun>")
                .contains("private static final int MODEL = 0;")
                .contains("public Mono<PipelineRun> findUnique(Consumer<PipelineRunFindUnique> query)")
                .contains("public Mono<PipelineRun> findUniqueOrThrow(Consumer<PipelineRunFindUnique> query)")
                .contains("public Mono<PipelineRun> findFirst(Consumer<PipelineRunFindMany> query)")
                .contains("public Mono<PipelineRun> findFirstOrThrow(Consumer<PipelineRunFindMany> query)")
                .contains("public Flux<PipelineRun> findMany(Consumer<PipelineRunFindMany> query)")
                .contains("public Mono<PipelineRun> create(Consumer<PipelineRunCreate> data)")
                .contains("public Mono<Long> createMany(Iterable<PipelineRunCreate> records)")
                .contains("public Flux<PipelineRun> createManyAndReturn(Iterable<PipelineRunCreate> records)")
                .contains("public Flux<PipelineRun> createManyAndReturn(Iterable<PipelineRunCreate> records,\n            boolean skipDuplicates)")
                .contains("new Operation.CreateManyAndReturn(MODEL,")
                .contains("public Flux<PipelineRun> updateManyAndReturn(Consumer<PipelineRunWhere> where,")
                .contains("new Operation.UpdateManyAndReturn(MODEL,")
                .contains("PipelineRunMapper::map)")
                .contains("public Mono<PipelineRun> update(Consumer<PipelineRunWhereUnique> where,")
                .contains("public Mono<Long> updateMany(Consumer<PipelineRunWhere> where,")
                .contains("public Mono<PipelineRun> upsert(Consumer<PipelineRunWhereUnique> where,")
                .contains("public Mono<PipelineRun> delete(Consumer<PipelineRunWhereUnique> where)")
                .contains("public Mono<Long> deleteMany(Consumer<PipelineRunWhere> where)")
                .contains("public Mono<Long> count(Consumer<PipelineRunFindMany> query)")
                .contains("public Mono<PipelineRunAggregate> aggregate(Consumer<PipelineRunAggregateQuery> query)")
                .contains("public Flux<PipelineRunGroup> groupBy(Consumer<PipelineRunGroupByQuery> query)");
    }

    @Test
    void singleRecordWritesOfAModelWithRelationsTakeAnIncludeForTheRecordTheyReturn() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new DelegateEmitter(context).emit(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public Mono<PipelineRun> create(Consumer<PipelineRunCreate> data,\n"
                        + "            Consumer<PipelineRunInclude> include)")
                .contains("public Mono<PipelineRun> update(Consumer<PipelineRunWhereUnique> where,\n"
                        + "            Consumer<PipelineRunUpdate> data, Consumer<PipelineRunInclude> include)")
                .contains("public Mono<PipelineRun> upsert(Consumer<PipelineRunWhereUnique> where,\n"
                        + "            Consumer<PipelineRunCreate> create, Consumer<PipelineRunUpdate> update,\n"
                        + "            Consumer<PipelineRunInclude> include)")
                .contains("public Mono<PipelineRun> delete(Consumer<PipelineRunWhereUnique> where,\n"
                        + "            Consumer<PipelineRunInclude> include)")
                .contains("apply(new PipelineRunInclude(), include).build()");
    }

    @Test
    void aModelWithoutRelationsHasNoIncludeOnItsWrites() {
        GenerationContext context = Emitted.context(SeedSchemaFixture.singleModel(SeedSchemaFixture.field("id").id().build()));

        String source = Emitted.render(context, new DelegateEmitter(context).emit(Emitted.model(context, "Item")));

        assertThat(source).contains("public Mono<Item> create(Consumer<ItemCreate> data)")
                .doesNotContain("Include");
    }

    @Test
    void countFieldsIsAnAggregateReturningTheFieldCounts() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new DelegateEmitter(context).emit(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public Mono<PipelineRunAggregate.Counts> countFields(Consumer<PipelineRunFindMany> query,\n"
                        + "            PipelineRunField... fields)")
                .contains("new Operation.Aggregate(MODEL, apply(new PipelineRunFindMany(), query).build(), fieldCounts(fields))")
                .contains("row -> PipelineRunMapper.mapAggregate(row).counts()")
                .contains("needs at least one field to count");
    }
}
