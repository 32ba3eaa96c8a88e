package dev.refract.r2dbc.sql;

/**
 * Walks SQL text one lexical element at a time under PostgreSQL's or MySQL's rules, far enough to
 * tell code from what only looks like code: string literals, quoted identifiers, comments and
 * PostgreSQL's dollar-quoted strings. {@link RawSql} counts placeholders with it and migrations
 * split scripts into statements with it, so both read SQL text the same way. It never changes the
 * text; an unterminated literal or comment runs to the end.
 *
 * <pre>{@code
 * SqlScanner scanner = new SqlScanner(sql, SqlScanner.Syntax.POSTGRESQL);
 * while (scanner.next()) {
 *     if (scanner.element() == SqlScanner.Element.SYMBOL && scanner.first() == ';') { … }
 * }
 * }</pre>
 */
public final class SqlScanner {

    /** Whose lexical rules the text follows. */
    public enum Syntax {
        /**
         * PostgreSQL: {@code '…'} strings with {@code ''} inside, backslash escapes only in
         * {@code E'…'}; {@code "…"} identifiers; {@code --} and nesting {@code /* *}{@code /}
         * comments; {@code $tag$…$tag$} strings; {@code $n} parameters; {@code $} inside words.
         */
        POSTGRESQL,
        /**
         * MySQL and MariaDB: {@code '…'} and {@code "…"} strings with backslash escapes and doubled
         * quotes; {@code `…`} identifiers; {@code #}, {@code -- } (with a space) and non-nesting
         * {@code /* *}{@code /} comments.
         */
        MYSQL
    }

    /** What the current element is. */
    public enum Element {
        /** A keyword or unquoted identifier. */
        WORD,
        /** A string literal, {@code E'…'} and dollar-quoted strings included. */
        STRING,
        /** A quoted identifier. */
        QUOTED_NAME,
        /** A line or block comment. */
        COMMENT,
        /** A PostgreSQL positional parameter, {@code $} followed by digits. */
        PARAMETER,
        /** A run of whitespace. */
        WHITESPACE,
        /** Any other single character: an operator, punctuation, a digit, {@code ?}, {@code ;}. */
        SYMBOL
    }

    private final String sql;
    private final Syntax syntax;
    private int start;
    private int end;
    private Element element;

    /** A scanner before the first element of {@code sql}. */
    public SqlScanner(String sql, Syntax syntax) {
        this.sql = sql;
        this.syntax = syntax;
    }

    /**
     * Moves to the next element.
     *
     * @return {@code false} at the end of the text, where the scanner stays
     */
    public boolean next() {
        if (end >= sql.length()) {
            return false;
        }
        start = end;
        char c = sql.charAt(start);
        if (syntax == Syntax.POSTGRESQL) {
            postgres(c);
        } else {
            mysql(c);
        }
        return true;
    }

    /** The kind of the current element. */
    public Element element() {
        return element;
    }

    /** Where the current element starts in the text. */
    public int start() {
        return start;
    }

    /** The index just after the current element. */
    public int end() {
        return end;
    }

    /** The first character of the current element. */
    public char first() {
        return sql.charAt(start);
    }

    private void postgres(char c) {
        if (c == '\'') {
            take(Element.STRING, skipQuoted(start, '\'', false));
        } else if (c == '"') {
            take(Element.QUOTED_NAME, skipQuoted(start, '"', false));
        } else if (c == '-' && next(start) == '-') {
            take(Element.COMMENT, endOfLine(start));
        } else if (c == '/' && next(start) == '*') {
            take(Element.COMMENT, skipBlockComment(start, true));
        } else if (c == '$' && isDigit(next(start))) {
            int i = start + 1;
            while (i < sql.length() && isDigit(sql.charAt(i))) {
                i++;
            }
            take(Element.PARAMETER, i);
        } else if (c == '$') {
            int close = skipDollarQuoted(start);
            take(close == start + 1 ? Element.SYMBOL : Element.STRING, close);
        } else if (isWordStart(c)) {
            int i = start + 1;
            while (i < sql.length() && isWordPart(sql.charAt(i))) {
                i++;
            }
            boolean escapeString = i == start + 1 && (c == 'E' || c == 'e') && i < sql.length() && sql.charAt(i) == '\'';
            if (escapeString) {
                take(Element.STRING, skipQuoted(i, '\'', true));
            } else {
                take(Element.WORD, i);
            }
        } else {
            whitespaceOrSymbol(c);
        }
    }

    private void mysql(char c) {
        if (c == '\'' || c == '"') {
            take(Element.STRING, skipQuoted(start, c, true));
        } else if (c == '`') {
            take(Element.QUOTED_NAME, skipQuoted(start, '`', false));
        } else if (c == '#' || (c == '-' && next(start) == '-' && dashCommentFollows(start + 2))) {
            take(Element.COMMENT, endOfLine(start));
        } else if (c == '/' && next(start) == '*') {
            take(Element.COMMENT, skipBlockComment(start, false));
        } else if (isWordStart(c)) {
            int i = start + 1;
            while (i < sql.length() && isWordPart(sql.charAt(i))) {
                i++;
            }
            take(Element.WORD, i);
        } else {
            whitespaceOrSymbol(c);
        }
    }

    private void whitespaceOrSymbol(char c) {
        if (Character.isWhitespace(c)) {
            int i = start + 1;
            while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            take(Element.WHITESPACE, i);
        } else {
            take(Element.SYMBOL, start + 1);
        }
    }

    private void take(Element kind, int after) {
        element = kind;
        end = after;
    }

    /**
     * The index after a literal or identifier opened by {@code quote} at {@code open}: a doubled
     * quote stays inside, and with {@code backslashes} a backslash escapes the next character.
     */
    private int skipQuoted(int open, char quote, boolean backslashes) {
        int i = open + 1;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < length && sql.charAt(i + 1) == quote) {
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

    /** The index after a block comment at {@code open}; PostgreSQL nests them, MySQL does not. */
    private int skipBlockComment(int open, boolean nested) {
        int depth = 1;
        int i = open + 2;
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
     * {@code open}, or after the lone {@code $} when none starts there.
     */
    private int skipDollarQuoted(int open) {
        int i = open + 1;
        int length = sql.length();
        if (i < length && isWordStart(sql.charAt(i))) {
            i++;
            while (i < length && isTagPart(sql.charAt(i))) {
                i++;
            }
        }
        if (i >= length || sql.charAt(i) != '$') {
            return open + 1;
        }
        String tag = sql.substring(open, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? length : close + tag.length();
    }

    /** MySQL needs whitespace or a control character after {@code --} for a comment. */
    private boolean dashCommentFollows(int index) {
        return index >= sql.length() || sql.charAt(index) <= ' ';
    }

    private int endOfLine(int from) {
        int newline = sql.indexOf('\n', from);
        return newline < 0 ? sql.length() : newline + 1;
    }

    private char next(int index) {
        return index + 1 < sql.length() ? sql.charAt(index + 1) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A character that starts an identifier or keyword; PostgreSQL takes every non-ASCII one as a letter. */
    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** A character inside an identifier or keyword: both databases allow digits and {@code $} after the first. */
    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '$';
    }

    /** A character inside a dollar-quote tag, which cannot hold {@code $}. */
    private static boolean isTagPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
