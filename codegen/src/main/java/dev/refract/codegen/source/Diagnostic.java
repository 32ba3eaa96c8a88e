package dev.refract.codegen.source;

import java.util.Objects;

/**
 * One problem found in a schema: where it is, what is wrong, and what to do about it.
 *
 * @param severity an error stops generation; a warning does not
 * @param message  what is wrong, one sentence, naming the thing (e.g. "Type \"Strin\" is neither a
 *                 scalar type, an enum, a composite type nor a model.")
 * @param span     the spot in {@code file} the caret points at
 * @param hint     what to do about it, or {@code null} when there is nothing useful to say
 */
public record Diagnostic(Severity severity, SourceFile file, Span span, String message, String hint) {

    /** How serious a diagnostic is. */
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
    }

    /** An error at {@code span}. */
    public static Diagnostic error(SourceFile file, Span span, String message, String hint) {
        return new Diagnostic(Severity.ERROR, file, span, message, hint);
    }

    /** A warning at {@code span}. */
    public static Diagnostic warning(SourceFile file, Span span, String message, String hint) {
        return new Diagnostic(Severity.WARNING, file, span, message, hint);
    }

    /** The 1-based line of the start of the span. */
    public int line() {
        return file.line(span.start());
    }

    /** The 1-based column of the start of the span. */
    public int column() {
        return file.column(span.start());
    }

    /** True for {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The diagnostic as shown to a person:
     *
     * <pre>
     * schema.prisma:12:10: error: Type "Strin" is neither a scalar type, an enum, a composite type nor a model.
     *    12 |   name Strin
     *       |        ^^^^^
     *   hint: Did you mean "String"?
     * </pre>
     */
    public String render() {
        int line = line();
        int column = column();
        String lineText = file.lineText(line);
        String number = Integer.toString(line);
        String gutter = " ".repeat(Math.max(4, number.length() + 1));
        StringBuilder out = new StringBuilder();
        out.append(file.name()).append(':').append(line).append(':').append(column).append(": ")
                .append(severity == Severity.ERROR ? "error" : "warning").append(": ").append(message).append('\n');
        out.append(" ".repeat(gutter.length() - number.length())).append(number).append(" | ")
                .append(lineText.replace('\t', ' ')).append('\n');
        int caretStart = Math.min(column - 1, lineText.length());
        int lineEnd = lineText.length();
        int caretLength = Math.max(1, Math.min(span.length(), lineEnd - caretStart));
        out.append(gutter).append(" | ").append(" ".repeat(caretStart)).append("^".repeat(caretLength)).append('\n');
        if (hint != null && !hint.isBlank()) {
            out.append("  hint: ").append(hint).append('\n');
        }
        return out.toString();
    }
}
