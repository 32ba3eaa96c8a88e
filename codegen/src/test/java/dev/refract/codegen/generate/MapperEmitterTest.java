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
    void decodesListsEnumsAndComposites() {
        GenerationContext context = Emitted.context(UnusualSchemaCompilesTest.unusual());

        String source = Emitted.render(context, new MapperEmitter(context).emit(Emitted.model(context, "URLAccount")));

        assertThat(source).contains("row.getList(7)")
                .contains("Role.fromDbNames(row.getList(8))")
                .contains("AddressCodec.decode((Row) row.get(10))")
                .contains("AddressCodec.decodeAll(row.getList(11))");
    }
}
