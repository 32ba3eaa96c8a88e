package com.example.pipeline.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table of text for a terminal: a title, a header row and rows of cells, printed with every column
 * as wide as its widest cell, text aligned left and the columns marked numeric aligned right.
 *
 * <pre>
 * Cost by pipeline (completed runs)
 * pipeline          runs   cost (USD)
 * ----------------  ----  -----------
 * blog-post            2         1.75
 * </pre>
 *
 * <p>Build one with {@link #titled(String)}, {@link #columns}, then {@link #row} per row; {@link #render()}
 * gives the text. A table is not thread-safe: one caller fills it, then renders it.
 */
public final class TextTable {

    private static final String GAP = "  ";

    private final String title;
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** An empty table whose first line is {@code title}. */
    public static TextTable titled(String title) {
        return new TextTable(title);
    }

    /** Adds text columns named {@code names}, aligned left. */
    public TextTable columns(String... names) {
        for (String name : names) {
            headers.add(Objects.requireNonNull(name, "name"));
            numeric.add(false);
        }
        return this;
    }

    /** Adds number columns named {@code names}, aligned right. */
    public TextTable numberColumns(String... names) {
        for (String name : names) {
            headers.add(Objects.requireNonNull(name, "name"));
            numeric.add(true);
        }
        return this;
    }

    /**
     * Adds a row; a {@code null} cell is shown as {@code -}.
     *
     * @throws IllegalArgumentException when the row has not one cell per column
     */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("the table \"" + title + "\" has " + headers.size() + " columns "
                    + headers + ", but the row " + Arrays.toString(cells) + " has " + cells.length + " cells");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "-" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    /** How many rows were added. */
    public int size() {
        return rows.size();
    }

    /** The title, the header, a rule under it and the rows (or {@code (none)}), each line ending in a newline. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder(title).append('\n');
        line(text, headers, widths);
        List<String> rules = new ArrayList<>(widths.length);
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        line(text, rules, widths);
        if (rows.isEmpty()) {
            text.append("(none)\n");
        }
        for (List<String> row : rows) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(numeric.get(c) ? padding + cell : cell + padding);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    @Override
    public String toString() {
        return render();
    }
}
