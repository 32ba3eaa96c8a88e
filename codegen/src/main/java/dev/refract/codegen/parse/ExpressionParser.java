package dev.refract.codegen.parse;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses attributes and the values written in properties and arguments. An error throws
 * {@link LineAbandoned} after reporting it; lists and argument lists must close on their line.
 */
final class ExpressionParser {

    /** How deeply lists and calls may nest; far beyond any real schema, well within the stack. */
    static final int MAX_DEPTH = 64;

    static final String VALUE_HINT = "A value is a string (\"text\"), a number, true or false, a name, "
            + "a function call such as env(\"DATABASE_URL\"), or a list such as [a, b].";

    private final TokenCursor cursor;
    private final Problems problems;

    ExpressionParser(TokenCursor cursor, Problems problems) {
        this.cursor = cursor;
        this.problems = problems;
    }

    /** {@code @name}, {@code @name(args)}, {@code @@name(args)}; the cursor is on the at-sign. */
    Attribute attribute() {
        Token at = cursor.advance();
        boolean blockLevel = at.is(TokenKind.AT_AT);
        Token name = cursor.peek();
        if (!name.is(TokenKind.IDENTIFIER)) {
            throw problems.fail(name.endsLine() ? at.span() : name.span(), "Expected an attribute name after \""
                    + at.value() + "\", found " + describe(name) + ".",
                    "Write the name right after the at-sign, e.g. @id, @default(now()) or @@map(\"table\").");
        }
        cursor.advance();
        if (cursor.at(TokenKind.LEFT_PAREN)) {
            Arguments arguments = arguments(0);
            return new Attribute(name.value(), blockLevel, arguments.list(), true, null,
                    new Span(at.start(), arguments.end()));
        }
        return new Attribute(name.value(), blockLevel, List.of(), false, null, new Span(at.start(), name.end()));
    }

    /** One value; the cursor is on its first token. */
    Expression expression() {
        return expression(0);
    }

    private Expression expression(int depth) {
        Token token = cursor.peek();
        if (depth > MAX_DEPTH) {
            throw problems.fail(token.span(), "This value is nested more than " + MAX_DEPTH + " levels deep.",
                    "Flatten the nested lists and function calls.");
        }
        switch (token.kind()) {
            case STRING -> {
                cursor.advance();
                return new Expression.StringLiteral(token.value(), token.span());
            }
            case NUMBER -> {
                cursor.advance();
                return new Expression.NumberLiteral(token.value(), token.span());
            }
            case IDENTIFIER -> {
                cursor.advance();
                if (cursor.at(TokenKind.LEFT_PAREN)) {
                    Arguments arguments = arguments(depth + 1);
                    return new Expression.FunctionCall(token.value(), arguments.list(),
                            new Span(token.start(), arguments.end()));
                }
                if (token.value().equals("true") || token.value().equals("false")) {
                    return new Expression.BooleanLiteral(token.value().equals("true"), token.span());
                }
                return new Expression.ConstantRef(token.value(), token.span());
            }
            case LEFT_BRACKET -> {
                return array(depth + 1);
            }
            default -> throw problems.fail(token.span(), "Expected a value, found " + describe(token) + ".",
                    VALUE_HINT);
        }
    }

    private Expression.ArrayLiteral array(int depth) {
        Token open = cursor.advance();
        List<Expression> elements = new ArrayList<>();
        while (true) {
            if (cursor.at(TokenKind.RIGHT_BRACKET)) {
                return new Expression.ArrayLiteral(elements, new Span(open.start(), cursor.advance().end()));
            }
            elements.add(expression(depth));
            Token next = cursor.peek();
            if (next.is(TokenKind.COMMA)) {
                cursor.advance();
            } else if (!next.is(TokenKind.RIGHT_BRACKET)) {
                throw unclosed(open, next, "]", "list");
            }
        }
    }

    /** The arguments in parentheses and where the closing parenthesis ends. */
    private record Arguments(List<Argument> list, int end) {}

    private Arguments arguments(int depth) {
        Token open = cursor.advance();
        List<Argument> arguments = new ArrayList<>();
        while (true) {
            if (cursor.at(TokenKind.RIGHT_PAREN)) {
                return new Arguments(arguments, cursor.advance().end());
            }
            arguments.add(argument(depth));
            Token next = cursor.peek();
            if (next.is(TokenKind.COMMA)) {
                cursor.advance();
            } else if (!next.is(TokenKind.RIGHT_PAREN)) {
                throw unclosed(open, next, ")", "argument list");
            }
        }
    }

    private Argument argument(int depth) {
        Token first = cursor.peek();
        if (first.is(TokenKind.IDENTIFIER) && cursor.peek(1).is(TokenKind.COLON)) {
            cursor.advance();
            cursor.advance();
            Expression value = expression(depth);
            return new Argument(new Identifier(first.value(), first.span()), value,
                    new Span(first.start(), value.span().end()));
        }
        Expression value = expression(depth);
        return new Argument(null, value, value.span());
    }

    /** The error for a list or argument list that does not go on with "," or close where it should. */
    private LineAbandoned unclosed(Token open, Token found, String closer, String what) {
        if (found.endsLine() || found.is(TokenKind.RIGHT_BRACE)) {
            if (cursor.previous().unterminated()) {
                // The unterminated string swallowed the closing bracket; that error is reported already.
                return new LineAbandoned();
            }
            return problems.fail(open.span(), "Unclosed \"" + open.value() + "\": the " + what
                    + " is not closed before the end of the line.", "Add \"" + closer + "\" to close it.");
        }
        boolean mismatched = found.is(TokenKind.RIGHT_PAREN) || found.is(TokenKind.RIGHT_BRACKET);
        return problems.fail(found.span(), "Expected \",\" or \"" + closer + "\" in the " + what + ", found "
                + describe(found) + ".", mismatched
                        ? "Close each \"(\" with \")\" and each \"[\" with \"]\", innermost first."
                        : "Separate the " + (closer.equals(")") ? "arguments" : "elements") + " with \",\".");
    }

    private String describe(Token token) {
        return describe(token, problems);
    }

    /** A token as named in messages: {@code "model"}, {@code string "abc"}, {@code end of line}. */
    static String describe(Token token, Problems problems) {
        String text = problems.file().text();
        return switch (token.kind()) {
            case NEWLINE -> "end of line";
            case END_OF_FILE -> "end of file";
            case COMMENT, DOC_COMMENT -> "a comment";
            case STRING -> "string " + Characters.quote(token.value());
            default -> Characters.quote(text.substring(token.start(), token.end()));
        };
    }
}
