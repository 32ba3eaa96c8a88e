package dev.refract.codegen.validate;

import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.source.Diagnostic;
import java.util.List;

/**
 * What {@link SchemaValidator#validate} found.
 *
 * @param definition  the resolved schema, or {@code null} when {@code diagnostics} holds an error
 * @param diagnostics every error and warning of the file, in source order
 */
public record ValidationResult(SchemaDefinition definition, List<Diagnostic> diagnostics) {

    public ValidationResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when at least one diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The errors only, in source order. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** The warnings only, in source order. */
    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
