package dev.refract.redis.key;

/**
 * Escapes one component of a key so that the separators of the key layout, and the characters
 * {@code SCAN MATCH} reads as a pattern, never appear raw inside it: each of
 * {@code % : = , { } * ? [ ] \} becomes {@code %} and two upper-case hex digits. The Lua scripts
 * escape the same characters the same way.
 */
public final class KeyText {

    private static final String SPECIAL = "%:=,{}*?[]\\";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyText() {
    }

    /** {@code text} with every special character escaped. */
    public static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                escaped.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** The text {@link #escape} was given. */
    public static String unescape(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                plain.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    /** {@code text} with the characters {@code SCAN MATCH} reads as a pattern escaped by a backslash. */
    public static String globLiteral(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                literal.append('\\');
            }
            literal.append(c);
        }
        return literal.toString();
    }
}
