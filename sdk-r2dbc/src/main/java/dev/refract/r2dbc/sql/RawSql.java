package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import java.util.List;

/**
 * Counts the placeholders of SQL written by the user, so that a raw statement whose arguments do
 * not match them is refused before anything is sent. The scanner follows each database's lexical
 * rules far enough to skip what can hold a placeholder-like character without being one: string
 * literals, quoted identifiers, comments, and on PostgreSQL dollar-quoted strings and words
 * containing {@code $} (the rules of {@link SqlScanner}). It never changes the text.
 */
public final class RawSql {

    /** How a dialect writes placeholders. */
    public enum Placeholders {
        /** PostgreSQL's {@code $1, $2, …}, numbered from 1; a number may be used more than once. */
        NUMBERED,
        /** MySQL's {@code ?}, one per argument in order. */
        QUESTION_MARK
    }

    private RawSql() {}

    /**
     * The number of arguments PostgreSQL text expects: the highest {@code $n} outside literals,
     * quoted identifiers, comments and dollar-quoted strings; 0 when there is none. Follows
     * PostgreSQL's rules: {@code ''} inside a string, backslash escapes only in {@code E'…'}
     * strings, nested block comments, {@code $tag$…$tag$} bodies, and {@code $} as part of a word
     * ({@code price$1} is an identifier).
     *
     * @throws InvalidQueryException for {@code $0}, which PostgreSQL has no argument for
     */
    public static int numberedPlaceholders(String sql) {
        int highest = 0;
        SqlScanner scanner = new SqlScanner(sql, SqlScanner.Syntax.POSTGRESQL);
        while (scanner.next()) {
            if (scanner.element() == SqlScanner.Element.PARAMETER) {
                int number = parse(sql, scanner.start() + 1, scanner.end());
                if (number == 0) {
                    throw new InvalidQueryException(null, List.of(), "The raw SQL uses $0 at character "
                            + (scanner.start() + 1) + ": PostgreSQL placeholders count from $1");
                }
                highest = Math.max(highest, number);
            }
        }
        return highest;
    }

    /**
     * The number of {@code ?} placeholders in MySQL text outside string literals ({@code '…'} and
     * {@code "…"}, with backslash escapes and doubled quotes), back-quoted identifiers and comments
     * ({@code #}, {@code -- } and {@code /* *}{@code /}).
     */
    public static int questionMarkPlaceholders(String sql) {
        int count = 0;
        SqlScanner scanner = new SqlScanner(sql, SqlScanner.Syntax.MYSQL);
        while (scanner.next()) {
            if (scanner.element() == SqlScanner.Element.SYMBOL && scanner.first() == '?') {
                count++;
            }
        }
        return count;
    }

    /**
     * The number of placeholders {@code sql} has in the given style.
     *
     * @throws InvalidQueryException when the text uses a placeholder no argument can fill
     */
    public static int placeholders(String sql, Placeholders style) {
        return switch (style) {
            case NUMBERED -> numberedPlaceholders(sql);
            case QUESTION_MARK -> questionMarkPlaceholders(sql);
        };
    }

    /**
     * Checks that {@code sql} has one placeholder per argument.
     *
     * @throws InvalidQueryException naming both counts when they differ
     */
    public static void checkArguments(String sql, int arguments, Placeholders style) {
        int placeholders = placeholders(sql, style);
        if (placeholders == arguments) {
            return;
        }
        String found = switch (style) {
            case NUMBERED -> placeholders == 0 ? "no placeholder" : "placeholders up to $" + placeholders;
            case QUESTION_MARK -> placeholders == 0 ? "no placeholder"
                    : placeholders + " placeholder" + (placeholders == 1 ? "" : "s") + " (?)";
        };
        String written = style == Placeholders.NUMBERED ? "$1, $2, …" : "?";
        throw new InvalidQueryException(null, List.of(), "The raw SQL has " + found + " but " + arguments
                + " argument" + (arguments == 1 ? " was" : "s were") + " given: pass one argument per placeholder,"
                + " in order, and write each value as a placeholder (" + written + "), never into the text");
    }

    private static int parse(String sql, int start, int end) {
        long value = 0;
        for (int i = start; i < end; i++) {
            value = Math.min(Integer.MAX_VALUE, value * 10 + (sql.charAt(i) - '0'));
        }
        return (int) value;
    }
}
