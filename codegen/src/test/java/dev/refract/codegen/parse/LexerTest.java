package dev.refract.codegen.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer splits text into tokens with exact spans and values. */
class LexerTest {

    @Test
    void splitsAFieldLineIntoTokensWithSpans() {
        assertThat(lex("  id Int? @default(uuid(7))")).extracting(Token::kind, Token::start, Token::end, Token::value)
                .containsExactly(
                        tuple(TokenKind.IDENTIFIER, 2, 4, "id"),
                        tuple(TokenKind.IDENTIFIER, 5, 8, "Int"),
                        tuple(TokenKind.QUESTION, 8, 9, "?"),
                        tuple(TokenKind.AT, 10, 11, "@"),
                        tuple(TokenKind.IDENTIFIER, 11, 18, "default"),
                        tuple(TokenKind.LEFT_PAREN, 18, 19, "("),
                        tuple(TokenKind.IDENTIFIER, 19, 23, "uuid"),
                        tuple(TokenKind.LEFT_PAREN, 23, 24, "("),
                        tuple(TokenKind.NUMBER, 24, 25, "7"),
                        tuple(TokenKind.RIGHT_PAREN, 25, 26, ")"),
                        tuple(TokenKind.RIGHT_PAREN, 26, 27, ")"),
                        tuple(TokenKind.END_OF_FILE, 27, 27, ""));
    }

    @Test
    void keepsDottedNamesWhole() {
        assertThat(lex("@db.VarChar(1) a.b.c")).extracting(Token::kind, Token::value).containsExactly(
                tuple(TokenKind.AT, "@"), tuple(TokenKind.IDENTIFIER, "db.VarChar"), tuple(TokenKind.LEFT_PAREN, "("),
                tuple(TokenKind.NUMBER, "1"), tuple(TokenKind.RIGHT_PAREN, ")"), tuple(TokenKind.IDENTIFIER, "a.b.c"),
                tuple(TokenKind.END_OF_FILE, ""));
    }

    @Test
    void reportsADotThatContinuesNoName() {
        Problems problems = new Problems(new SourceFile("t.prisma", "d. x"));
        assertThat(new Lexer("d. x", problems).tokenize()).extracting(Token::value).containsExactly("d", "x", "");
        assertThat(problems.sorted()).extracting(Diagnostic::message, d -> d.span().start())
                .containsExactly(tuple("Unexpected character \".\".", 1));
    }

    @Test
    void readsBlockAttributeMarkersAndPunctuation() {
        assertThat(lex("@@id {}[]=:,")).extracting(Token::kind).containsExactly(TokenKind.AT_AT,
                TokenKind.IDENTIFIER, TokenKind.LEFT_BRACE, TokenKind.RIGHT_BRACE, TokenKind.LEFT_BRACKET,
                TokenKind.RIGHT_BRACKET, TokenKind.EQUALS, TokenKind.COLON, TokenKind.COMMA, TokenKind.END_OF_FILE);
    }

    @Test
    void readsNumbersAsWritten() {
        assertThat(lex("0 42 -7 3.25 -0.5 1e3 2E+10 6.02e-23")).filteredOn(t -> t.is(TokenKind.NUMBER))
                .extracting(Token::value).containsExactly("0", "42", "-7", "3.25", "-0.5", "1e3", "2E+10", "6.02e-23");
    }

    @Test
    void leavesADotOrExponentWithoutDigitsOutOfTheNumber() {
        assertThat(lex("1e x")).extracting(Token::kind, Token::value).containsExactly(
                tuple(TokenKind.NUMBER, "1"), tuple(TokenKind.IDENTIFIER, "e"), tuple(TokenKind.IDENTIFIER, "x"),
                tuple(TokenKind.END_OF_FILE, ""));
    }

    @Test
    void emitsLineBreaksAndSkipsCarriageReturns() {
        assertThat(lex("a\r\n\tb\n")).extracting(Token::kind, Token::start).containsExactly(
                tuple(TokenKind.IDENTIFIER, 0), tuple(TokenKind.NEWLINE, 2), tuple(TokenKind.IDENTIFIER, 4),
                tuple(TokenKind.NEWLINE, 5), tuple(TokenKind.END_OF_FILE, 6));
    }

    @Test
    void givesCommentsTheirTextWithoutSlashesAndOneSpace() {
        List<Token> tokens = lex("// plain\r\n///  doc  \n//\n///x");
        assertThat(tokens).filteredOn(t -> t.is(TokenKind.COMMENT) || t.is(TokenKind.DOC_COMMENT))
                .extracting(Token::kind, Token::value, Token::end).containsExactly(
                        tuple(TokenKind.COMMENT, "plain", 8),
                        tuple(TokenKind.DOC_COMMENT, " doc", 20),
                        tuple(TokenKind.COMMENT, "", 23),
                        tuple(TokenKind.DOC_COMMENT, "x", 28));
    }

    @Test
    void resolvesEscapesAndKeepsTheSourceSpan() {
        Token string = lex("\"a\\\"b\\\\c\\n\\t\\r\\u00e9\"").get(0);
        assertThat(string.kind()).isEqualTo(TokenKind.STRING);
        assertThat(string.value()).isEqualTo("a\"b\\c\n\t\r\u00e9");
        assertThat(string.span().length()).isEqualTo(21);
        assertThat(string.unterminated()).isFalse();
    }

    @Test
    void marksAStringWithoutClosingQuoteAndEndsItAtTheLineBreak() {
        Problems problems = new Problems(new SourceFile("t.prisma", "x = \"abc\r\ny"));
        List<Token> tokens = new Lexer("x = \"abc\r\ny", problems).tokenize();
        assertThat(tokens.get(2)).satisfies(string -> {
            assertThat(string.value()).isEqualTo("abc");
            assertThat(string.end()).isEqualTo(8);
            assertThat(string.unterminated()).isTrue();
        });
        assertThat(tokens.get(3).kind()).isEqualTo(TokenKind.NEWLINE);
        assertThat(problems.sorted()).extracting(Diagnostic::message)
                .containsExactly("This string is not closed before the end of the line.");
    }

    @Test
    void skipsAByteOrderMarkAtTheStartOnly() {
        assertThat(lex("\uFEFFa")).extracting(Token::kind).containsExactly(TokenKind.IDENTIFIER, TokenKind.END_OF_FILE);
        Problems problems = new Problems(new SourceFile("t.prisma", "a\uFEFF"));
        new Lexer("a\uFEFF", problems).tokenize();
        assertThat(problems.sorted()).extracting(Diagnostic::message).containsExactly("Unexpected character U+FEFF.");
    }

    private static List<Token> lex(String text) {
        Problems problems = new Problems(new SourceFile("t.prisma", text));
        List<Token> tokens = new Lexer(text, problems).tokenize();
        assertThat(problems.sorted()).as("lexical errors").isEmpty();
        return tokens;
    }
}
