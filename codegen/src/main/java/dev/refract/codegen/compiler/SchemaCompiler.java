package dev.refract.codegen.compiler;

import dev.refract.codegen.definition.GeneratorDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.generate.GeneratedFile;
import dev.refract.codegen.generate.JavaGenerator;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a schema file into Java sources: read, parse, validate, generate, and write only the files
 * whose content changed. The command line, the Maven plugin and the benchmarks all go through
 * here.
 *
 * <p>An invalid schema is not an exception: {@link CheckResult#hasErrors()} tells, and the
 * diagnostics say why. A {@link CompilerException} means the pipeline could not run at all (the
 * schema file is missing or unreadable, there is no output directory, a file cannot be written).
 */
public final class SchemaCompiler {

    private final Function<Path, String> displayName;

    /** A compiler whose diagnostics name the schema file by the path it was given. */
    public SchemaCompiler() {
        this(Path::toString);
    }

    /**
     * A compiler whose diagnostics name the schema file as {@code displayName} says, e.g. relative
     * to the directory a command was run from.
     */
    public SchemaCompiler(Function<Path, String> displayName) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
    }

    /** Reads, parses and validates {@code schema}. */
    public CheckResult check(Path schema) {
        return check(schema, read(schema));
    }

    /** Parses and validates a schema held in memory; the result's {@code schemaPath} is null. */
    public CheckResult check(SourceFile source) {
        return check(null, source);
    }

    private static CheckResult check(Path schema, SourceFile source) {
        ParseResult parsed = SchemaParser.parse(source);
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        if (parsed.hasErrors()) {
            return new CheckResult(schema, source, null, diagnostics);
        }
        ValidationResult validated = SchemaValidator.validate(parsed.schema());
        diagnostics.addAll(validated.diagnostics());
        SchemaDefinition definition = validated.hasErrors() ? null : validated.definition();
        return new CheckResult(schema, source, definition, diagnostics);
    }

    /**
     * Checks {@code schema} and, when it is valid, generates its sources into {@code outputDirectory}.
     *
     * @param outputDirectory where the sources go; when {@code null}, the generator block's
     *                        {@code output}, relative to the schema file's directory
     * @throws CompilerException when there is no output directory or a file cannot be written
     * @throws dev.refract.codegen.generate.GenerationException when the schema has no
     *         {@code refract-java} generator block
     */
    public GenerateResult generate(Path schema, Path outputDirectory) {
        CheckResult check = check(schema);
        if (check.hasErrors()) {
            return GenerateResult.invalid(check);
        }
        List<GeneratedFile> files = new JavaGenerator().generate(check.definition());
        Path target = outputDirectory(schema, check.definition(), outputDirectory);
        GeneratedSourcesWriter.Outcome outcome = new GeneratedSourcesWriter().write(target, files);
        return new GenerateResult(check, target, outcome.written(), outcome.unchanged(), outcome.deleted());
    }

    private static Path outputDirectory(Path schema, SchemaDefinition definition, Path requested) {
        if (requested != null) {
            return requested.toAbsolutePath().normalize();
        }
        GeneratorDefinition generator = definition.generator();
        if (generator == null || generator.output() == null || generator.output().isBlank()) {
            String name = generator == null ? "" : " \"" + generator.name() + "\"";
            throw new CompilerException("No output directory for the sources of " + schema
                    + ": its generator block" + name + " has no output. Pass an output directory, or add"
                    + " output = \"../generated\" (relative to the schema file) to the generator block.");
        }
        Path base = schema.toAbsolutePath().getParent();
        return base.resolve(generator.output()).normalize();
    }

    /**
     * Reads {@code schema} as UTF-8 text, named as this compiler's diagnostics name it.
     *
     * @throws CompilerException when the file is missing, a directory, unreadable or not UTF-8
     */
    public SourceFile read(Path schema) {
        Objects.requireNonNull(schema, "schema");
        if (Files.isDirectory(schema)) {
            throw new CompilerException("The schema path " + schema.toAbsolutePath()
                    + " is a directory; pass the schema file itself, e.g. " + schema.resolve("schema.prisma") + ".");
        }
        if (!Files.exists(schema)) {
            throw new CompilerException("Schema file not found: " + schema.toAbsolutePath() + ".");
        }
        try {
            byte[] bytes = Files.readAllBytes(schema);
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                // A byte order mark some editors write; it is no part of the schema.
                text = text.substring(1);
            }
            return new SourceFile(displayName.apply(schema), text);
        } catch (CharacterCodingException e) {
            throw new CompilerException("The schema file " + schema.toAbsolutePath()
                    + " is not valid UTF-8 text; save it as UTF-8.", e);
        } catch (IOException e) {
            throw new CompilerException("Cannot read the schema file " + schema.toAbsolutePath() + ": "
                    + GeneratedSourcesWriter.describe(e) + ".", e);
        }
    }
}
