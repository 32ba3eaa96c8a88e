package dev.refract.codegen.parse;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.ConfigProperty;
import dev.refract.codegen.ast.EnumValue;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.Member;
import dev.refract.codegen.ast.TypeRef;
import dev.refract.codegen.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Parses what stands between the braces of a block, one line at a time: fields and block
 * attributes of models and composite types, values of enums, properties of datasources and
 * generators. An error abandons the rest of its line only; the next line is parsed as usual.
 */
final class BodyParser {

    /**
     * The members of a body, and its closing brace, or {@code null} when the block was never closed.
     * {@code nextBlockDocs} are the {@code ///} lines that stood right above the next block's
     * keyword when that keyword ended this unclosed body: they document the next block.
     */
    record Body(List<Member> members, Token closingBrace, List<Token> nextBlockDocs) {}

    /** Parses one line of a body; the cursor is on its first token, which it consumes. */
    private interface LineParser {
        void parse(ItemSink<Member> sink, String owner);
    }

    private static final String NAME_START_HINT =
            "Names start with a letter or \"_\", e.g. \"field2\" rather than \"2field\".";

    private final TokenCursor cursor;
    private final Problems problems;
    private final ExpressionParser expressions;
    private final Set<String> blockKeywords;

    BodyParser(TokenCursor cursor, Problems problems, Set<String> blockKeywords) {
        this.cursor = cursor;
        this.problems = problems;
        this.expressions = new ExpressionParser(cursor, problems);
        this.blockKeywords = blockKeywords;
    }

    /** The body of a {@code model} or {@code type}; {@code owner} names the block in messages. */
    Body modelBody(String owner) {
        return body(owner, this::modelLine);
    }

    /** The body of an {@code enum}. */
    Body enumBody(String owner) {
        return body(owner, this::enumLine);
    }

    /** The body of a {@code datasource} or {@code generator}. */
    Body configBody(String owner) {
        return body(owner, this::configLine);
    }

    private Body body(String owner, LineParser lines) {
        ItemSink<Member> sink = new ItemSink<>(problems.file(), comment -> comment, blank -> blank);
        while (true) {
            Token token = cursor.peek();
            switch (token.kind()) {
                case END_OF_FILE -> {
                    return new Body(sink.finish(), null, List.of());
                }
                case RIGHT_BRACE -> {
                    cursor.advance();
                    return new Body(sink.finish(), token, List.of());
                }
                case NEWLINE, COMMENT, DOC_COMMENT -> sink.takeLayout(cursor);
                default -> {
                    if (startsNextBlock()) {
                        // The block was never closed; the top level reports it and goes on from here.
                        List<Token> nextBlockDocs = sink.takePendingDocs();
                        return new Body(sink.finish(), null, nextBlockDocs);
                    }
                    try {
                        lines.parse(sink, owner);
                    } catch (LineAbandoned abandoned) {
                        cursor.skipRestOfLine();
                    }
                }
            }
        }
    }

    /** A line that opens a new block ({@code model Name} and a brace): the current block was never closed. */
    private boolean startsNextBlock() {
        Token token = cursor.peek();
        return token.is(TokenKind.IDENTIFIER) && blockKeywords.contains(token.value()) && cursor.atLineStart()
                && cursor.peek(1).is(TokenKind.IDENTIFIER) && cursor.peek(2).is(TokenKind.LEFT_BRACE);
    }

    // ---------------------------------------------------------------- models and composite types

    private void modelLine(ItemSink<Member> sink, String owner) {
        Token token = cursor.peek();
        switch (token.kind()) {
            case IDENTIFIER -> field(sink);
            case AT_AT -> blockAttribute(sink);
            case AT -> {
                Token name = cursor.peek(1);
                if (!name.is(TokenKind.IDENTIFIER)) {
                    expressions.attribute(); // reports the missing name
                }
                throw problems.fail(token.span().to(name.span()), "The field attribute \"@" + name.value()
                        + "\" must follow a field's type.", "Put it after the type on its field's line, or make it "
                        + "a block attribute: \"@@" + name.value() + "\".");
            }
            default -> throw problems.fail(token.span(), "Unexpected " + describe(token) + " in " + owner
                    + ". A line holds a field (name Type), a block attribute (@@name) or a comment.",
                    token.is(TokenKind.NUMBER) ? NAME_START_HINT
                            : "Write one field per line, e.g. \"email String @unique\".");
        }
    }

