package dev.refract.codegen.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each syntax error is reported with its exact message, position and hint, and parsing goes on. */
class SyntaxErrorTest {

    @Test
    void suggestsTheKeywordForAMisspeltBlockKeyword() {
        ParseResult result = parse("modle User {\n  id Int\n}\n\nmodel Post {\n  id Int\n}\n");
        assertOnly(result, 1, 1, "Unexpected \"modle\". A top-level block starts with datasource, generator, model,"
                + " enum or type.", "Did you mean \"model\"?");
        assertThat(result.schema().models()).extracting(m -> m.name().name()).containsExactly("Post");
    }

    @Test
    void explainsAnUnknownTopLevelWordThatResemblesNoKeyword() {
        assertOnly(parse("table User {\n  id Int\n}\n"), 1, 1, "Unexpected \"table\". A top-level block starts with "
                + "datasource, generator, model, enum or type.",
                "Start each block with its keyword, e.g. model User { ... }.");
    }

    @Test
    void reportsABlockThatIsNeverClosed() {
        ParseResult result = parse("model User {\n  id Int\n  name String\n");
        assertOnly(result, 1, 1, "The model \"User\" is never closed.", "Add \"}\" after its last line.");
        assertThat(result.schema().models().get(0).fields()).hasSize(2);
    }

    @Test
    void reportsAnUnclosedBlockWhereTheNextBlockStarts() {
        ParseResult result = parse("enum Role {\n  USER\n\n/// Posts.\nmodel Post {\n  id Int\n}\n");
        assertOnly(result, 1, 1, "The enum \"Role\" is never closed.", "Add \"}\" after its last line.");
        assertThat(result.schema().enums().get(0).values()).hasSize(1);
        assertThat(result.schema().enums().get(0).members()).hasSize(2);
        ModelBlock post = result.schema().models().get(0);
        assertThat(post.field("id")).isPresent();
        assertThat(post.doc()).isEqualTo("Posts.");
    }

    @Test
    void reportsAFieldWithoutAType() {
        ParseResult result = parse("model User {\n  id Int\n  email\n  name String\n}\n");
        assertOnly(result, 3, 3, "Field \"email\" has no type.",
                "Write the type after the field name, e.g. \"email String\".");
        assertThat(result.schema().models().get(0).fields()).extracting(f -> f.name().name())
                .containsExactly("id", "name");
    }

    @Test
    void reportsAFieldWithAttributesButNoType() {
        assertOnly(parse("model User {\n  email @unique\n}\n"), 2, 3, "Field \"email\" has no type.",
                "Write the type after the field name, e.g. \"email String\".");
    }

    @Test
    void suggestsTheDefaultAttributeForAValueAfterTheType() {
        assertOnly(parse("model User {\n  age Int = 3\n}\n"), 2, 11, "Unexpected \"=\" after field \"age\". Only "
                + "attributes (@name) may follow a field's type.", "Give a default value with an attribute, e.g. "
                + "@default(0).");
    }

    @Test
    void reportsAMissingCommaBetweenArguments() {
        assertOnly(parse("model A {\n  b B @relation(fields: [bId] references: [id])\n  bId Int\n}\n"), 2, 31,
                "Expected \",\" or \")\" in the argument list, found \"references\".",
                "Separate the arguments with \",\".");
    }

    @Test
    void explainsThatNamesDoNotStartWithADigit() {
        assertOnly(parse("model A {\n  2fa Boolean\n}\n"), 2, 3, "Unexpected \"2\" in model \"A\". A line holds a field"
                + " (name Type), a block attribute (@@name) or a comment.",
                "Names start with a letter or \"_\", e.g. \"field2\" rather than \"2field\".");
    }

    @Test
    void reportsAColonBetweenFieldNameAndType() {
        assertOnly(parse("model User {\n  age: Int\n}\n"), 2, 6, "Unexpected \":\" after field \"age\".",
                "Fields are written without a colon: \"age Int\".");
    }

