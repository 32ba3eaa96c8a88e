package dev.refract.codegen.compiler;

import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import java.nio.file.Path;
import java.util.List;

/**
 * A schema file read, parsed and validated.
 *
 * @param schemaPath  the file that was read, or {@code null} for a schema given as text
 * @param source      its text, named as diagnostics show it
 * @param definition  the resolved schema, or {@code null} when there is an error
 * @param diagnostics errors and warnings of the parser and the validator, in that order
 */
public record CheckResult(Path schemaPath, SourceFile source, SchemaDefinition definition,
        List<Diagnostic> diagnostics) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when the schema is invalid. */
    public boolean hasErrors() {
        return definition == null || diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The number of errors. */
    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    /** The number of warnings. */
    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
