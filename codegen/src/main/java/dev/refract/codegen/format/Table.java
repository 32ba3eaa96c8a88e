package dev.refract.codegen.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a block whose cells are aligned in columns. A row is either a list of cells followed by
 * an unaligned suffix (a trailing comment), or a free line of text (a comment) that takes no part
 * in the alignment.
 */
final class Table {

    private sealed interface Row {}

    private record Cells(List<String> cells, String suffix) implements Row {}

    private record Text(String text) implements Row {}

    private final List<Row> rows = new ArrayList<>();

    /** Adds a row of cells; {@code suffix} (may be {@code null}) follows the last cell after one space. */
    void addCells(List<String> cells, String suffix) {
        List<String> trimmed = new ArrayList<>(cells);
        // Empty cells at the end (a field without attributes) must not pad the line with spaces.
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        rows.add(new Cells(List.copyOf(trimmed), suffix == null ? "" : suffix));
    }

    /** Adds a line that is written as is, indented like the others. */
    void addText(String text) {
        rows.add(new Text(text));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Writes the rows, each prefixed with {@code indent} and ended by a newline, then forgets them. */
    void renderTo(StringBuilder out, String indent) {
        List<Integer> widths = new ArrayList<>();
        for (Row row : rows) {
            if (row instanceof Cells cells) {
                for (int i = 0; i < cells.cells().size(); i++) {
                    int width = width(cells.cells().get(i));
                    if (i == widths.size()) {
                        widths.add(width);
                    } else if (width > widths.get(i)) {
                        widths.set(i, width);
                    }
                }
            }
        }
        for (Row row : rows) {
            out.append(indent);
            if (row instanceof Cells cells) {
                List<String> values = cells.cells();
                for (int i = 0; i < values.size(); i++) {
                    String value = values.get(i);
                    out.append(value);
                    if (i < values.size() - 1) {
                        out.append(" ".repeat(widths.get(i) - width(value) + 1));
                    }
                }
                if (!cells.suffix().isEmpty()) {
                    if (!values.isEmpty()) {
                        out.append(' ');
                    }
                    out.append(cells.suffix());
                }
            } else if (row instanceof Text text) {
                out.append(text.text());
            }
            out.append('\n');
        }
        rows.clear();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
