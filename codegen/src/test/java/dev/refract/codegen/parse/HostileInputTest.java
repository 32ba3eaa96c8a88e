package dev.refract.codegen.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Huge, binary or absurdly nested input is parsed quickly into a bounded number of diagnostics. */
class HostileInputTest {

    private static final int MEGABYTE = 1 << 20;

    @Test
    void survivesAMegabyteOfOpeningBraces() {
        ParseResult result = parseQuickly("{".repeat(MEGABYTE));
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "Unexpected \"{\". A top-level block starts with datasource, generator, model, enum or type.");
    }

    @Test
    void survivesAMegabyteOfOpeningBracketsInsideAnAttribute() {
        ParseResult result = parseQuickly("model A {\n  id Int @default(" + "[".repeat(MEGABYTE) + "\n}\n");
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("This value is nested more than " + ExpressionParser.MAX_DEPTH + " levels deep.");
        assertThat(result.schema().models().get(0).fields()).hasSize(1);
    }

    @Test
    void survivesDeeplyNestedFunctionCalls() {
        ParseResult result = parseQuickly("datasource db {\n  url = " + "env(".repeat(100_000) + "\n}\n");
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("This value is nested more than " + ExpressionParser.MAX_DEPTH + " levels deep.");
    }

    @Test
    void survivesAMegabyteOfNulBytes() {
        ParseResult result = parseQuickly("\u0000".repeat(MEGABYTE));
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("Unexpected character U+0000.");
        assertThat(result.diagnostics().get(0).render()).contains("^");
    }

    @Test
    void survivesLoneSurrogatesAndControlCharacters() {
        String text = "model A\uD800 {\n  id\uDC00 Int \u0007\n  s String @default(\"\uD800\")\n}\n\uDBFF";
        ParseResult result = parseQuickly(text);
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "Unexpected character U+D800.", "Unexpected character U+DC00.", "Unexpected character U+0007.",
                "Unexpected character U+DBFF.");
        result.diagnostics().forEach(d -> assertThat(d.render()).isNotEmpty());
        assertThat(result.schema().models().get(0).fields()).hasSize(2);
    }

    @Test
    void survivesAMegabyteLongName() {
        ParseResult result = parseQuickly("x".repeat(MEGABYTE));
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).hasSizeLessThan(200);
            assertThat(d.hint()).isEqualTo("Start each block with its keyword, e.g. model User { ... }.");
        });
    }

    @Test
    void survivesAMegabyteOfQuotes() {
        assertThat(parseQuickly("\"".repeat(MEGABYTE + 1)).diagnostics()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void survivesThousandsOfUnclosedBlocks() {
        ParseResult result = parseQuickly("model A {\n".repeat(100_000));
        assertThat(result.diagnostics()).hasSize(Problems.LIMIT + 1);
        assertThat(result.diagnostics().get(0).message()).isEqualTo("The model \"A\" is never closed.");
    }

    @Test
    void parsesALargeValidSchemaWithoutDiagnostics() {
        StringBuilder text = new StringBuilder(ValidSchemas.SMALL);
        for (int i = 0; i < 5_000; i++) {
            text.append("\nmodel M").append(i).append(" {\n  id   Int    @id @default(autoincrement())\n")
                    .append("  name String @db.VarChar(255) // the name\n  @@index([name(sort: Desc)])\n}\n");
        }
        ParseResult result = parseQuickly(text.toString());
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.schema().models()).hasSize(5_001);
    }

    private static ParseResult parseQuickly(String text) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> SchemaParser.parse(new SourceFile("hostile.prisma", text)));
    }
}
