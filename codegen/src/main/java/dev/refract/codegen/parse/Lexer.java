package dev.refract.codegen.parse;

import dev.refract.codegen.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a schema file into tokens in one pass. Spaces, tabs and carriage returns are
 * skipped; line breaks are tokens because the language is line-oriented. Lexical errors (an
 * unterminated string, a bad escape, a character that belongs to no token) are reported and
 * skipped, so the parser sees a clean stream and does not report them a second time.
 */
final class Lexer {

    private static final String ESCAPE_HINT =
            "The escapes are \\\" \\\\ \\n \\t \\r and \\uXXXX; write a backslash itself as \\\\.";

    private final String text;
    private final Problems problems;
    private final List<Token> tokens = new ArrayList<>();

    Lexer(String text, Problems problems) {
        this.text = text;
        this.problems = problems;
    }

    /** All tokens of the text, ending with {@link TokenKind#END_OF_FILE}. */
    List<Token> tokenize() {
        int length = text.length();
        // A byte order mark left by some editors is not part of the schema.
        int i = length > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        while (i < length) {
            char c = text.charAt(i);
            switch (c) {
                case ' ', '\t', '\r', '\f' -> i++;
                case '\n' -> i = single(TokenKind.NEWLINE, i);
                case '{' -> i = single(TokenKind.LEFT_BRACE, i);
                case '}' -> i = single(TokenKind.RIGHT_BRACE, i);
                case '(' -> i = single(TokenKind.LEFT_PAREN, i);
                case ')' -> i = single(TokenKind.RIGHT_PAREN, i);
                case '[' -> i = single(TokenKind.LEFT_BRACKET, i);
                case ']' -> i = single(TokenKind.RIGHT_BRACKET, i);
                case '=' -> i = single(TokenKind.EQUALS, i);
                case ':' -> i = single(TokenKind.COLON, i);
                case ',' -> i = single(TokenKind.COMMA, i);
                case '?' -> i = single(TokenKind.QUESTION, i);
                case '@' -> i = at(i);
                case '"' -> i = string(i);
                default -> i = other(c, i);
            }
        }
        tokens.add(new Token(TokenKind.END_OF_FILE, length, length, ""));
        return tokens;
    }

    private int other(char c, int i) {
        if (c == '/' && charAt(i + 1) == '/') {
            return comment(i);
        }
        if (isDigit(c) || c == '-' && isDigit(charAt(i + 1))) {
            return number(i);
        }
        if (isNameStart(c)) {
            return identifier(i);
        }
        return unexpected(i);
    }

    private int single(TokenKind kind, int i) {
        tokens.add(new Token(kind, i, i + 1, text.substring(i, i + 1)));
        return i + 1;
    }

    private int at(int i) {
        if (charAt(i + 1) == '@') {
            tokens.add(new Token(TokenKind.AT_AT, i, i + 2, "@@"));
            return i + 2;
        }
        return single(TokenKind.AT, i);
    }

    private int identifier(int start) {
        int i = start + 1;
        while (true) {
            char c = charAt(i);
            if (isNamePart(c)) {
                i++;
            } else if (c == '.' && isNameStart(charAt(i + 1))) {
                // Dotted names such as db.VarChar are one name.
                i += 2;
            } else {
                break;
            }
        }
        tokens.add(new Token(TokenKind.IDENTIFIER, start, i, text.substring(start, i)));
        return i;
    }

    private int number(int start) {
        int i = start;
        if (charAt(i) == '-') {
            i++;
        }
        i = digits(i);
        if (charAt(i) == '.' && isDigit(charAt(i + 1))) {
            i = digits(i + 1);
        }
        char e = charAt(i);
        if (e == 'e' || e == 'E') {
            char next = charAt(i + 1);
            if (isDigit(next)) {
                i = digits(i + 1);
            } else if ((next == '+' || next == '-') && isDigit(charAt(i + 2))) {
                i = digits(i + 2);
            }
        }
        tokens.add(new Token(TokenKind.NUMBER, start, i, text.substring(start, i)));
        return i;
    }

