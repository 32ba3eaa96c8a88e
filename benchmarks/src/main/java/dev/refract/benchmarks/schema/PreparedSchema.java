package dev.refract.benchmarks.schema;

import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A benchmark schema written, parsed and validated once. Creating one fails when the schema has
 * any error, because a benchmark of an invalid schema would time the error path, not the real one.
 *
 * @param source     the schema text
 * @param definition its validated definitions
 */
public record PreparedSchema(SourceFile source, SchemaDefinition definition) {

    /**
     * The schema of {@code modelCount} models that {@link LargeSchemaWriter} writes with its default seed.
     *
     * @throws IllegalStateException when the schema does not parse or validate cleanly
     */
    public static PreparedSchema of(int modelCount) {
        return of(new SourceFile("large.prisma",
                new LargeSchemaWriter(modelCount, LargeSchemaWriter.DEFAULT_SEED).write()));
    }

    /**
     * Any schema, parsed and validated.
     *
     * @throws IllegalStateException when the schema does not parse or validate cleanly
     */
    public static PreparedSchema of(SourceFile source) {
        ParseResult parsed = SchemaParser.parse(source);
        requireNoErrors("parse", parsed.diagnostics());
        ValidationResult validated = SchemaValidator.validate(parsed.schema());
        requireNoErrors("validation", validated.diagnostics());
        return new PreparedSchema(source, validated.definition());
    }

    private static void requireNoErrors(String stage, List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The benchmark schema fails " + stage + " with " + errors.size()
                    + " error(s); fix the schema writer or the " + stage + " step:\n"
                    + errors.stream().limit(5).map(Diagnostic::render).collect(Collectors.joining("\n")));
        }
    }
}
