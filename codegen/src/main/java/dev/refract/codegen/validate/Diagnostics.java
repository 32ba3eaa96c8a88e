package dev.refract.codegen.validate;

import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The one collector every rule reports into, so that all problems of a file come out together. */
final class Diagnostics {

    private final SourceFile file;
    private final List<Diagnostic> collected = new ArrayList<>();

    Diagnostics(SourceFile file) {
        this.file = file;
    }

    void error(Span span, String message, String hint) {
        collected.add(Diagnostic.error(file, span, message, hint));
    }

    void warning(Span span, String message, String hint) {
        collected.add(Diagnostic.warning(file, span, message, hint));
    }

    /** The 1-based line of a span, for messages that point at another declaration. */
    int lineOf(Span span) {
        return file.line(span.start());
    }

    /** How many errors were reported so far; lets a rule skip a consequence of an error it just reported. */
    int errorCount() {
        return (int) collected.stream().filter(Diagnostic::isError).count();
    }

    boolean hasErrors() {
        return collected.stream().anyMatch(Diagnostic::isError);
    }

    /** Everything reported, ordered by position so the reader can walk the file top to bottom. */
    List<Diagnostic> inSourceOrder() {
        List<Diagnostic> sorted = new ArrayList<>(collected);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()));
        return List.copyOf(sorted);
    }
}