    @Test
    void reportsAnUnterminatedStringOnce() {
        assertOnly(parse("datasource db {\n  provider = \"postgresql\n  url = env(\"URL\")\n}\n"), 2, 14,
                "This string is not closed before the end of the line.",
                "Add the closing quote (\"); a quote inside a string is written \\\".");
    }

    @Test
    void reportsAnUnterminatedStringInsideArgumentsWithoutAnUnclosedParenthesis() {
        assertOnly(parse("model A {\n  id String @default(\"abc)\n}\n"), 2, 22,
                "This string is not closed before the end of the line.",
                "Add the closing quote (\"); a quote inside a string is written \\\".");
    }

    @Test
    void reportsAnUnexpectedCharacter() {
        ParseResult result = parse("model A {\n  id Int $\n}\n");
        assertOnly(result, 2, 10, "Unexpected character \"$\".",
                "Remove it; names use letters, digits and \"_\", and text goes in quotes.");
        assertThat(result.schema().models().get(0).field("id")).isPresent();
    }

    @Test
    void reportsARunOfUnexpectedCharactersOnce() {
        Diagnostic diagnostic = only(parse("model A {\n  id Int %%%%\n}\n"));
        assertThat(diagnostic.message()).isEqualTo("Unexpected character \"%\".");
        assertThat(diagnostic.span().length()).isEqualTo(4);
    }

    @Test
    void namesInvisibleCharactersByTheirCodePoint() {
        assertOnly(parse("model A {\n  id Int\u0000\n}\n"), 2, 9, "Unexpected character U+0000.",
                "Remove it; names use letters, digits and \"_\", and text goes in quotes.");
    }

    @Test
    void explainsThatNamesAreAscii() {
        assertOnly(parse("model Caf\u00e9 {\n  id Int\n}\n"), 1, 10, "Unexpected character \"\u00e9\" (U+00E9).",
                "Names use only ASCII letters, digits and \"_\"; put other text in a string (\"...\").");
    }

    @Test
    void reportsAMissingEqualsSign() {
        assertOnly(parse("datasource db {\n  provider \"postgresql\"\n}\n"), 2, 12,
                "Expected \"=\" after \"provider\", found string \"postgresql\".",
                "Write each property as key = value: provider = \"postgresql\"");
    }

    @Test
    void reportsAMissingEqualsSignAtTheEndOfTheLine() {
        assertOnly(parse("datasource db {\n  provider\n}\n"), 2, 11, "Expected \"=\" after \"provider\", found end of line.",
                "Write each property as key = value: provider = \"value\"");
    }

    @Test
    void reportsAMissingValue() {
        assertOnly(parse("generator client {\n  provider =\n}\n"), 2, 12,
                "Expected a value after \"provider =\", found end of line.", ExpressionParser.VALUE_HINT);
    }

    @Test
    void reportsCommasBetweenProperties() {
        assertOnly(parse("datasource db { provider = \"postgresql\", url = env(\"URL\") }\n"), 1, 40,
                "Unexpected \",\" after property \"provider\".",
                "Properties are separated by spaces or new lines, not commas: remove the \",\".");
    }

    @Test
    void reportsAnUnclosedParenthesis() {
        assertOnly(parse("model A {\n  id String @default(cuid()\n}\n"), 2, 21,
                "Unclosed \"(\": the argument list is not closed before the end of the line.",
                "Add \")\" to close it.");
    }

    @Test
    void reportsAnUnclosedBracket() {
        assertOnly(parse("model A {\n  a Int\n  b Int\n  @@id([a, b\n}\n"), 4, 8,
                "Unclosed \"[\": the list is not closed before the end of the line.", "Add \"]\" to close it.");
    }

    @Test
    void reportsABracketClosedByAParenthesis() {
        assertOnly(parse("model A {\n  a Int\n  @@index([a)\n}\n"), 3, 13,
                "Expected \",\" or \"]\" in the list, found \")\".",
                "Close each \"(\" with \")\" and each \"[\" with \"]\", innermost first.");
    }

