package dev.refract.codegen.compiler;

import dev.refract.codegen.source.Diagnostic;
import java.util.List;

/** The one-line count that follows a list of diagnostics: {@code 2 errors, 1 warning}. */
public final class DiagnosticSummary {

    private DiagnosticSummary() {}

    /** {@code 1 error}, {@code 2 errors, 1 warning}, {@code 3 warnings}; {@code no problems} when empty. */
    public static String of(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        if (errors == 0 && warnings == 0) {
            return "no problems";
        }
        if (errors == 0) {
            return plural(warnings, "warning");
        }
        return warnings == 0 ? plural(errors, "error") : plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    /** {@code 1 model}, {@code 2 models}. */
    public static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Every diagnostic as {@link Diagnostic#render()} shows it, then the count line. */
    public static String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            out.append(diagnostic.render());
        }
        return out.append(of(diagnostics)).toString();
    }
}