    private int digits(int from) {
        int i = from;
        while (isDigit(charAt(i))) {
            i++;
        }
        return i;
    }

    private int comment(int start) {
        boolean doc = charAt(start + 2) == '/';
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        int contentStart = Math.min(start + (doc ? 3 : 2), end);
        if (contentStart < end && text.charAt(contentStart) == ' ') {
            contentStart++;
        }
        String content = text.substring(contentStart, end).stripTrailing();
        tokens.add(new Token(doc ? TokenKind.DOC_COMMENT : TokenKind.COMMENT, start, end, content));
        return end;
    }

    private int string(int start) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"') {
                tokens.add(new Token(TokenKind.STRING, start, i + 1, value.toString()));
                return i + 1;
            }
            if (c == '\n' || c == '\r' && charAt(i + 1) == '\n') {
                break;
            }
            if (c == '\\') {
                i = escape(i, value);
            } else {
                value.append(c);
                i++;
            }
        }
        problems.error(new Span(start, i), "This string is not closed before the end of the line.",
                "Add the closing quote (\"); a quote inside a string is written \\\".");
        tokens.add(new Token(TokenKind.STRING, start, i, value.toString(), true));
        return i;
    }

    /** Resolves the escape at {@code i} (a backslash) into {@code value}; returns where the string goes on. */
    private int escape(int i, StringBuilder value) {
        if (i + 1 >= text.length() || charAt(i + 1) == '\n' || charAt(i + 1) == '\r' && charAt(i + 2) == '\n') {
            // A backslash at the end of the line: the caller reports the string as unterminated.
            return i + 1;
        }
        switch (charAt(i + 1)) {
            case '"' -> value.append('"');
            case '\\' -> value.append('\\');
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'u' -> {
                return unicodeEscape(i, value);
            }
            default -> unknownEscape(i, value);
        }
        return i + 2;
    }

    private void unknownEscape(int i, StringBuilder value) {
        problems.error(new Span(i, i + 2), "Unknown escape sequence " + Characters.quoted(text, i, 2)
                + " in a string.", ESCAPE_HINT);
        value.append(text.charAt(i + 1));
    }

    private int unicodeEscape(int i, StringBuilder value) {
        int digits = 0;
        int code = 0;
        while (digits < 4) {
            int digit = Character.digit(charAt(i + 2 + digits), 16);
            if (digit < 0) {
                break;
            }
            code = code * 16 + digit;
            digits++;
        }
        int end = i + 2 + digits;
        if (digits < 4) {
            problems.error(new Span(i, end), "Invalid unicode escape " + Characters.quoted(text, i, end - i)
                    + ": \\u must be followed by four hexadecimal digits.", "Write e.g. \\u00e9 for \"\u00e9\".");
        } else {
            value.append((char) code);
        }
        return end;
    }

    /** Reports a run of characters that start no token as one error. */
    private int unexpected(int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length() && !startsToken(i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        int codePoint = text.codePointAt(start);
        String hint;
        if (codePoint == '/') {
            hint = "Comments start with \"//\".";
        } else if (codePoint == '-') {
            hint = "A minus sign is only allowed directly before a number, e.g. -1.";
        } else if (codePoint > 127 && Character.isLetter(codePoint)) {
            hint = "Names use only ASCII letters, digits and \"_\"; put other text in a string (\"...\").";
        } else {
            hint = "Remove it; names use letters, digits and \"_\", and text goes in quotes.";
        }
        problems.error(new Span(start, i), "Unexpected character " + Characters.describe(codePoint) + ".", hint);
        return i;
    }

    private boolean startsToken(int i) {
        char c = text.charAt(i);
        return switch (c) {
            case ' ', '\t', '\r', '\f', '\n', '{', '}', '(', ')', '[', ']', '=', ':', ',', '?', '@', '"' -> true;
            case '/' -> charAt(i + 1) == '/';
            case '-' -> isDigit(charAt(i + 1));
            default -> isDigit(c) || isNameStart(c);
        };
    }

    private char charAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
