package dev.refract.codegen.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.codegen.SeedSchemaFile;
import dev.refract.codegen.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompilerTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private final SchemaCompiler compiler = new SchemaCompiler();

    /** The seed schema without its last model, {@code Session}. */
    static String seedWithoutSession() throws IOException {
        return SeedSchemaFile.textWithoutSession();
    }

    private Path schema(String text) throws IOException {
        return Files.writeString(dir.resolve("schema.prisma"), text);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void checkResolvesAValidSchema() throws IOException {
        CheckResult result = compiler.check(schema(SeedSchemaFile.text()));

        assertThat(result.hasErrors()).as("diagnostics: %s", result.diagnostics()).isFalse();
        assertThat(result.definition().models()).extracting(m -> m.name())
                .containsExactly("PipelineRun", "PipelineStep", "ContentItem", "Session");
        assertThat(result.source().name()).isEqualTo(dir.resolve("schema.prisma").toString());
    }

    @Test
    void checkReportsSyntaxErrorsWithoutADefinition() throws IOException {
        CheckResult result = compiler.check(schema("model User {\n  id Int @id @default(\n}\n"));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.definition()).isNull();
        assertThat(result.errorCount()).isPositive();
    }

    @Test
    void checkReportsValidationErrors() throws IOException {
        CheckResult result = compiler.check(schema(SeedSchemaFile.text().replace("name         String\n", "name         Strin\n")));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.definition()).isNull();
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("Strin"));
    }

    @Test
    void checksASchemaHeldInMemory() throws IOException {
        CheckResult result = compiler.check(new SourceFile("inline.prisma", SeedSchemaFile.text().replace("Json?", "Jsn?")));

        assertThat(result.schemaPath()).isNull();
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.render()).startsWith("inline.prisma:"));
    }

    @Test
    void namesTheSchemaFileAsTheDisplayNameSays() throws IOException {
        CheckResult result = new SchemaCompiler(path -> "shown.prisma").check(schema(SeedSchemaFile.text()));

        assertThat(result.source().name()).isEqualTo("shown.prisma");
    }

    @Test
    void aMissingSchemaFileIsAnErrorNamingThePath() {
        Path missing = dir.resolve("missing.prisma");

        assertThatThrownBy(() -> compiler.check(missing))
                .isInstanceOf(CompilerException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aDirectoryGivenAsSchemaIsAnErrorNamingThePath() {
        assertThatThrownBy(() -> compiler.check(dir))
                .isInstanceOf(CompilerException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("is a directory");
    }

    @Test
    void aSchemaThatIsNotUtf8IsAnErrorNamingThePath() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.prisma"), new byte[] {'/', '/', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> compiler.check(latin1))
                .isInstanceOf(CompilerException.class)
                .hasMessageContaining(latin1.toString())
                .hasMessageContaining("UTF-8");
    }

    @Test
    void generateWritesTheSourcesAndAManifest() throws IOException {
        Path out = dir.resolve("out");

        GenerateResult result = compiler.generate(schema(SeedSchemaFile.text()), out);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.outputDirectory()).isEqualTo(out);
        assertThat(result.written()).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).endsWith(".java"));
        assertThat(result.unchanged()).isEmpty();
        assertThat(result.deleted()).isEmpty();
        for (Path written : result.written()) {
            assertThat(out.resolve(written)).isRegularFile();
            assertThat(written.toString().replace('\\', '/')).startsWith("com/example/pipeline/db/");
        }
        assertThat(out.resolve(GeneratedSourcesWriter.MANIFEST)).isRegularFile();
    }

    @Test
    void generatingAnUnchangedSchemaAgainTouchesNoFile() throws IOException {
        Path schema = schema(SeedSchemaFile.text());
        Path out = dir.resolve("out");
        GenerateResult first = compiler.generate(schema, out);
        List<Path> files = filesUnder(out);
        for (Path file : files) {
            Files.setLastModifiedTime(file, LONG_AGO);
        }

        GenerateResult second = compiler.generate(schema, out);

        assertThat(second.written()).isEmpty();
        assertThat(second.deleted()).isEmpty();
        assertThat(second.unchanged()).containsExactlyInAnyOrderElementsOf(first.written());
        for (Path file : files) {
            assertThat(Files.getLastModifiedTime(file)).as("modification time of %s", file).isEqualTo(LONG_AGO);
        }
    }

    @Test
    void generateDeletesTheSourcesOfARemovedModelButKeepsForeignFiles() throws IOException {
        Path schema = schema(SeedSchemaFile.text());
        Path out = dir.resolve("out");
        GenerateResult first = compiler.generate(schema, out);
        Path foreign = Files.writeString(out.resolve("com/example/pipeline/db/Handwritten.java"), "class Handwritten {}");
        Path readme = Files.writeString(out.resolve("README.txt"), "notes");

        Files.writeString(schema, seedWithoutSession());
        GenerateResult second = compiler.generate(schema, out);

        assertThat(second.hasErrors()).as("diagnostics: %s", second.check().diagnostics()).isFalse();
        assertThat(second.deleted()).isNotEmpty().anySatisfy(p -> assertThat(p.toString()).contains("Session"));
        assertThat(first.written()).containsAll(second.deleted());
        for (Path deleted : second.deleted()) {
            assertThat(out.resolve(deleted)).doesNotExist();
        }
        List<Path> expected = new ArrayList<>(second.written());
        expected.addAll(second.unchanged());
        for (Path kept : expected) {
            assertThat(out.resolve(kept)).isRegularFile();
        }
        assertThat(foreign).hasContent("class Handwritten {}");
        assertThat(readme).hasContent("notes");
    }

    @Test
    void anInvalidSchemaWritesNothing() throws IOException {
        Path out = dir.resolve("out");

        GenerateResult result = compiler.generate(schema(SeedSchemaFile.text().replace("Status         @default(PENDING)",
                "Status         @default(PENDIN)")), out);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.outputDirectory()).isNull();
        assertThat(result.written()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void theOutputDirectoryDefaultsToTheGeneratorsOutputRelativeToTheSchema() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("prisma"));
        Path schema = Files.writeString(nested.resolve("schema.prisma"), SeedSchemaFile.text().replace(
                "package  = \"com.example.pipeline.db\"",
                "package  = \"com.example.pipeline.db\"\n  output   = \"../generated\""));

        GenerateResult result = compiler.generate(schema, null);

        assertThat(result.hasErrors()).as("diagnostics: %s", result.check().diagnostics()).isFalse();
        assertThat(result.outputDirectory()).isEqualTo(dir.resolve("generated"));
        assertThat(result.written()).allSatisfy(p -> assertThat(dir.resolve("generated").resolve(p)).isRegularFile());
    }

    @Test
    void withoutAnyOutputDirectoryGenerateSaysHowToGiveOne() throws IOException {
        Path schema = schema(SeedSchemaFile.text());

        assertThatThrownBy(() -> compiler.generate(schema, null))
                .isInstanceOf(CompilerException.class)
                .hasMessageContaining(schema.toString())
                .hasMessageContaining("output");
    }
}
