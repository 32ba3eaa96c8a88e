package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import java.util.List;

/**
 * Counts the placeholders of SQL written by the user, so that a raw statement whose arguments do
 * not match them is refused before anything is sent. The scanner follows each database's lexical
 * rules far enough to skip what can hold a placeholder-like character without being one: string
 * literals, quoted identifiers, comments, and on PostgreSQL dollar-quoted strings and words
 * containing {@code $}. It never changes the text.
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
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i, '\'', false, true);
            } else if (c == '"') {
                i = skipQuoted(sql, i, '"', false, true);
            } else if (c == '-' && next(sql, i) == '-') {
                i = endOfLine(sql, i);
            } else if (c == '/' && next(sql, i) == '*') {
                i = skipBlockComment(sql, i, true);
            } else if (c == '$' && isDigit(next(sql, i))) {
                int end = i + 1;
                while (end < length && isDigit(sql.charAt(end))) {
                    end++;
                }
                int number = parse(sql, i + 1, end);
                if (number == 0) {
                    throw new InvalidQueryException(null, List.of(), "The raw SQL uses $0 at character " + (i + 1)
                            + ": PostgreSQL placeholders count from $1");
                }
                highest = Math.max(highest, number);
                i = end;
            } else if (c == '$') {
                i = skipDollarQuoted(sql, i);
            } else if (isWordStart(c)) {
                int end = i + 1;
                while (end < length && isWordPart(sql.charAt(end))) {
                    end++;
                }
                boolean escapeString = end == i + 1 && (c == 'E' || c == 'e') && end < length && sql.charAt(end) == '\'';
                i = escapeString ? skipQuoted(sql, end, '\'', true, true) : end;
            } else {
                i++;
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
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c, true, true);
            } else if (c == '`') {
                i = skipQuoted(sql, i, '`', false, true);
            } else if (c == '#' || (c == '-' && next(sql, i) == '-' && dashCommentFollows(sql, i + 2))) {
                i = endOfLine(sql, i);
            } else if (c == '/' && next(sql, i) == '*') {
                i = skipBlockComment(sql, i, false);
            } else {
                if (c == '?') {
                    count++;
                }
                i++;
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

    /**
     * The index after a literal or identifier opened by {@code quote} at {@code start}: a doubled
     * quote stays inside, and with {@code backslashes} a backslash escapes the next character. An
     * unterminated one runs to the end.
     */
    private static int skipQuoted(String sql, int start, char quote, boolean backslashes, boolean doubled) {
        int i = start + 1;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (doubled && i + 1 < length && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return length;
    }

    /** The index after a block comment at {@code start}; PostgreSQL nests them, MySQL does not. */
    private static int skipBlockComment(String sql, int start, boolean nested) {
        int depth = 1;
        int i = start + 2;
        int length = sql.length();
        while (i < length) {
            if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0 || !nested) {
                    return i;
                }
            } else if (nested && sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        return length;
    }

    /**
     * The index after a dollar-quoted string ({@code $$…$$} or {@code $tag$…$tag$}) starting at
     * {@code start}, or after the lone {@code $} when none starts there.
     */
    private static int skipDollarQuoted(String sql, int start) {
        int i = start + 1;
        int length = sql.length();
        if (i < length && isWordStart(sql.charAt(i))) {
            i++;
            while (i < length && isTagPart(sql.charAt(i))) {
                i++;
            }
        }
        if (i >= length || sql.charAt(i) != '$') {
            return start + 1;
        }
        String tag = sql.substring(start, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? length : close + tag.length();
    }

    /** MySQL needs whitespace or a control character after {@code --} for a comment. */
    private static boolean dashCommentFollows(String sql, int index) {
        return index >= sql.length() || sql.charAt(index) <= ' ';
    }

    private static int endOfLine(String sql, int start) {
        int newline = sql.indexOf('\n', start);
        return newline < 0 ? sql.length() : newline + 1;
    }

    private static char next(String sql, int index) {
        return index + 1 < sql.length() ? sql.charAt(index + 1) : '\0';
    }

    private static int parse(String sql, int start, int end) {
        long value = 0;
        for (int i = start; i < end; i++) {
            value = Math.min(Integer.MAX_VALUE, value * 10 + (sql.charAt(i) - '0'));
        }
        return (int) value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A character that starts an identifier or keyword; PostgreSQL takes every non-ASCII one as a letter. */
    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** A character inside an identifier or keyword: PostgreSQL allows digits and {@code $} after the first. */
    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '$';
    }

    /** A character inside a dollar-quote tag, which cannot hold {@code $}. */
    private static boolean isTagPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