    private void field(ItemSink<Member> sink) {
        String doc = sink.takeDoc();
        Token nameToken = cursor.advance();
        Identifier name = identifier(nameToken);
        TypeRef type = fieldType(name);
        memberRest(doc, type.span().end(),
                extra -> unexpectedAfter(extra, "field \"" + name + "\". Only attributes (@name) may follow a field's type",
                        afterFieldHint(extra)),
                rest -> sink.add(new Field(name, type, rest.attributes(), rest.doc(), rest.trailing(),
                        new Span(nameToken.start(), rest.end()))));
    }

    /** What follows a field's type or an enum value's name on its line. */
    private record MemberRest(List<Attribute> attributes, int end, String doc, String trailing) {}

    /**
     * Reads the attributes after a member and its trailing comment, and hands them to {@code add}.
     * A line abandoned part-way still adds the member with what was read, so that later checks see
     * it; the line is abandoned after that.
     *
     * @param doc        the member's doc comment from the lines above
     * @param end        where the member ends before its attributes
     * @param unexpected the error for a token after the attributes that does not end the member
     */
    private void memberRest(String doc, int end, Function<Token, LineAbandoned> unexpected, Consumer<MemberRest> add) {
        List<Attribute> attributes = new ArrayList<>();
        LineAbandoned abandoned = null;
        try {
            while (cursor.at(TokenKind.AT)) {
                Attribute attribute = expressions.attribute();
                attributes.add(attribute);
                end = attribute.span().end();
            }
            if (!atMemberEnd()) {
                throw unexpected.apply(cursor.peek());
            }
        } catch (LineAbandoned e) {
            abandoned = e;
        }
        String trailing = null;
        if (abandoned == null) {
            Trailing comment = trailing();
            trailing = comment.comment();
            doc = joinDoc(doc, comment.doc());
        }
        add.accept(new MemberRest(attributes, end, doc, trailing));
        if (abandoned != null) {
            throw abandoned;
        }
    }

    private static String afterFieldHint(Token extra) {
        return switch (extra.kind()) {
            case AT_AT -> "Put the block attribute on a line of its own.";
            case EQUALS, STRING, NUMBER -> "Give a default value with an attribute, e.g. @default(0).";
            default -> "Put each field on a line of its own.";
        };
    }

