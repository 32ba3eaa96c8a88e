package dev.refract.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValidatorRobustnessTest {

    private static final List<String> SEED_LINES = seedLines();

    private static List<String> seedLines() {
        try {
            return List.of(Files.readString(Path.of("..", "examples", "ai-pipeline", "schema.prisma")).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words that, swapped in, turn a valid schema into a wrong one in many different ways. */
    private static final List<String> REPLACEMENTS = List.of("Int", "String?", "PipelineRun[]", "@id", "@unique",
            "@default(auto())", "@db.ObjectId", "@@ignore", "@ignore", "@relation(\"x\")", "Cascade", "SetNull",
            "@@datasource(db)", "@@ttl(0)", "\"mysql\"", "docs", "[]", "?", "runId", "Status", "@map(\"_id\")",
            "@@id([id, name])", "@updatedAt", "@default(1)", "class");

    /** One change to one line of the seed schema: delete it, append a word, or replace its middle word. */
    private record Edit(int kind, int line, String word) {

        static Edit draw(SplittableRandom random) {
            return new Edit(Draw.between(random, 0, 2), Draw.between(random, 0, SEED_LINES.size() - 1),
                    Draw.oneOf(random, REPLACEMENTS));
        }
    }

    @Test
    void neverThrowsGivesEveryErrorAHintAndResolvesExactlyWhenThereIsNoError() {
        RandomCases.forAll(300, random -> editedSeed(Draw.listOf(random, 1, 4, Edit::draw)),
                ValidatorRobustnessTest::validatesConsistently);
    }

    private static String editedSeed(List<Edit> edits) {
        List<String> lines = new ArrayList<>(SEED_LINES);
        for (Edit edit : edits) {
            int line = Math.min(edit.line(), lines.size() - 1);
            String word = edit.word();
            switch (edit.kind()) {
                case 0 -> lines.remove(line);
                case 1 -> lines.set(line, lines.get(line) + " " + word);
                default -> {
                    String[] words = lines.get(line).trim().split("\\s+");
                    if (words.length > 1) {
                        words[words.length / 2] = word;
                        lines.set(line, "  " + String.join(" ", Arrays.asList(words)));
                    }
                }
            }
        }
        return String.join("\n", lines);
    }

    private static void validatesConsistently(String text) {
        SourceFile file = new SourceFile("schema.prisma", text);
        ValidationResult result = SchemaValidator.validate(SchemaParser.parse(file).schema());
        assertThat(result.definition() == null).isEqualTo(result.hasErrors());
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertThat(diagnostic.span().end()).isLessThanOrEqualTo(text.length());
            assertThat(diagnostic.message()).isNotBlank();
            if (diagnostic.isError()) {
                assertThat(diagnostic.hint()).as("hint of " + diagnostic.message()).isNotBlank();
            }
            assertThat(diagnostic.render()).startsWith("schema.prisma:");
        }
    }
}
