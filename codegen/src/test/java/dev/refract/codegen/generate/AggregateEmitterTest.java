package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AggregateEmitterTest {

    private final GenerationContext context = Emitted.seedContext();

    @Test
    void aggregateRecordTypesEachFunctionsResults() {
        String source = Emitted.render(context,
                new AggregateEmitter(context).emitAggregate(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("public record PipelineStepAggregate(Long count, PipelineStepAggregate.Sum sum,")
                .contains("public record Sum(Long position, Long attempts, Long durationMs)")
                .doesNotContain("static record")
                .contains("public record Avg(Double position, Double attempts, Double durationMs)")
                .contains("Instant createdAt");
    }

    @Test
    void groupRecordHoldsGroupableKeysThenAggregates() {
        String source = Emitted.render(context,
                new AggregateEmitter(context).emitGroup(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public record PipelineRunGroup(String id, String name, Status status")
                .contains("Long count, PipelineRunAggregate.Sum sum")
                .doesNotContain("Json metadata");
    }

    @Test
    void aggregateAndGroupEndWithPerFieldCounts() {
        String aggregate = Emitted.render(context,
                new AggregateEmitter(context).emitAggregate(Emitted.model(context, "PipelineRun")));
        String group = Emitted.render(context, new AggregateEmitter(context).emitGroup(Emitted.model(context, "PipelineRun")));

        assertThat(aggregate).contains("PipelineRunAggregate.Counts counts)")
                .contains("public record Counts(Long id, Long name, Long status, Long startedAt, Long updatedAt, Long cost,\n"
                        + "            Long metadata)");
        assertThat(group).contains("PipelineRunAggregate.Bounds max, PipelineRunAggregate.Counts counts)");
    }

    @Test
    void aggregateAndGroupByQueriesCountFieldValues() {
        String aggregate = Emitted.render(context,
                new AggregateQueryEmitter(context).emitAggregateQuery(Emitted.model(context, "PipelineRun")));

        assertThat(aggregate).contains("public PipelineRunAggregateQuery count(PipelineRunField... fields)")
                .contains("counts.add(field.index());")
                .contains("List.copyOf(max),\n                List.copyOf(counts));");
    }

    @Test
    void groupByQuerySortsWithTheGroupOrderBy() {
        String source = Emitted.render(context,
                new AggregateQueryEmitter(context).emitGroupByQuery(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public PipelineRunGroupByQuery orderBy(Consumer<PipelineRunGroupOrderBy> orderBy)");
    }

    @Test
    void groupOrderBySortsOnKeysAndAggregates() {
        String source = Emitted.render(context, new GroupOrderByEmitter(context).emit(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("extends OrderByBuilder<PipelineRunGroupOrderBy>")
                .contains("public SortField<PipelineRunGroupOrderBy> name()")
                .contains("public SortField<PipelineRunGroupOrderBy> count()")
                .contains("return aggregate(Aggregations.Function.COUNT, -1);")
                .contains("public SortField<PipelineRunGroupOrderBy> count(PipelineRunField field)")
                .contains("return aggregate(Aggregations.Function.SUM, field.index());")
                .contains("if (!field.numeric())")
                .contains("if (!field.ordered())")
                .contains("e.g. {@code o -> o.sum(PipelineRunField.COST).desc()}")
                .doesNotContain("steps");
    }

    @Test
    void modelWithoutNumbersHasNoSumOrAverage() {
        String source = Emitted.render(context,
                new AggregateEmitter(context).emitAggregate(Emitted.model(context, "Session")));

        assertThat(source).contains("public record SessionAggregate(Long count, SessionAggregate.Bounds min,")
                .doesNotContain("record Sum");
    }

    @Test
    void aggregateQueryChecksFieldAbilities() {
        String source = Emitted.render(context,
                new AggregateQueryEmitter(context).emitAggregateQuery(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public PipelineRunAggregateQuery sum(PipelineRunField... fields)")
                .contains("if (!field.numeric())")
                .contains("if (!field.ordered())")
                .contains("return new Operation.Aggregate(0, query, aggregations());");
    }

    @Test
    void groupByQueryRequiresAKey() {
        String source = Emitted.render(context,
                new AggregateQueryEmitter(context).emitGroupByQuery(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("public PipelineRunGroupByQuery by(PipelineRunField... fields)")
                .contains("public PipelineRunGroupByQuery having(Consumer<PipelineRunHaving> having)")
                .contains("groupBy on PipelineRun needs at least one field");
    }

    @Test
    void havingConditionsPointAtGroupRowPositions() {
        String source = Emitted.render(context, new HavingEmitter(context).emit(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("extends WhereBuilder<PipelineRunHaving>")
                .contains("public StringCondition<PipelineRunHaving> name()")
                .contains("public ComparableCondition<PipelineRunHaving, Long> count()")
                .contains("return new ComparableCondition<>(this, 9, \"count\", ValueCondition.asIs());")
                .contains("public ComparableCondition<PipelineRunHaving, Double> sumCost()")
                .contains("return new ComparableCondition<>(this, 15, \"sumCost\", ValueCondition.asIs());")
                .contains("public ComparableCondition<PipelineRunHaving, Instant> maxStartedAt()")
                .doesNotContain("metadata()");
    }
}