    @Test
    void reportsAClosingParenthesisWithoutItsOpening() {
        assertOnly(parse("model A {\n  at DateTime @default(now()))\n}\n"), 2, 30,
                "Unexpected \")\" without a matching \"(\".", "Remove it, or add the \"(\" it should close.");
    }

    @Test
    void reportsElementsWithoutComma() {
        assertOnly(parse("model A {\n  a Int\n  b Int\n  @@id([a b])\n}\n"), 4, 11,
                "Expected \",\" or \"]\" in the list, found \"b\".", "Separate the elements with \",\".");
    }

    @Test
    void reportsAStrayClosingBrace() {
        ParseResult result = parse("model A {\n  id Int\n}\n}\nmodel B {\n  id Int\n}\n");
        assertOnly(result, 4, 1, "Unexpected \"}\" outside of any block.",
                "Remove it, or check that the block it should close opens with \"{\".");
        assertThat(result.schema().models()).hasSize(2);
    }

    @Test
    void reportsABlockWithoutAName() {
        ParseResult result = parse("model {\n  id Int\n}\n");
        assertOnly(result, 1, 7, "Expected a name after \"model\", found \"{\".", "Name the block, e.g. model User { ... }.");
        assertThat(result.schema().models().get(0).fields()).hasSize(1);
    }

    @Test
    void reportsABlockWithoutItsOpeningBrace() {
        assertOnly(parse("model User\n  id Int\n}\n\nenum Role {\n  USER\n}\n"), 1, 7,
                "Expected \"{\" after model \"User\", found end of line.",
                "Open the block with \"{\" on the same line as its name: model User {");
    }

    @Test
    void reportsAFieldAttributeOnALineOfItsOwn() {
        assertOnly(parse("model A {\n  id Int\n  @unique\n}\n"), 3, 3, "The field attribute \"@unique\" must follow a "
                + "field's type.",
                "Put it after the type on its field's line, or make it a block attribute: \"@@unique\".");
    }

    @Test
    void reportsAnAttributeWithoutAName() {
        assertOnly(parse("model A {\n  id Int @(1)\n}\n"), 2, 11,
                "Expected an attribute name after \"@\", found \"(\".",
                "Write the name right after the at-sign, e.g. @id, @default(now()) or @@map(\"table\").");
    }

    @Test
    void reportsAnOptionalList() {
        assertOnly(parse("model A {\n  tags String[]?\n}\n"), 2, 16, "The list field \"tags\" cannot be optional.",
                "Remove the \"?\": a list that holds nothing is empty.");
    }

    @Test
    void reportsAnUnquotedUnsupportedType() {
        assertOnly(parse("model A {\n  area Unsupported(polygon)\n}\n"), 2, 20,
                "Expected the native type as a string in Unsupported(...), found \"polygon\".",
                "Write the database type in quotes, e.g. Unsupported(\"polygon\").");
    }

    @Test
    void reportsTwoEnumValuesOnOneLine() {
        assertOnly(parse("enum Role {\n  USER ADMIN\n}\n"), 2, 8, "Unexpected \"ADMIN\" after enum value \"USER\". "
                + "Only attributes (@name) may follow an enum value.", "Put each value on a line of its own.");
    }

    @Test
    void reportsAFieldInAConfigBlock() {
        assertOnly(parse("datasource db {\n  @@map(\"x\")\n}\n"), 2, 3, "Unexpected \"@@\" in datasource \"db\". "
                + "This block holds properties written as key = value.",
                "Write each property as key = value, e.g. provider = \"postgresql\".");
    }

    @Test
    void reportsAnUnknownEscape() {
        assertOnly(parse("datasource db {\n  url = \"a\\qb\"\n}\n"), 2, 11,
                "Unknown escape sequence \"\\q\" in a string.",
                "The escapes are \\\" \\\\ \\n \\t \\r and \\uXXXX; write a backslash itself as \\\\.");
    }

