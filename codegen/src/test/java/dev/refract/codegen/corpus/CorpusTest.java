package dev.refract.codegen.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.format.FormatResult;
import dev.refract.codegen.format.SchemaFormatter;
import dev.refract.codegen.generate.GeneratedFile;
import dev.refract.codegen.generate.InMemoryCompiler;
import dev.refract.codegen.generate.JavaGenerator;
import dev.refract.codegen.generate.RuntimeMetadata;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance corpus: realistic single-datasource schemas, each valid under Prisma's own rules,
 * must go through the whole pipeline without a single complaint: parsed without a diagnostic,
 * validated without an error, and generated into a client that compiles under
 * {@code -Xlint:all -Werror}.
 */
class CorpusTest {

    /** The step of the pipeline a known defect breaks. */
    private enum Stage { VALIDATION, GENERATION }

    /** A schema the pipeline cannot yet take, although it is valid Prisma, and why. */
    private record KnownDefect(Stage stage, String what) {}

    /**
     * Corpus schemas that a step of the pipeline does not handle yet. Each entry is a defect of
     * Refract, not of the schema: the tests of the later steps skip the schema, and
     * {@link #knownDefectsStillReproduce()} fails as soon as the defect is fixed, so the entry is
     * removed and the schema checked like every other.
     */
    private static final Map<String, KnownDefect> KNOWN_DEFECTS = Map.of();

    private static final Pattern BLOCK = Pattern.compile("^(model|enum|type)\\s+\\w+\\s*\\{", Pattern.MULTILINE);

    private static final Pattern GENERATOR_PACKAGE = Pattern.compile("^\\s*package\\s*=\\s*\"([^\"]+)\"",
            Pattern.MULTILINE);

