package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.generate.GeneratedFile;
import dev.refract.codegen.generate.JavaGenerator;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples that run the schema parser, validator and generator from Java. */
class GeneratorApiTest {

    private final String text;

    GeneratorApiTest() throws IOException {
        text = Files.readString(Path.of("src/test/schemas/pipeline.prisma"));
    }

    @Test
    void generatesTheClientSourcesFromSchemaText() {
        // tag::generate[]
        ParseResult parsed = SchemaParser.parse(new SourceFile("schema.prisma", text));
        ValidationResult validated = SchemaValidator.validate(parsed.schema());   // when parsed has no errors
        List<GeneratedFile> files = new JavaGenerator().generate(validated.definition());
        // each GeneratedFile has relativePath() ("com/example/pipeline/db/PipelineRun.java") and content()
        // end::generate[]

        assertThat(files).extracting(GeneratedFile::relativePath)
                .contains("com/example/pipeline/db/PipelineRun.java", "com/example/pipeline/db/RefractClient.java");
        assertThat(files).allSatisfy(f -> assertThat(f.content()).isNotBlank());
    }

    @Test
    void reportsDiagnosticsOfParserAndValidator() {
        String text = this.text.replaceFirst("(name\\s+)String", "$1Strng");

        // tag::diagnostics[]
        ParseResult parsed = SchemaParser.parse(new SourceFile("schema.prisma", text));
        parsed.diagnostics().forEach(d -> System.err.print(d.render()));
        if (!parsed.hasErrors()) {
            ValidationResult validated = SchemaValidator.validate(parsed.schema());
            validated.diagnostics().forEach(d -> System.err.print(d.render()));
            SchemaDefinition definition = validated.definition(); // null when there is an error
        // end::diagnostics[]
            assertThat(definition).isNull();
            assertThat(validated.errors()).singleElement()
                    .satisfies(d -> assertThat(d.render()).contains("Strng", "Did you mean \"String\"?"));
        // tag::diagnostics[]
        }
        // end::diagnostics[]
        assertThat(parsed.hasErrors()).isFalse();
    }
}
