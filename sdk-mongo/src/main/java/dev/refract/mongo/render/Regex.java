package dev.refract.mongo.render;

/**
 * Patterns for {@code $regex} that match a given text literally. Every ASCII character that is not
 * a letter or digit is escaped with a backslash, which both PCRE (the server) and
 * {@link java.util.regex.Pattern} read as that character itself; the end of a text is {@code \z},
 * as {@code $} would also match before a final line break.
 */
public final class Regex {

    private Regex() {
    }

    /** {@code text} with every regular-expression metacharacter escaped. */
    public static String escape(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }

    /** A pattern matching texts that contain {@code text}. */
    public static String contains(String text) {
        return escape(text);
    }

    /** A pattern matching texts that start with {@code text}. */
    public static String startsWith(String text) {
        return "^" + escape(text);
    }

    /** A pattern matching texts that end with {@code text}. */
    public static String endsWith(String text) {
        return escape(text) + "\\z";
    }

    /** A pattern matching {@code text} exactly (with {@code i}: ignoring case). */
    public static String equalTo(String text) {
        return "^" + escape(text) + "\\z";
    }
}
