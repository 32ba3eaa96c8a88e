package dev.refract.codegen.parse;

import dev.refract.codegen.ast.Block;
import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.Member;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.ast.TopLevelItem;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.source.Span;
import dev.refract.codegen.source.Suggestions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parses a schema file into its syntax tree ({@link Schema}).
 *
 * <p>The parser never stops at the first error: it reports each syntax error with its span and a
 * hint, skips to the next line (inside a block) or to the next block keyword (at the top level),
 * and goes on, so that all the errors of a file are reported at once. It never throws: whatever
 * the text, the result holds the tree of everything that could be parsed and the diagnostics.
 *
 * <pre>{@code
 * ParseResult result = SchemaParser.parse(new SourceFile("schema.prisma", text));
 * result.diagnostics().forEach(d -> System.err.print(d.render()));
 * }</pre>
 */
public final class SchemaParser {

    /** The keywords that open a top-level block, in the order they are listed in messages. */
    private enum Keyword {
        DATASOURCE("datasource"),
        GENERATOR("generator"),
        MODEL("model"),
        ENUM("enum"),
        TYPE("type");

        final String text;

        Keyword(String text) {
            this.text = text;
        }
    }

    private static final Map<String, Keyword> KEYWORDS = Map.of("datasource", Keyword.DATASOURCE,
            "generator", Keyword.GENERATOR, "model", Keyword.MODEL, "enum", Keyword.ENUM, "type", Keyword.TYPE);

    private static final Set<String> KEYWORD_NAMES = KEYWORDS.keySet();

    private final SourceFile file;
    private final Problems problems;
    private final TokenCursor cursor;
    private final BodyParser bodies;

    private SchemaParser(SourceFile file, List<Token> tokens, Problems problems) {
        this.file = file;
        this.problems = problems;
        this.cursor = new TokenCursor(tokens);
        this.bodies = new BodyParser(cursor, problems, KEYWORD_NAMES);
    }

    /**
     * Parses {@code file}. Never throws for any text; the diagnostics are the file's syntax errors,
     * ordered by position, and the schema holds what could be parsed.
     */
    public static ParseResult parse(SourceFile file) {
        Objects.requireNonNull(file, "file");
        Problems problems = new Problems(file);
        try {
            List<Token> tokens = new Lexer(file.text(), problems).tokenize();
            Schema schema = new SchemaParser(file, tokens, problems).schema();
            return new ParseResult(schema, problems.sorted());
        } catch (RuntimeException bug) {
            // The contract is to never throw; a defect here must still surface as a readable error.
            problems.error(new Span(0, 0), "The schema parser failed on this file (" + bug + ").",
                    "This is a defect in Refract; please report it together with the schema file.");
            return new ParseResult(new Schema(file, List.of()), problems.sorted());
        }
    }

    private Schema schema() {
        ItemSink<TopLevelItem> sink = new ItemSink<>(file, comment -> comment, blank -> blank);
        while (!cursor.at(TokenKind.END_OF_FILE)) {
            Token token = cursor.peek();
            switch (token.kind()) {
                case NEWLINE, COMMENT, DOC_COMMENT -> sink.takeLayout(cursor);
                case RIGHT_BRACE -> {
                    problems.error(token.span(), "Unexpected \"}\" outside of any block.",
                            "Remove it, or check that the block it should close opens with \"{\".");
                    cursor.advance();
                }
                default -> {
                    Keyword keyword = token.is(TokenKind.IDENTIFIER) ? KEYWORDS.get(token.value()) : null;
                    if (keyword != null) {
                        String doc = sink.takeDoc();
                        ParsedBlock parsed = block(keyword, doc);
                        sink.add(parsed.block());
                        parsed.nextBlockDocs().forEach(sink::doc);
                    } else {
                        unexpectedAtTopLevel(token);
                        cursor.skipToNextBlock(KEYWORD_NAMES);
                    }
                }
            }
        }
        return new Schema(file, sink.finish());
    }