    private TypeRef fieldType(Identifier field) {
        Token token = cursor.peek();
        String example = "Write the type after the field name, e.g. \"" + field + " String\".";
        if (token.is(TokenKind.COLON)) {
            Token next = cursor.peek(1);
            String type = next.is(TokenKind.IDENTIFIER) ? next.value() : "String";
            throw problems.fail(token.span(), "Unexpected \":\" after field \"" + field + "\".",
                    "Fields are written without a colon: \"" + field + " " + type + "\".");
        }
        if (token.endsLine() || token.is(TokenKind.AT) || token.is(TokenKind.RIGHT_BRACE)) {
            throw problems.fail(field.span(), "Field \"" + field + "\" has no type.", example);
        }
        if (!token.is(TokenKind.IDENTIFIER)) {
            throw problems.fail(token.span(), "Expected the type of field \"" + field + "\", found "
                    + describe(token) + ".", example);
        }
        cursor.advance();
        int end = token.end();
        String unsupported = null;
        if (token.value().equals("Unsupported") && cursor.at(TokenKind.LEFT_PAREN)) {
            Token open = cursor.advance();
            Token nativeType = cursor.peek();
            if (!nativeType.is(TokenKind.STRING)) {
                throw problems.fail(nativeType.endsLine() ? open.span() : nativeType.span(),
                        "Expected the native type as a string in Unsupported(...), found " + describe(nativeType)
                                + ".", "Write the database type in quotes, e.g. Unsupported(\"polygon\").");
            }
            cursor.advance();
            unsupported = nativeType.value();
            Token close = cursor.peek();
            if (!close.is(TokenKind.RIGHT_PAREN)) {
                if (nativeType.unterminated()) {
                    throw new LineAbandoned();
                }
                throw close.endsLine() || close.is(TokenKind.RIGHT_BRACE)
                        ? problems.fail(open.span(), "Unclosed \"(\": Unsupported(...) is not closed before the "
                                + "end of the line.", "Add \")\" to close it.")
                        : problems.fail(close.span(), "Expected \")\" after the native type of Unsupported, found "
                                + describe(close) + ".", "Write it as Unsupported(\"polygon\").");
            }
            end = cursor.advance().end();
        }
        TypeRef.Arity arity = TypeRef.Arity.REQUIRED;
        if (cursor.at(TokenKind.QUESTION)) {
            arity = TypeRef.Arity.OPTIONAL;
            end = cursor.advance().end();
        } else if (cursor.at(TokenKind.LEFT_BRACKET)) {
            Token open = cursor.advance();
            if (!cursor.at(TokenKind.RIGHT_BRACKET)) {
                throw problems.fail(open.span(), "Expected \"]\" after \"[\" in the type of field \"" + field + "\".",
                        "Write a list type as Type[], e.g. \"" + field + " String[]\".");
            }
            arity = TypeRef.Arity.LIST;
            end = cursor.advance().end();
            if (cursor.at(TokenKind.QUESTION)) {
                throw problems.fail(cursor.peek().span(), "The list field \"" + field + "\" cannot be optional.",
                        "Remove the \"?\": a list that holds nothing is empty.");
            }
        }
        return new TypeRef(identifier(token), arity, unsupported, new Span(token.start(), end));
    }

    private void blockAttribute(ItemSink<Member> sink) {
        Attribute attribute = expressions.attribute();
        if (!atMemberEnd()) {
            sink.add(attribute);
            throw unexpectedAfter(cursor.peek(), "the block attribute \"" + attribute.displayName() + "\"",
                    "Put each block attribute on a line of its own.");
        }
        Trailing trailing = trailing();
        String comment = trailing.comment() != null ? trailing.comment() : trailing.docAsComment();
        if (comment != null) {
            attribute = new Attribute(attribute.name(), true, attribute.arguments(), attribute.hasParentheses(),
                    comment, attribute.span());
        }
        sink.add(attribute);
    }

    // ---------------------------------------------------------------- enums

    private void enumLine(ItemSink<Member> sink, String owner) {
        Token token = cursor.peek();
        switch (token.kind()) {
            case IDENTIFIER -> enumValue(sink);
            case AT_AT -> blockAttribute(sink);
            default -> throw problems.fail(token.span(), "Unexpected " + describe(token) + " in " + owner
                    + ". A line holds a value, a block attribute (@@name) or a comment.",
                    token.is(TokenKind.NUMBER) ? NAME_START_HINT : "Write one value per line, e.g. \"PENDING\".");
        }
    }

    private void enumValue(ItemSink<Member> sink) {
        String doc = sink.takeDoc();
        Token nameToken = cursor.advance();
        Identifier name = identifier(nameToken);
        memberRest(doc, nameToken.end(),
                extra -> unexpectedAfter(extra, "enum value \"" + name
                        + "\". Only attributes (@name) may follow an enum value", "Put each value on a line of its own."),
                rest -> sink.add(new EnumValue(name, rest.attributes(), rest.doc(), rest.trailing(),
                        new Span(nameToken.start(), rest.end()))));
    }

    // ---------------------------------------------------------------- datasources and generators

