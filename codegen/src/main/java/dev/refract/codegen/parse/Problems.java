package dev.refract.codegen.parse;

import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the syntax errors of one file. Spans are clamped to the text, so every diagnostic can
 * be rendered; a pathological file stops being reported after {@link #LIMIT} errors.
 */
final class Problems {

    static final int LIMIT = 1000;

    private final SourceFile file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Diagnostic overflow;

    Problems(SourceFile file) {
        this.file = file;
    }

    SourceFile file() {
        return file;
    }

    /** Reports an error at {@code span}. */
    void error(Span span, String message, String hint) {
        Span clamped = clamp(span);
        if (diagnostics.size() < LIMIT) {
            diagnostics.add(Diagnostic.error(file, clamped, message, hint));
        } else if (overflow == null) {
            overflow = Diagnostic.error(file, clamped, "Too many syntax errors: only the first " + LIMIT
                    + " are reported.", "Fix the errors above and parse the file again.");
        }
    }

    /** Reports an error and returns the exception that abandons the current line. */
    LineAbandoned fail(Span span, String message, String hint) {
        error(span, message, hint);
        return new LineAbandoned();
    }

    /** The diagnostics in the order of their position in the file. */
    List<Diagnostic> sorted() {
        List<Diagnostic> result = new ArrayList<>(diagnostics);
        result.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()));
        if (overflow != null) {
            result.add(overflow);
        }
        return result;
    }

    private Span clamp(Span span) {
        int length = file.text().length();
        int start = Math.min(span.start(), length);
        int end = Math.max(start, Math.min(span.end(), length));
        return new Span(start, end);
    }
}
