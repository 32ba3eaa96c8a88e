package dev.refract.codegen.parse;

import java.util.List;
import java.util.Set;

/** A position in the token list, with the look-ahead and the resynchronisation the parser needs. */
final class TokenCursor {

    private final List<Token> tokens;
    private int position;

    /** {@code tokens} must end with {@link TokenKind#END_OF_FILE}. */
    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    /** Consumes the current token; the end of the file is never consumed. */
    Token advance() {
        Token token = peek();
        if (token.kind() != TokenKind.END_OF_FILE) {
            position++;
        }
        return token;
    }

    /** The last consumed token, or the first token when none was consumed yet. */
    Token previous() {
        return tokens.get(Math.max(0, position - 1));
    }

    /** True when the current token is the first one on its line. */
    boolean atLineStart() {
        return position == 0 || tokens.get(position - 1).kind() == TokenKind.NEWLINE;
    }

    /** Where the last consumed token that is not a line break or comment ends. */
    int lastContentEnd() {
        for (int i = position - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            if (!token.endsLine()) {
                return token.end();
            }
        }
        return 0;
    }

    /**
     * Skips to the end of the current line, but stops before a closing brace that ends the enclosing
     * block so that a one-line block still ends where it should.
     */
    void skipRestOfLine() {
        int depth = 0;
        while (true) {
            Token token = peek();
            switch (token.kind()) {
                case NEWLINE, END_OF_FILE -> {
                    return;
                }
                case LEFT_BRACE -> depth++;
                case RIGHT_BRACE -> {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                default -> {
                    // skipped
                }
            }
            position++;
        }
    }

    /**
     * Moves to the next {@code kind} token on the current line and returns true, or stays and
     * returns false when the line has none.
     */
    boolean skipToOnLine(TokenKind kind) {
        for (int i = position; ; i++) {
            TokenKind found = tokens.get(i).kind();
            if (found == kind) {
                position = i;
                return true;
            }
            if (found == TokenKind.NEWLINE || found == TokenKind.END_OF_FILE) {
                return false;
            }
        }
    }

    /**
     * Top-level recovery: skips at least one token, then up to the next block keyword at the start
     * of a line, or past the closing brace of a block the skipped text opened.
     */
    void skipToNextBlock(Set<String> keywords) {
        int depth = 0;
        boolean first = true;
        while (true) {
            Token token = peek();
            if (token.kind() == TokenKind.END_OF_FILE) {
                return;
            }
            if (!first && depth == 0 && token.kind() == TokenKind.IDENTIFIER && keywords.contains(token.value())
                    && atLineStart()) {
                return;
            }
            first = false;
            position++;
            if (token.kind() == TokenKind.LEFT_BRACE) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_BRACE) {
                if (depth <= 1) {
                    return;
                }
                depth--;
            }
        }
    }
}