    @Test
    void reportsAShortUnicodeEscape() {
        assertOnly(parse("datasource db {\n  url = \"\\u12\"\n}\n"), 2, 10,
                "Invalid unicode escape \"\\u12\": \\u must be followed by four hexadecimal digits.",
                "Write e.g. \\u00e9 for \"\u00e9\".");
    }

    @Test
    void reportsValuesNestedTooDeeply() {
        String nested = "[".repeat(10_000);
        ParseResult result = parse("model A {\n  a Int\n  @@index(" + nested + ")\n  b Int\n}\n");
        assertOnly(result, 3, 11 + ExpressionParser.MAX_DEPTH + 1,
                "This value is nested more than " + ExpressionParser.MAX_DEPTH + " levels deep.",
                "Flatten the nested lists and function calls.");
        assertThat(result.schema().models().get(0).fields()).hasSize(2);
    }

    @Test
    void reportsEverySyntaxErrorOfAFileAtOnce() {
        String text = """
                datasource db {
                  provider "postgresql"
                  url = env("DATABASE_URL"
                }

                modle Draft {
                  id Int
                }

                model User {
                  id    Int @id
                  email
                  name  String @default("anonymous)
                  role  Role @default(USER))
                }

                enum Role {
                  USER ADMIN
                }
                }
                """;
        ParseResult result = parse(text);
        assertThat(result.diagnostics()).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::message)
                .containsExactly(
                        tuple(2, 12, "Expected \"=\" after \"provider\", found string \"postgresql\"."),
                        tuple(3, 12, "Unclosed \"(\": the argument list is not closed before the end of the line."),
                        tuple(6, 1, "Unexpected \"modle\". A top-level block starts with datasource, generator, model, "
                                + "enum or type."),
                        tuple(12, 3, "Field \"email\" has no type."),
                        tuple(13, 25, "This string is not closed before the end of the line."),
                        tuple(14, 28, "Unexpected \")\" without a matching \"(\"."),
                        tuple(18, 8, "Unexpected \"ADMIN\" after enum value \"USER\". Only attributes (@name) may "
                                + "follow an enum value."),
                        tuple(20, 1, "Unexpected \"}\" outside of any block."));
        ModelBlock user = result.schema().models().get(0);
        assertThat(user.fields()).extracting(f -> f.name().name()).containsExactly("id", "name", "role");
    }

    @Test
    void stopsReportingAfterTheLimitWithANote() {
        String body = "  x\n".repeat(Problems.LIMIT + 50);
        ParseResult result = parse("model A {\n" + body + "}\n");
        assertThat(result.diagnostics()).hasSize(Problems.LIMIT + 1);
        assertThat(result.diagnostics().get(Problems.LIMIT).message())
                .isEqualTo("Too many syntax errors: only the first " + Problems.LIMIT + " are reported.");
    }

    @Test
    void rendersTheLineWithACaretUnderTheSpot() {
        Diagnostic diagnostic = only(parse("model User {\n  id Int\n  email\n}\n"));
        assertThat(diagnostic.render()).isEqualTo("""
                schema.prisma:3:3: error: Field "email" has no type.
                   3 |   email
                     |   ^^^^^
                  hint: Write the type after the field name, e.g. "email String".
                """);
    }

    static ParseResult parse(String text) {
        return SchemaParser.parse(new SourceFile("schema.prisma", text));
    }

    private static Diagnostic only(ParseResult result) {
        assertThat(result.diagnostics()).hasSize(1);
        return result.diagnostics().get(0);
    }

    private static void assertOnly(ParseResult result, int line, int column, String message, String hint) {
        List<Diagnostic> diagnostics = result.diagnostics();
        assertThat(diagnostics).extracting(Diagnostic::message).containsExactly(message);
        Diagnostic diagnostic = diagnostics.get(0);
        assertThat(diagnostic.isError()).isTrue();
        assertThat(diagnostic.hint()).isEqualTo(hint);
        assertThat(diagnostic.line()).as("line").isEqualTo(line);
        assertThat(diagnostic.column()).as("column").isEqualTo(column);
        assertThat(result.hasErrors()).isTrue();
    }
}
