package dev.refract.benchmarks.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.benchmarks.schema.PreparedSchema;
import dev.refract.codegen.generate.GeneratedFile;
import dev.refract.codegen.generate.JavaGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generation benchmark measures real work: the 200-model schema yields a client for every model. */
class LargeSchemaGenerationTest {

    @Test
    void benchmarkSchemaGeneratesASourceFileForEveryModel() {
        PreparedSchema prepared = PreparedSchema.of(200);

        List<GeneratedFile> files = new JavaGenerator().generate(prepared.definition());

        assertThat(files).extracting(GeneratedFile::relativePath)
                .contains("com/example/backoffice/db/BillingAccount.java",
                        "com/example/backoffice/db/SchedulingPolicy.java")
                .doesNotHaveDuplicates();
        assertThat(files).allSatisfy(file -> assertThat(file.content()).isNotBlank());
    }
}
