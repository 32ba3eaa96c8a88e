package dev.refract.codegen.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one schema file and its name as shown in diagnostics. Knows how to turn an offset
 * into a line and column.
 */
public final class SourceFile {

    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.lineStarts = lineStarts(text);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The name shown in diagnostics, usually the path the file was read from. */
    public String name() {
        return name;
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** The 1-based line of {@code offset} (clamped to the text). */
    public int line(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** The 1-based column of {@code offset} (clamped to the text), counted in characters. */
    public int column(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return clamped - lineStarts[line(clamped) - 1] + 1;
    }

    /** The text of the 1-based {@code line}, without its line break. */
    public String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    /** The number of lines. */
    public int lineCount() {
        return lineStarts.length;
    }

    @Override
    public String toString() {
        return name;
    }
}