    private void configLine(ItemSink<Member> sink, String owner) {
        Token token = cursor.peek();
        if (!token.is(TokenKind.IDENTIFIER)) {
            throw problems.fail(token.span(), "Unexpected " + describe(token) + " in " + owner
                    + ". This block holds properties written as key = value.",
                    "Write each property as key = value, e.g. provider = \"postgresql\".");
        }
        // Several properties may share a line: provider = "postgresql" url = env("URL")
        while (true) {
            Token key = cursor.advance();
            Token equals = cursor.peek();
            if (!equals.is(TokenKind.EQUALS)) {
                boolean valueFollows = equals.is(TokenKind.STRING) || equals.is(TokenKind.NUMBER)
                        || equals.is(TokenKind.IDENTIFIER) || equals.is(TokenKind.LEFT_BRACKET);
                String example = valueFollows && !equals.unterminated()
                        ? problems.file().text().substring(equals.start(), equals.end()) : "\"value\"";
                throw problems.fail(equals.endsLine() ? new Span(key.end(), key.end()) : equals.span(),
                        "Expected \"=\" after \"" + key.value() + "\", found " + describe(equals) + ".",
                        "Write each property as key = value: " + key.value() + " = " + example);
            }
            cursor.advance();
            Token first = cursor.peek();
            if (first.endsLine() || first.is(TokenKind.RIGHT_BRACE)) {
                throw problems.fail(equals.span(), "Expected a value after \"" + key.value() + " =\", found "
                        + describe(first) + ".", ExpressionParser.VALUE_HINT);
            }
            Expression value = expressions.expression();
            Trailing trailing = trailing();
            String comment = trailing.comment() != null ? trailing.comment() : trailing.docAsComment();
            sink.add(new ConfigProperty(identifier(key), value, comment, new Span(key.start(), value.span().end())));
            Token next = cursor.peek();
            if (next.is(TokenKind.IDENTIFIER)) {
                continue;
            }
            if (atMemberEnd()) {
                return;
            }
            throw unexpectedAfter(next, "property \"" + key.value() + "\"", next.is(TokenKind.COMMA)
                            ? "Properties are separated by spaces or new lines, not commas: remove the \",\"."
                            : "Start the next property with its key, e.g. url = env(\"DATABASE_URL\").");
        }
    }

    // ---------------------------------------------------------------- shared

    /** The error for a token that cannot follow a member on its line. */
    private LineAbandoned unexpectedAfter(Token extra, String after, String hint) {
        if (extra.is(TokenKind.RIGHT_PAREN) || extra.is(TokenKind.RIGHT_BRACKET)) {
            String opener = extra.is(TokenKind.RIGHT_PAREN) ? "(" : "[";
            return problems.fail(extra.span(), "Unexpected \"" + extra.value() + "\" without a matching \"" + opener
                    + "\".", "Remove it, or add the \"" + opener + "\" it should close.");
        }
        return problems.fail(extra.span(), "Unexpected " + describe(extra) + " after " + after + ".", hint);
    }

    /** A comment at the end of a member's line: {@code //} text, or {@code ///} text that documents it. */
    private record Trailing(String comment, String doc, String docAsComment) {}

    private Trailing trailing() {
        Token token = cursor.peek();
        if (token.is(TokenKind.COMMENT)) {
            cursor.advance();
            return new Trailing(token.value(), null, null);
        }
        if (token.is(TokenKind.DOC_COMMENT)) {
            cursor.advance();
            String text = problems.file().text().substring(token.start() + 2, token.end()).stripTrailing();
            return new Trailing(null, token.value(), text);
        }
        return new Trailing(null, null, null);
    }

    private static String joinDoc(String above, String trailing) {
        if (trailing == null) {
            return above;
        }
        return above.isEmpty() ? trailing : above + "\n" + trailing;
    }

    /** True where a member's line may end: a comment, a line break, the end of the file or the block. */
    private boolean atMemberEnd() {
        Token token = cursor.peek();
        return token.endsLine() || token.is(TokenKind.RIGHT_BRACE);
    }

    private String describe(Token token) {
        return ExpressionParser.describe(token, problems);
    }

    private static Identifier identifier(Token token) {
        return new Identifier(token.value(), token.span());
    }
}
