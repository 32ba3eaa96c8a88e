package dev.refract.codegen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Block;
import dev.refract.codegen.ast.ConfigProperty;
import dev.refract.codegen.ast.EnumValue;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Member;
import dev.refract.codegen.ast.TopLevelItem;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.source.Span;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever a schema file holds, the parser returns a result: valid schemas mutated at random
 * (characters and tokens deleted, inserted, duplicated and swapped, truncation, random bytes
 * including NUL, non-ASCII and lone surrogates, a chunk repeated a thousand times) never make it
 * throw, and every diagnostic and every node points inside the text.
 */
class SchemaParserProperties {

    private static final List<String> VALID = ValidSchemas.all();

    /** Pieces of the language that make interesting damage when inserted anywhere. */
    private static final List<String> TOKENS = List.of("{", "}", "(", ")", "[", "]", "@", "@@", "\"", "//", "///",
            "=", ":", ",", "?", "model", "enum", "type", "datasource", "generator", "modle", "\n", "\r\n", "\r", "-",
            "1e", "-1.5", "\\", "\\u12", "Unsupported(", "@default(", "[[[[", "\u0000", "\uD800", "\uDC00", "\u00e9",
            "\uD83D\uDE00", "\t", "\uFEFF", "true", "env(\"X\")");

    private enum Kind {
        DELETE_CHARACTERS, INSERT_CHARACTER, DUPLICATE_RANGE, SWAP_CHARACTERS, DELETE_WORD, INSERT_TOKEN, SWAP_WORDS,
        TRUNCATE, SPLICE_RANDOM, REPEAT_CHUNK
    }

    /** One change to a text; positions are fractions of its length so that they fit any text. */
    private record Mutation(Kind kind, double at, double other, int size, String payload) {

        String apply(String text) {
            int length = text.length();
            int i = (int) (at * length);
            int j = (int) (other * length);
            int from = Math.min(i, j);
            int to = Math.max(i, j);
            return switch (kind) {
                case DELETE_CHARACTERS -> text.substring(0, i) + text.substring(Math.min(length, i + size));
                case INSERT_CHARACTER -> text.substring(0, i) + payload.substring(0, Math.min(1, payload.length()))
                        + text.substring(i);
                case DUPLICATE_RANGE -> text.substring(0, to) + text.substring(from, Math.min(to, from + 200))
                        + text.substring(to);
                case SWAP_CHARACTERS -> swap(text, i, j, 1, 1);
                case DELETE_WORD -> {
                    int[] word = wordAt(text, i);
                    yield text.substring(0, word[0]) + text.substring(word[1]);
                }
                case INSERT_TOKEN -> text.substring(0, i) + TOKENS.get(size % TOKENS.size()) + text.substring(i);
                case SWAP_WORDS -> {
                    int[] a = wordAt(text, from);
                    int[] b = wordAt(text, to);
                    yield a[1] <= b[0] ? swap(text, a[0], b[0], a[1] - a[0], b[1] - b[0]) : text;
                }
                case TRUNCATE -> text.substring(0, i);
                case SPLICE_RANDOM -> text.substring(0, i) + payload + text.substring(Math.min(length, i + size));
                case REPEAT_CHUNK -> text.substring(0, to)
                        + text.substring(from, Math.min(to, from + 1 + size % 24)).repeat(1000) + text.substring(to);
            };
        }

        private static String swap(String text, int a, int b, int lengthA, int lengthB) {
            int first = Math.min(a, b);
            int second = Math.max(a, b);
            int firstLength = first == a ? lengthA : lengthB;
            int secondLength = first == a ? lengthB : lengthA;
            if (second >= text.length() || first + firstLength > second) {
                return text;
            }
            return text.substring(0, first) + text.substring(second, second + secondLength)
                    + text.substring(first + firstLength, second) + text.substring(first, first + firstLength)
                    + text.substring(second + secondLength);
        }

        /** The start and end of the word (run of non-blank characters) at or after {@code i}. */
        private static int[] wordAt(String text, int i) {
            int start = i;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return new int[] {start, end};
        }
    }

    @Test
    void neverThrowsAndPointsInsideTheText() {
        RandomCases.forAll(1000, SchemaParserProperties::mutatedSchema, SchemaParserProperties::parsesWithinTheText);
    }

