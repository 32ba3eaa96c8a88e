package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;

/** Schemas written as Prisma text, taken through the parser, the validator and the generator. */
final class SchemaText {

    private static final String HEADER = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            generator client {
              provider = "refract-java"
              package  = "com.example.db"
            }

            """;

    private static final String MONGODB_HEADER = """
            datasource db {
              provider = "mongodb"
              url      = env("MONGODB_URL")
            }

            generator client {
              provider = "refract-java"
              package  = "com.example.db"
            }

            """;

    private SchemaText() {
    }

    /** The definition of {@code models} (models, enums and composite types) under a MongoDB datasource and the Java generator. */
    static SchemaDefinition mongoDefinition(String models) {
        ParseResult parsed = SchemaParser.parse(new SourceFile("test.prisma", MONGODB_HEADER + models));
        assertThat(parsed.hasErrors()).as(() -> render(parsed.diagnostics())).isFalse();
        ValidationResult validated = SchemaValidator.validate(parsed.schema());
        assertThat(validated.hasErrors()).as(() -> render(validated.diagnostics())).isFalse();
        return validated.definition();
    }

    /** The definition of {@code models} (models, enums and types) under a PostgreSQL datasource and the Java generator. */
    static SchemaDefinition definition(String models) {
        ValidationResult validated = validate(models);
        assertThat(validated.hasErrors()).as(() -> render(validated.diagnostics())).isFalse();
        return validated.definition();
    }

    /** The validation of {@code models}, which must parse, with its warnings. */
    static ValidationResult validate(String models) {
        ParseResult parsed = SchemaParser.parse(new SourceFile("test.prisma", HEADER + models));
        assertThat(parsed.hasErrors()).as(() -> render(parsed.diagnostics())).isFalse();
        return SchemaValidator.validate(parsed.schema());
    }

    /** The generated client of {@code models}. */
    static List<GeneratedFile> generate(String models) {
        return new JavaGenerator().generate(definition(models));
    }

    /** The content of the generated file whose class is {@code simpleName}. */
    static String file(List<GeneratedFile> files, String simpleName) {
        return files.stream().filter(f -> f.relativePath().equals("com/example/db/" + simpleName + ".java"))
                .findFirst().map(GeneratedFile::content)
                .orElseThrow(() -> new AssertionError("no generated class " + simpleName));
    }

    /** Asserts that {@code files} compile under {@code -Xlint:all -Werror} without a word from the compiler. */
    static InMemoryCompiler.Result assertCompiles(List<GeneratedFile> files) {
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(InMemoryCompiler.sources(files));
        assertThat(compiled.success()).as(compiled::diagnostics).isTrue();
        assertThat(compiled.diagnostics()).as("compiler output").isBlank();
        return compiled;
    }

    private static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    }
}
