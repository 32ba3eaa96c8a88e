package dev.refract.codegen.cli;

import dev.refract.codegen.source.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics as {@link Diagnostic#render()} shows them, followed by a count line. */
final class DiagnosticPrinter {

    private DiagnosticPrinter() {}

    /** Prints each diagnostic and a line such as {@code 2 errors, 1 warning}; nothing when empty. */
    static void print(PrintWriter err, List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return;
        }
        for (Diagnostic diagnostic : diagnostics) {
            err.print(diagnostic.render());
        }
        err.println(countLine(diagnostics));
        err.flush();
    }

    /** {@code 1 error}, {@code 2 errors, 1 warning}, {@code 3 warnings}. */
    static String countLine(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        if (errors == 0) {
            return plural(warnings, "warning");
        }
        return warnings == 0 ? plural(errors, "error") : plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
