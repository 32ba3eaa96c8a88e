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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

    @Provide
    Arbitrary<List<int[]>> edits() {
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, 2).flatMap(kind -> Arbitraries.integers()
                .between(0, SEED_LINES.size() - 1).flatMap(line -> Arbitraries.integers()
                        .between(0, REPLACEMENTS.size() - 1).map(word -> new int[] {kind, line, word})));
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void neverThrowsGivesEveryErrorAHintAndResolvesExactlyWhenThereIsNoError(@ForAll("edits") List<int[]> edits) {
        List<String> lines = new ArrayList<>(SEED_LINES);
        for (int[] edit : edits) {
            int line = Math.min(edit[1], lines.size() - 1);
            String word = REPLACEMENTS.get(edit[2]);
            switch (edit[0]) {
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
        String text = String.join("\n", lines);
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
