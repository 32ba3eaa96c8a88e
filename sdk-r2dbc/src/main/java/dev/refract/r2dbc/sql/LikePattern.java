package dev.refract.r2dbc.sql;

/**
 * Builds {@code LIKE} patterns from literal text: the wildcards {@code %} and {@code _} and the
 * escape character itself are escaped, so the text matches only itself.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** How the literal text sits in the pattern. */
    public enum Position {
        /** Anywhere: {@code %text%}. */
        CONTAINS,
        /** At the start: {@code text%}. */
        STARTS_WITH,
        /** At the end: {@code %text}. */
        ENDS_WITH
    }

    /** The pattern matching {@code text} at {@code position}, escaped with {@code escape}. */
    public static String of(String text, Position position, char escape) {
        StringBuilder pattern = new StringBuilder(text.length() + 4);
        if (position != Position.STARTS_WITH) {
            pattern.append('%');
        }
        appendEscaped(pattern, text, escape);
        if (position != Position.ENDS_WITH) {
            pattern.append('%');
        }
        return pattern.toString();
    }

    /** Appends {@code text} with {@code %}, {@code _} and {@code escape} each preceded by {@code escape}. */
    public static void appendEscaped(StringBuilder pattern, String text, char escape) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == escape) {
                pattern.append(escape);
            }
            pattern.append(c);
        }
    }
}
