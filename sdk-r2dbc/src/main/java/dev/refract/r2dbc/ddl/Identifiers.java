package dev.refract.r2dbc.ddl;

/**
 * Quoting of identifiers and string literals for PostgreSQL data definition. Identifiers follow the
 * SQL renderer's rule (double quotes, an embedded quote doubled); literals are the schema's own
 * default values, never user data.
 */
final class Identifiers {

    private Identifiers() {
    }

    /** {@code name} as a quoted identifier. */
    static String quote(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The name " + name.replace("\0", "\\0")
                    + " holds a NUL character, which PostgreSQL does not allow in names; rename it with @map");
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
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
