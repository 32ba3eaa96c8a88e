package dev.refract.codegen.parse;

import dev.refract.codegen.source.Span;

/**
 * One token: its kind, where it stands ({@code [start, end)}) and its value (the name, the
 * resolved string, the number as written, the comment text, or the punctuation itself).
 *
 * @param unterminated true for a string that runs to the end of its line without a closing
 *                     quote; the lexer has reported it, so the parser does not report what
 *                     follows from it (an argument list left open by the swallowed parenthesis)
 */
record Token(TokenKind kind, int start, int end, String value, boolean unterminated) {

    Token(TokenKind kind, int start, int end, String value) {
        this(kind, start, end, value, false);
    }

    Span span() {
        return new Span(start, end);
    }

    boolean is(TokenKind other) {
        return kind == other;
    }

    /** True for the tokens that end a line's content: a comment, a line break or the end of the file. */
    boolean endsLine() {
        return kind == TokenKind.NEWLINE || kind == TokenKind.END_OF_FILE || kind == TokenKind.COMMENT
                || kind == TokenKind.DOC_COMMENT;
    }
}
