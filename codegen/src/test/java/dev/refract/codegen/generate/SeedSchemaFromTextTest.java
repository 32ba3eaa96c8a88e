package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.SeedSchemaFile;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seed schema's text, through the parser and the validator, gives the definition the
 * hand-built fixture describes, and its generated client compiles without a warning.
 */
class SeedSchemaFromTextTest {

    static SchemaDefinition parseAndValidate() throws IOException {
        Path path = SeedSchemaFile.path();
        SourceFile file = new SourceFile(path.toString(), Files.readString(path));
        ParseResult parsed = SchemaParser.parse(file);
        assertThat(parsed.hasErrors()).as(render(parsed.diagnostics())).isFalse();
        ValidationResult validated = SchemaValidator.validate(parsed.schema());
        assertThat(validated.hasErrors()).as(render(validated.diagnostics())).isFalse();
        return validated.definition();
    }

    private static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    }

    @Test
    void seedSchemaTextGeneratesTheSameClientAsTheFixture() throws IOException {
        List<GeneratedFile> fromText = new JavaGenerator().generate(parseAndValidate());
        List<GeneratedFile> fromFixture = new JavaGenerator().generate(SeedSchemaFixture.seed());

        assertThat(fromText).extracting(GeneratedFile::relativePath)
                .containsExactlyElementsOf(fromFixture.stream().map(GeneratedFile::relativePath).toList());
        for (int i = 0; i < fromText.size(); i++) {
            assertThat(fromText.get(i).content()).as(fromText.get(i).relativePath())
                    .isEqualTo(fromFixture.get(i).content());
        }
    }

    @Test
    void seedSchemaTextGeneratesAClientThatCompilesWithoutWarnings() throws IOException {
        List<GeneratedFile> files = new JavaGenerator().generate(parseAndValidate());

        InMemoryCompiler.Result result = InMemoryCompiler.compile(InMemoryCompiler.sources(files));

        assertThat(result.success()).as(result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
    }
}
