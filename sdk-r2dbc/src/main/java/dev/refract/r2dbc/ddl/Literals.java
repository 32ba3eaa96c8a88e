package dev.refract.r2dbc.ddl;

/**
 * String literals in data definition: the schema's own default values, never user data (which is
 * always bound). Identifiers are quoted by the dialect, the same way the SQL renderer quotes them.
 */
final class Literals {

    private Literals() {
    }

    /** {@code text} as a string literal; standard_conforming_strings keeps backslashes literal. */
    static String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The default value " + text.replace("\0", "\\0")
                    + " holds a NUL character, which PostgreSQL cannot store in text");
        }
        if (text.indexOf('\\') >= 0) {
            return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * {@code text} as a MySQL string literal: a quote doubled, a backslash and NUL escaped with a
     * backslash (the server's default mode, without {@code NO_BACKSLASH_ESCAPES}).
     */
    static String mysql(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> literal.append("''");
                case '\\' -> literal.append("\\\\");
                case '\0' -> literal.append("\\0");
                default -> literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }
}
