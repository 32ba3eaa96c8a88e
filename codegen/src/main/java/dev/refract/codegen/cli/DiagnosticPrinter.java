package dev.refract.codegen.cli;

import dev.refract.codegen.compiler.DiagnosticSummary;
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
        err.println(DiagnosticSummary.render(diagnostics));
        err.flush();
    }
}
