package dev.refract.codegen.format;

import static dev.refract.test.random.Draw.between;
import static dev.refract.test.random.Draw.listOf;
import static dev.refract.test.random.Draw.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.SourceFile;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the formatter over generated schemas: written with random spacing, blank lines,
 * comments, docs and block attributes in odd places, but free of syntax errors.
 */
class SchemaFormatterProperties {

    private final SchemaFormatter formatter = new SchemaFormatter();

    @Test
    void formattingIsIdempotentAndLosesNothing() {
        RandomCases.forAll(400, SchemaFormatterProperties::schema, schema -> {
            FormatResult first = formatter.format(new SourceFile("schema.prisma", schema));
            assertThat(first.hasErrors()).as("generated schema should parse: %s", first.diagnostics()).isFalse();

            FormatResult second = formatter.format(new SourceFile("schema.prisma", first.formatted()));

            assertThat(second.formatted()).isEqualTo(first.formatted());
            assertThat(second.changed()).isFalse();
            assertThat(FormatterChecks.nonBlankCharacters(first.formatted()))
                    .isEqualTo(FormatterChecks.nonBlankCharacters(schema));
        });
    }

    @Test
    void formattedTextHasTheCanonicalLayout() {
        RandomCases.forAll(300, SchemaFormatterProperties::schema, schema -> {
            String formatted = formatter.format(new SourceFile("schema.prisma", schema)).formatted();

            if (!formatted.isEmpty()) {
                assertThat(formatted).endsWith("\n").doesNotStartWith("\n");
            }
            assertThat(formatted).doesNotContain("\n\n\n").doesNotContain("\t").doesNotContain("\r");
            for (String line : formatted.lines().toList()) {
                assertThat(line).as("line without trailing spaces").doesNotEndWith(" ");
                int indent = line.length() - line.stripLeading().length();
                assertThat(indent).as("indentation of %s", line).isIn(0, 2);
            }
        });
    }

    // ---------------------------------------------------------------- generators

    private static final List<String> SCALARS =
            List.of("String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes", "Status");

    private static final List<String> FIELD_ATTRIBUTES = List.of("@id", "@unique", "@default(now())",
            "@default(\"a \\\"quoted\\\" b\")", "@default(0)", "@default(-1.5)", "@default(true)", "@map(\"col\")",
            "@db.VarChar(255)", "@updatedAt", "@expiresAt", "@default(uuid(7))", "@relation(fields: [a, b], references: [id])",
            "@relation(fields:[a],references:[id] , onDelete:Cascade)", "@default(\"caf\\u00e9\")");

    private static final List<String> BLOCK_ATTRIBUTES = List.of("@@map(\"table\")", "@@index([a, b])",
            "@@unique([a], map: \"u\")", "@@datasource(docs)", "@@ttl(3600)", "@@cache(cache, ttl: 60)",
            "@@index([a(sort: Desc),b],type:BTree)", "@@ignore");

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    private static String space(SplittableRandom random) {
        return oneOf(random, List.of(" ", "  ", "    ", "\t"));
    }

    private static String indent(SplittableRandom random) {
        return oneOf(random, List.of("", " ", "  ", "    ", "\t"));
    }

    private static String lineEnd(SplittableRandom random) {
        return random.nextInt(10) == 0 ? "  \n" : "\n";
    }

    private static String words(SplittableRandom random, int min) {
        String text = Draw.string(random, LOWER + " .,", min, 24).strip();
        return text.length() < min ? text + "x" : text;
    }

    private static String identifier(SplittableRandom random, String prefix) {
        return prefix + Draw.string(random, LOWER + "0123456789", 0, 10);
    }

    private static String trailingComment(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> " // " + words(random, 0);
            case 1 -> " //" + words(random, 0);
            default -> "";
        };
    }

    private static String commentLine(SplittableRandom random) {
        return indent(random) + "// " + words(random, 0) + lineEnd(random);
    }

    /**
     * A doc line with some text: a lone empty {@code ///} line reaches the formatter as an empty doc,
     * the same as no doc at all, and so is dropped.
     */
    private static String docLine(SplittableRandom random) {
        return indent(random) + "/// " + words(random, 1) + lineEnd(random);
    }

    private static String blankLines(SplittableRandom random) {
        return oneOf(random, List.of("\n", "\n\n", "  \n"));
    }

    private static String fieldLine(SplittableRandom random) {
        String type = oneOf(random, SCALARS) + oneOf(random, List.of("", "?", "[]"));
        List<String> attributes = listOf(random, 0, 3, r -> oneOf(r, FIELD_ATTRIBUTES));
        String written = attributes.isEmpty() ? "" : space(random) + String.join(space(random), attributes);
        return indent(random) + identifier(random, "f") + space(random) + type + written + trailingComment(random)
                + lineEnd(random);
    }

    private static String blockAttributeLine(SplittableRandom random) {
        return indent(random) + oneOf(random, BLOCK_ATTRIBUTES) + trailingComment(random) + lineEnd(random);
    }

    private static String model(SplittableRandom random) {
        List<String> members = listOf(random, 0, 12, r -> {
            int pick = r.nextInt(16);
            if (pick < 8) {
                return fieldLine(r);
            }
            if (pick < 10) {
                return commentLine(r);
            }
            if (pick < 12) {
                return docLine(r);
            }
            return pick < 14 ? blankLines(r) : blockAttributeLine(r);
        });
        return oneOf(random, List.of("model", "type")) + " " + identifier(random, "M") + space(random) + "{\n"
                + String.join("", members) + "}" + trailingComment(random) + "\n";
    }

    private static String enumBlock(SplittableRandom random) {
        List<String> members = listOf(random, 0, 8, r -> switch (r.nextInt(10)) {
            case 0 -> commentLine(r);
            case 1 -> docLine(r);
            case 2 -> blankLines(r);
            case 3 -> "  @@map(\"e\")\n";
            default -> indent(r) + identifier(r, "V") + oneOf(r, List.of("", " @map(\"v\")")) + trailingComment(r)
                    + "\n";
        });
        return "enum " + identifier(random, "E") + " {\n" + String.join("", members) + "}\n";
    }

    private static String datasource(SplittableRandom random) {
        String name = identifier(random, "d");
        if (random.nextBoolean()) {
            return "datasource " + name + " { provider = \"postgresql\" url = env(\"DATABASE_URL\") poolSize = 5 }\n";
        }
        String indent = indent(random);
        String space = space(random);
        return "datasource " + name + " {\n" + indent + "provider" + space + "=" + space + "\"mongodb\""
                + trailingComment(random) + "\n" + indent + "url = \"mongodb://localhost/x\"\n}\n";
    }

    static String schema(SplittableRandom random) {
        List<String> items = listOf(random, 0, 8, r -> switch (between(r, 0, 10)) {
            case 0, 1, 2, 3 -> model(r);
            case 4, 5 -> enumBlock(r);
            case 6 -> datasource(r);
            case 7 -> commentLine(r).stripLeading();
            case 8 -> docLine(r).stripLeading() + "model Documented {\n}\n";
            default -> blankLines(r);
        });
        String schema = String.join("", items);
        return random.nextInt(5) == 0 ? schema.replace("\n", "\r\n") : schema;
    }
}
