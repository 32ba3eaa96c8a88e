package dev.refract.codegen.parse;

/** How characters and snippets of the source are quoted in messages. */
final class Characters {

    private static final int MAX_SNIPPET = 40;

    private Characters() {}

    /**
     * A character as a person can read it in a message: {@code "$"} for printable ASCII,
     * {@code "é" (U+00E9)} for other visible characters, {@code U+0000} for the invisible ones.
     */
    static String describe(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        if (codePoint > 32 && codePoint < 127) {
            return "\"" + (char) codePoint + "\"";
        }
        if (Character.isLetterOrDigit(codePoint) || isVisibleSymbol(codePoint)) {
            return "\"" + new String(Character.toChars(codePoint)) + "\" (" + code + ")";
        }
        return code;
    }

    /** {@code length} characters of {@code text} from {@code start}, quoted and shortened for a message. */
    static String quoted(String text, int start, int length) {
        int end = Math.min(text.length(), start + length);
        return quote(text.substring(Math.min(start, end), end));
    }

    /** {@code snippet} in quotes, shortened with an ellipsis when long, invisible characters escaped. */
    static String quote(String snippet) {
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < snippet.length(); i++) {
            if (shown == MAX_SNIPPET) {
                out.append('\u2026');
                break;
            }
            char c = snippet.charAt(i);
            if (c < 32 || c == 127 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
            shown++;
        }
        return out.append('"').toString();
    }

    private static boolean isVisibleSymbol(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL || type == Character.OTHER_SYMBOL
                || type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
    }
}
