package dev.refract.codegen.parse;

import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.source.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * What the parser made of a schema file: the tree of everything it could parse, and the syntax
 * errors it found, ordered by position.
 */
public record ParseResult(Schema schema, List<Diagnostic> diagnostics) {

    public ParseResult {
        Objects.requireNonNull(schema, "schema");
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when at least one diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
