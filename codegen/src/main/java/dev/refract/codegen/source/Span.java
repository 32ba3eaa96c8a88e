package dev.refract.codegen.source;

/**
 * A range of characters {@code [start, end)} in a {@link SourceFile}, used to point diagnostics at
 * the spot they are about.
 */
public record Span(int start, int end) {

    /** A span for synthesised nodes that have no place in the source. */
    public static final Span NONE = new Span(0, 0);

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    /** The smallest span covering this one and {@code other}. */
    public Span to(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The number of characters covered. */
    public int length() {
        return end - start;
    }
}