    static Stream<String> corpus() {
        try (Stream<Path> files = Files.list(corpusDirectory())) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".prisma"))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path corpusDirectory() {
        URL url = CorpusTest.class.getResource("/corpus");
        assertThat(url).as("the corpus directory on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SourceFile source(String name) {
        try {
            return new SourceFile(name, Files.readString(corpusDirectory().resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rendered(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    }

    private static ValidationResult validate(String name) {
        return SchemaValidator.validate(SchemaParser.parse(source(name)).schema());
    }

    private static SchemaDefinition definition(String name) {
        ParseResult parsed = SchemaParser.parse(source(name));
        assertThat(parsed.hasErrors()).as(() -> rendered(parsed.diagnostics())).isFalse();
        ValidationResult validated = SchemaValidator.validate(parsed.schema());
        assertThat(validated.hasErrors()).as(() -> rendered(validated.diagnostics())).isFalse();
        return validated.definition();
    }

    /** Skips the test when a known defect of {@code stage} or an earlier step stops the schema. */
    private static void assumeReaches(String name, Stage stage) {
        KnownDefect defect = KNOWN_DEFECTS.get(name);
        assumeTrue(defect == null || defect.stage().compareTo(stage) > 0,
                () -> "known " + defect.stage().name().toLowerCase(Locale.ROOT) + " defect: " + defect.what());
    }

    private static InMemoryCompiler.Result compiledClient(SchemaDefinition definition) {
        return InMemoryCompiler.compile(InMemoryCompiler.sources(new JavaGenerator().generate(definition)));
    }

    @Test
    void corpusHoldsAtLeastTenSchemas() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesWithoutDiagnostics(String name) {
        ParseResult parsed = SchemaParser.parse(source(name));

        assertThat(parsed.diagnostics()).as(() -> rendered(parsed.diagnostics())).isEmpty();
        assertThat(parsed.hasErrors()).isFalse();
    }

    /** Every corpus file is laid out as {@code prisma format} lays it out, so formatting changes nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void formattingLeavesTheSchemaUnchanged(String name) {
        SourceFile source = source(name);

        FormatResult formatted = new SchemaFormatter().format(source);

        assertThat(formatted.hasErrors()).as(() -> rendered(formatted.diagnostics())).isFalse();
        assertThat(formatted.formatted()).isEqualTo(source.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void validatesWithoutErrors(String name) {
        assumeReaches(name, Stage.VALIDATION);
        ValidationResult validated = validate(name);

        assertThat(validated.diagnostics()).as(() -> rendered(validated.diagnostics()))
                .noneMatch(Diagnostic::isError);
        assertThat(validated.hasErrors()).isFalse();
        assertThat(validated.definition()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void keepsEveryDeclaredModelEnumAndCompositeType(String name) {
        assumeReaches(name, Stage.VALIDATION);
        long models = 0;
        long enums = 0;
        long types = 0;
        Matcher matcher = BLOCK.matcher(source(name).text());
        while (matcher.find()) {
            switch (matcher.group(1)) {
                case "model" -> models++;
                case "enum" -> enums++;
                default -> types++;
            }
        }

        SchemaDefinition definition = definition(name);

        assertThat(definition.models()).hasSize((int) models);
        assertThat(definition.enums()).hasSize((int) enums);
        assertThat(definition.compositeTypes()).hasSize((int) types);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void declaresOneDatasourceAndTheJavaGenerator(String name) {
        assumeReaches(name, Stage.VALIDATION);
        SchemaDefinition definition = definition(name);

        assertThat(definition.datasources()).hasSize(1);
        assertThat(definition.generator().provider()).isEqualTo("refract-java");
        assertThat(definition.generator().packageName()).startsWith("com.example.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void generatedClientCompilesWithoutWarnings(String name) {
        assumeReaches(name, Stage.GENERATION);
        SchemaDefinition definition = definition(name);
        List<GeneratedFile> files = new JavaGenerator().generate(definition);

        assertThat(files).as("generated files").isNotEmpty();
        String packagePath = definition.generator().packageName().replace('.', '/') + "/";
        assertThat(files).allSatisfy(file -> assertThat(file.relativePath()).startsWith(packagePath));
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(InMemoryCompiler.sources(files));
        assertThat(compiled.success()).as(() -> "javac -Xlint:all -Werror on the client of " + name + ":\n"
                + compiled.diagnostics()).isTrue();
        assertThat(compiled.diagnostics()).as("compiler output").isBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void runtimeMetadataEqualsTheMetadataTheGeneratedClientCarries(String name) throws ReflectiveOperationException {
        assumeReaches(name, Stage.GENERATION);
        SchemaDefinition definition = definition(name);
        GeneratedFile metadata = new JavaGenerator().generate(definition).stream()
                .filter(file -> file.content().contains("public static final SchemaMeta SCHEMA"))
                .findFirst().orElseThrow();
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(InMemoryCompiler.sources(List.of(metadata)));
        assertThat(compiled.success()).as(compiled::diagnostics).isTrue();
        String className = metadata.relativePath().replaceFirst("\\.java$", "").replace('/', '.');

        Object generated = compiled.classLoader().loadClass(className).getField("SCHEMA").get(null);

        assertThat(generated).isEqualTo(RuntimeMetadata.of(definition));
    }

    @Test
    void everySchemaGeneratesIntoItsOwnPackage() {
        List<String> packages = corpus().map(name -> {
            Matcher matcher = GENERATOR_PACKAGE.matcher(source(name).text());
            assertThat(matcher.find()).as(name + " names its generator package").isTrue();
            return matcher.group(1);
        }).toList();

        assertThat(packages).doesNotHaveDuplicates();
    }

    @Test
    void knownDefectsStillReproduce() {
        KNOWN_DEFECTS.forEach((name, defect) -> {
            boolean handled;
            if (defect.stage() == Stage.VALIDATION) {
                handled = !validate(name).hasErrors();
            } else {
                try {
                    InMemoryCompiler.Result compiled = compiledClient(definition(name));
                    handled = compiled.success() && compiled.diagnostics().isBlank();
                } catch (RuntimeException e) {
                    handled = false;
                }
            }
            assertThat(handled).as(name + " now passes " + defect.stage().name().toLowerCase(Locale.ROOT)
                    + ": remove it from KNOWN_DEFECTS so that it is checked like every other schema").isFalse();
        });
    }
}
