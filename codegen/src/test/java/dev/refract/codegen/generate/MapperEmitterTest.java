package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapperEmitterTest {

    @Test
    void readsEachFieldByConstantIndex() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new MapperEmitter(context).emit(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("(String) row.get(0)")
                .contains("Status.fromDbName((String) row.get(5))")
                .contains("(Long) row.get(7)")
                .contains("Optional<Row> related = row.getRow(1);")
                .contains("Relation.notLoaded(\"PipelineStep\", \"run\")")
                .contains("related.map(PipelineRunMapper::map).orElse(null)")
                .doesNotContain("reflect")
                .doesNotContain("getMethod");
    }

    @Test
    void readsRelationCountsAfterTheFields() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new MapperEmitter(context).emit(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("contentItems(row),\n                relationCounts(row));")
                .contains("Map<Integer, Long> counts = row.getCounts(9);")
                .contains("return counts == null ? null : new PipelineRun.Counts(counts.get(7));");
    }

    @Test
    void readsFieldCountsOfAggregatesAndGroupsFromTheCountBlock() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new MapperEmitter(context).emit(Emitted.model(context, "PipelineRun")));

        // Aggregate: COUNT block from 1 + 4 * 9 = 37; group: from 9 + 1 + 4 * 9 = 46.
        assertThat(source).contains("new PipelineRunAggregate.Counts((Long) row.get(37),")
                .contains("(Long) row.get(43)));")
                .contains("new PipelineRunAggregate.Counts((Long) row.get(46),")
                .contains("(Long) row.get(52)));");
    }

    @Test
    void decodesListsEnumsAndComposites() {
        GenerationContext context = Emitted.context(UnusualSchemaCompilesTest.unusual());

        String source = Emitted.render(context, new MapperEmitter(context).emit(Emitted.model(context, "URLAccount")));

        assertThat(source).contains("row.getList(7)")
                .contains("Role.fromDbNames(row.getList(8))")
                .contains("AddressCodec.decode((Row) row.get(10))")
                .contains("AddressCodec.decodeAll(row.getList(11))");
    }
}
