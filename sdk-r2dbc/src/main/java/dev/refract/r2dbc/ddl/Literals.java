package dev.refract.r2dbc.ddl;

/**
 * String literals in PostgreSQL data definition: the schema's own default values, never user data
 * (which is always bound). Identifiers are quoted by {@link dev.refract.r2dbc.sql.PostgresDialect},
 * the same way the SQL renderer quotes them.
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
}