    private static void parsesWithinTheText(String text) {
        ParseResult result = SchemaParser.parse(new SourceFile("mutated.prisma", text));

        assertThat(result.schema()).isNotNull();
        assertThat(result.schema().file().text()).isSameAs(text);
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertWithin(diagnostic.span(), text);
            assertThat(diagnostic.message()).isNotBlank().doesNotContain("parser failed");
            assertThat(diagnostic.hint()).isNotBlank();
            assertThat(diagnostic.render()).startsWith("mutated.prisma:" + diagnostic.line() + ":")
                    .contains(" | ").contains("^").contains("hint: ");
        }
        assertThat(result.diagnostics()).hasSizeLessThanOrEqualTo(Problems.LIMIT + 1);
        // Ordered by position, except for the note on too many errors, which comes last.
        List<Diagnostic> reported =
                result.diagnostics().subList(0, Math.min(result.diagnostics().size(), Problems.LIMIT));
        assertThat(reported).extracting(d -> d.span().start()).isSorted();
        for (TopLevelItem item : result.schema().items()) {
            assertNodesWithin(item, text);
        }
    }

    @Test
    void blankLinesCommentsAndIndentationKeepAValidSchemaValid() {
        RandomCases.forAll(300, random -> new Layout(Draw.oneOf(random, VALID),
                Draw.listOf(random, 1, 8, r -> Draw.oneOf(r, LINE_INSERTIONS))),
                SchemaParserProperties::keepsItsBlocks);
    }

    /** What may be put between or in front of lines without changing what a schema says. */
    private static final List<String> LINE_INSERTIONS = List.of("", "\n", "\n\n\n", "// a comment\n", "   ", "\t",
            "  // indented comment\n");

    /** A valid schema and the insertions to spread over its lines, in turn. */
    private record Layout(String text, List<String> insertions) {}

    private static void keepsItsBlocks(Layout layout) {
        String text = layout.text();
        List<String> insertions = layout.insertions();
        String[] lines = text.split("\n", -1);
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String insertion = insertions.get(i % insertions.size());
            // Inserted between lines only, never inside a block header line's brace or a one-line block.
            changed.append(insertion.startsWith(" ") ? insertion + lines[i] : lines[i]);
            if (i < lines.length - 1) {
                changed.append('\n');
                if (!insertion.startsWith(" ") && !lines[i].contains("{ ")) {
                    changed.append(insertion);
                }
            }
        }
        ParseResult original = SchemaParser.parse(new SourceFile("valid.prisma", text));
        ParseResult result = SchemaParser.parse(new SourceFile("changed.prisma", changed.toString()));

        assertThat(result.diagnostics()).extracting(Diagnostic::render).isEmpty();
        assertThat(result.schema().blocks()).extracting(b -> b.name().name())
                .isEqualTo(original.schema().blocks().stream().map(b -> b.name().name()).toList());
        assertThat(result.schema().models()).extracting(m -> m.fields().size())
                .isEqualTo(original.schema().models().stream().map(m -> m.fields().size()).toList());
    }

    @Test
    void validSchemasParseWithoutDiagnostics() {
        assertThat(VALID).hasSizeGreaterThanOrEqualTo(6);
        for (String text : VALID) {
            ParseResult result = SchemaParser.parse(new SourceFile("valid.prisma", text));
            assertThat(result.diagnostics()).as(text).extracting(Diagnostic::render).isEmpty();
            assertThat(result.schema().blocks()).isNotEmpty();
        }
    }

    private static String mutatedSchema(SplittableRandom random) {
        String mutated = Draw.oneOf(random, VALID);
        int changes = Draw.between(random, 1, 6);
        for (int i = 0; i < changes; i++) {
            mutated = mutation(random).apply(mutated);
        }
        return mutated;
    }

    private static Mutation mutation(SplittableRandom random) {
        return new Mutation(Draw.oneOf(random, List.of(Kind.values())), random.nextDouble(), random.nextDouble(),
                Draw.between(random, 0, 64), payload(random));
    }

    /** Random text, text made of the language's punctuation, or a few of the characters that break parsers. */
    private static String payload(SplittableRandom random) {
        int pick = random.nextInt(7);
        if (pick < 3) {
            return Draw.anyString(random, 0, 12);
        }
        if (pick < 6) {
            return Draw.string(random, "{}()[]@\"\\/=:,?\n\r\t -.e0123456789abcXYZ_", 0, 12);
        }
        return Draw.string(random, "\u0000\uD800\uDFFF\u00e9\uFFFF\u2028", 1, 6);
    }

    private static void assertWithin(Span span, String text) {
        assertThat(span.start()).isBetween(0, text.length());
        assertThat(span.end()).isBetween(span.start(), text.length());
    }

    private static void assertNodesWithin(TopLevelItem item, String text) {
        if (item instanceof Block block) {
            assertWithin(block.span(), text);
            assertWithin(block.name().span(), text);
            for (Member member : block.members()) {
                assertMemberWithin(member, text);
            }
        }
    }

    private static void assertMemberWithin(Member member, String text) {
        if (member instanceof Field field) {
            assertWithin(field.span(), text);
            assertWithin(field.type().span(), text);
            field.attributes().forEach(a -> assertAttributeWithin(a, text));
        } else if (member instanceof Attribute attribute) {
            assertAttributeWithin(attribute, text);
        } else if (member instanceof ConfigProperty property) {
            assertWithin(property.span(), text);
            assertExpressionWithin(property.value(), text);
        } else if (member instanceof EnumValue value) {
            assertWithin(value.span(), text);
            value.attributes().forEach(a -> assertAttributeWithin(a, text));
        }
    }

    private static void assertAttributeWithin(Attribute attribute, String text) {
        assertWithin(attribute.span(), text);
        attribute.arguments().forEach(a -> assertArgumentWithin(a, text));
    }

    private static void assertArgumentWithin(Argument argument, String text) {
        assertWithin(argument.span(), text);
        assertExpressionWithin(argument.value(), text);
    }

    private static void assertExpressionWithin(Expression expression, String text) {
        assertWithin(expression.span(), text);
        if (expression instanceof Expression.FunctionCall call) {
            call.arguments().forEach(a -> assertArgumentWithin(a, text));
        } else if (expression instanceof Expression.ArrayLiteral array) {
            array.elements().forEach(e -> assertExpressionWithin(e, text));
        }
    }
}
