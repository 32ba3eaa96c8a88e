package dev.refract.codegen.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.SourceFile;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the formatter over generated schemas: written with random spacing, blank lines,
 * comments, docs and block attributes in odd places, but free of syntax errors.
 */
class SchemaFormatterProperties {

    private final SchemaFormatter formatter = new SchemaFormatter();

    @Property(tries = 300)
    void formattingIsIdempotentAndLosesNothing(@ForAll("schemas") String schema) {
        FormatResult first = formatter.format(new SourceFile("schema.prisma", schema));
        assertThat(first.hasErrors()).as("generated schema should parse: %s", first.diagnostics()).isFalse();

        FormatResult second = formatter.format(new SourceFile("schema.prisma", first.formatted()));

        assertThat(second.formatted()).isEqualTo(first.formatted());
        assertThat(second.changed()).isFalse();
        assertThat(FormatterChecks.nonBlankCharacters(first.formatted()))
                .isEqualTo(FormatterChecks.nonBlankCharacters(schema));
    }

    @Property(tries = 200)
    void formattedTextHasCanonicalLayout(@ForAll("schemas") String schema) {
        String formatted = formatter.format(new SourceFile("schema.prisma", schema)).formatted();

        List<String> lines = formatted.lines().toList();
        assertThat(formatted).satisfiesAnyOf(text -> assertThat(text).isEmpty(), text -> assertThat(text).endsWith("\n"));
        assertThat(formatted).doesNotContain("\n\n\n").doesNotContain("\t").doesNotStartWith("\n");
        for (String line : lines) {
            assertThat(line).as("line without trailing spaces").doesNotEndWith(" ");
            int indent = line.length() - line.stripLeading().length();
            assertThat(indent).as("indentation of %s", line).isIn(0, 2);
        }
    }

    // ---------------------------------------------------------------- generators

    private static final List<String> SCALARS =
            List.of("String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes", "Status");

    private static final List<String> FIELD_ATTRIBUTES = List.of("@id", "@unique", "@default(now())",
            "@default(\"a \\\"quoted\\\" b\")", "@default(0)", "@default(-1.5)", "@default(true)", "@map(\"col\")",
            "@db.VarChar(255)", "@updatedAt", "@default(uuid(7))", "@relation(fields: [a, b], references: [id])");

    private static final List<String> BLOCK_ATTRIBUTES = List.of("@@map(\"table\")", "@@index([a, b])",
            "@@unique([a], map: \"u\")", "@@datasource(docs)", "@@ttl(3600)", "@@cache(cache, ttl: 60)");

    private static Arbitrary<String> space() {
        return Arbitraries.of(" ", "  ", "    ");
    }

    private static Arbitrary<String> indent() {
        return Arbitraries.of("", " ", "  ", "    ", "\t");
    }

    private static Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.', ',').ofMinLength(0).ofMaxLength(24)
                .map(String::strip);
    }

    private static Arbitrary<String> identifier(String prefix) {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(0).ofMaxLength(10)
                .map(rest -> prefix + rest);
    }

    private static Arbitrary<String> trailingComment() {
        return Arbitraries.oneOf(Arbitraries.just(""), words().map(text -> " // " + text),
                words().map(text -> " //" + text));
    }

    private static Arbitrary<String> commentLine() {
        return Combinators.combine(indent(), words()).as((indent, text) -> indent + "// " + text + "\n");
    }

    /**
     * A doc line with some text: a lone empty {@code ///} line reaches the formatter as an empty doc,
     * the same as no doc at all, and so is dropped.
     */
    private static Arbitrary<String> docLine() {
        Arbitrary<String> text = words().filter(words -> !words.isEmpty());
        return Combinators.combine(indent(), text).as((indent, words) -> indent + "/// " + words + "\n");
    }

    private static Arbitrary<String> blankLines() {
        return Arbitraries.of("\n", "\n\n", "  \n");
    }

    private static Arbitrary<String> fieldLine() {
        Arbitrary<String> type = Combinators.combine(Arbitraries.of(SCALARS), Arbitraries.of("", "?", "[]"))
                .as(String::concat);
        Arbitrary<String> attributes = Arbitraries.of(FIELD_ATTRIBUTES).list().ofMaxSize(3)
                .map(list -> list.isEmpty() ? "" : " " + String.join("  ", list));
        return Combinators.combine(indent(), identifier("f"), space(), type, attributes, trailingComment())
                .as((indent, name, space, typeName, attrs, comment) ->
                        indent + name + space + typeName + attrs + comment + "\n");
    }

    private static Arbitrary<String> blockAttributeLine() {
        return Combinators.combine(indent(), Arbitraries.of(BLOCK_ATTRIBUTES), trailingComment())
                .as((indent, attribute, comment) -> indent + attribute + comment + "\n");
    }

    private static Arbitrary<String> model() {
        Arbitrary<String> member = Arbitraries.frequencyOf(Tuple.of(8, fieldLine()), Tuple.of(2, commentLine()),
                Tuple.of(2, docLine()), Tuple.of(2, blankLines()), Tuple.of(2, blockAttributeLine()));
        return Combinators.combine(Arbitraries.of("model", "type"), identifier("M"), member.list().ofMaxSize(12))
                .as((keyword, name, members) -> keyword + " " + name + " {\n" + String.join("", members) + "}\n");
    }

    private static Arbitrary<String> enumBlock() {
        Arbitrary<String> value = Combinators.combine(indent(), identifier("V"),
                Arbitraries.of("", " @map(\"v\")"), trailingComment())
                .as((indent, name, map, comment) -> indent + name + map + comment + "\n");
        Arbitrary<String> member = Arbitraries.frequencyOf(Tuple.of(6, value), Tuple.of(1, commentLine()),
                Tuple.of(1, docLine()), Tuple.of(1, blankLines()), Tuple.of(1, Arbitraries.just("@@map(\"e\")\n")));
        return Combinators.combine(identifier("E"), member.list().ofMaxSize(8))
                .as((name, members) -> "enum " + name + " {\n" + String.join("", members) + "}\n");
    }

    private static Arbitrary<String> datasource() {
        Arbitrary<String> oneLine = identifier("d").map(name ->
                "datasource " + name + " { provider = \"postgresql\" url = env(\"DATABASE_URL\") poolSize = 5 }\n");
        Arbitrary<String> spread = Combinators.combine(identifier("d"), indent(), space(), trailingComment())
                .as((name, indent, space, comment) -> "datasource " + name + " {\n" + indent + "provider" + space
                        + "=" + space + "\"mongodb\"" + comment + "\n" + indent + "url = \"mongodb://localhost/x\"\n}\n");
        return Arbitraries.oneOf(oneLine, spread);
    }

    @Provide
    Arbitrary<String> schemas() {
        Arbitrary<String> item = Arbitraries.frequencyOf(Tuple.of(4, model()), Tuple.of(2, enumBlock()),
                Tuple.of(1, datasource()), Tuple.of(1, commentLine().map(String::stripLeading)),
                Tuple.of(1, docLine().map(String::stripLeading).map(doc -> doc + "model Documented {\n}\n")),
                Tuple.of(2, blankLines()));
        return item.list().ofMaxSize(8).map(items -> String.join("", items));
    }
}
