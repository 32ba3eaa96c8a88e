package dev.refract.codegen.format;

import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import java.util.List;

/**
 * The outcome of formatting one file.
 *
 * @param source      the file as read
 * @param formatted   the canonical text, or {@code null} when the file has syntax errors
 * @param diagnostics what the parser reported (warnings only, unless {@code formatted} is null)
 */
public record FormatResult(SourceFile source, String formatted, List<Diagnostic> diagnostics) {

    public FormatResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when the file could not be parsed and so was not formatted. */
    public boolean hasErrors() {
        return formatted == null;
    }

    /** True when the canonical text differs from the file as read. */
    public boolean changed() {
        return formatted != null && !formatted.equals(source.text());
    }
}