    private void unexpectedAtTopLevel(Token token) {
        String hint = "Start each block with its keyword, e.g. model User { ... }.";
        if (token.is(TokenKind.IDENTIFIER)) {
            // Keywords are short and few: a typo of at most two edits, and never the whole word.
            int maxEdits = Math.min(2, token.value().length() - 1);
            hint = Suggestions.closest(token.value(), KEYWORD_NAMES, maxEdits).map(k -> "Did you mean \"" + k + "\"?")
                    .orElse(hint);
        }
        problems.error(token.span(), "Unexpected " + ExpressionParser.describe(token, problems)
                + ". A top-level block starts with datasource, generator, model, enum or type.", hint);
    }

    /** A block, and the doc lines of the next block when this one was never closed. */
    private record ParsedBlock(Block block, List<Token> nextBlockDocs) {}

    private ParsedBlock block(Keyword keyword, String doc) {
        Token keywordToken = cursor.advance();
        Token nameToken = cursor.peek();
        Identifier name;
        boolean named = nameToken.is(TokenKind.IDENTIFIER);
        if (named) {
            cursor.advance();
            name = new Identifier(nameToken.value(), nameToken.span());
        } else {
            problems.error(nameToken.endsLine() ? keywordToken.span() : nameToken.span(), "Expected a name after \""
                    + keyword.text + "\", found " + ExpressionParser.describe(nameToken, problems) + ".",
                    "Name the block, e.g. " + example(keyword) + ".");
            name = new Identifier("", new Span(keywordToken.end(), keywordToken.end()));
        }
        String owner = named ? keyword.text + " \"" + name + "\"" : keyword.text;
        if (!cursor.at(TokenKind.LEFT_BRACE)) {
            Token found = cursor.peek();
            if (named) {
                problems.error(found.endsLine() ? nameToken.span() : found.span(), "Expected \"{\" after " + owner
                        + ", found " + ExpressionParser.describe(found, problems) + ".",
                        "Open the block with \"{\" on the same line as its name: " + keyword.text + " " + name + " {");
            }
            if (!cursor.skipToOnLine(TokenKind.LEFT_BRACE)) {
                int end = cursor.lastContentEnd();
                cursor.skipToNextBlock(KEYWORD_NAMES);
                return new ParsedBlock(create(keyword, name, doc, List.of(), new Span(keywordToken.start(), end)),
                        List.of());
            }
        }
        Token open = cursor.advance();
        BodyParser.Body body = switch (keyword) {
            case DATASOURCE, GENERATOR -> bodies.configBody(owner);
            case MODEL, TYPE -> bodies.modelBody(owner);
            case ENUM -> bodies.enumBody(owner);
        };
        int end;
        if (body.closingBrace() == null) {
            problems.error(new Span(keywordToken.start(), open.end()), "The " + owner + " is never closed.",
                    "Add \"}\" after its last line.");
            end = Math.max(open.end(), cursor.lastContentEnd());
        } else {
            end = body.closingBrace().end();
        }
        return new ParsedBlock(create(keyword, name, doc, body.members(), new Span(keywordToken.start(), end)),
                body.nextBlockDocs());
    }

    private static Block create(Keyword keyword, Identifier name, String doc, List<Member> members, Span span) {
        return switch (keyword) {
            case DATASOURCE -> new ConfigBlock(ConfigBlock.Kind.DATASOURCE, name, doc, members, span);
            case GENERATOR -> new ConfigBlock(ConfigBlock.Kind.GENERATOR, name, doc, members, span);
            case MODEL -> new ModelBlock(ModelBlock.Kind.MODEL, name, doc, members, span);
            case TYPE -> new ModelBlock(ModelBlock.Kind.COMPOSITE_TYPE, name, doc, members, span);
            case ENUM -> new EnumBlock(name, doc, members, span);
        };
    }

    private static String example(Keyword keyword) {
        return switch (keyword) {
            case DATASOURCE -> "datasource db { ... }";
            case GENERATOR -> "generator client { ... }";
            case MODEL -> "model User { ... }";
            case ENUM -> "enum Role { ... }";
            case TYPE -> "type Address { ... }";
        };
    }
}
