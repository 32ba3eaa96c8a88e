package dev.refract.docs.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the guide's samples true: every {@code java} block of a page is a tagged region of a test of
 * this module (which compiles it and runs it), and every {@code prisma} block passes the schema
 * validator unless it is marked as a deliberately invalid example. Run with {@code -Ddocs.sync=true},
 * it rewrites the pages' marked blocks from the regions instead of failing on a difference.
 */
class GuideSamplesTest {

    /** The command that rewrites the pages from the regions, shown in every failure. */
    static final String SYNC_COMMAND = "./mvnw -B -pl docs -am verify -Dtest=GuideSamplesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.sync=true";

    private static final Path PAGES = Path.of("").toAbsolutePath();
    private static final Path SAMPLES = PAGES.resolve("src/test/java");
    private static final Path SCHEMAS = PAGES.resolve("src/test/schemas");

    private final Snippets snippets = Snippets.read(SAMPLES);
    private final List<GuidePage> pages = GuidePage.readAll(PAGES);

    @Test
    void everyJavaBlockIsTheRegionItsMarkerNames() {
        boolean sync = Boolean.getBoolean("docs.sync");
        List<String> problems = new ArrayList<>();
        for (GuidePage page : pages) {
            if (sync) {
                syncPage(page);
            }
            for (FencedBlock block : GuidePage.read(page.file()).blocks()) {
                if (block.language().equals("java")) {
                    checkJava(page, block).ifPresent(problems::add);
                }
            }
        }
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " java block(s) of the guide are not the code that is compiled:\n  "
                        + String.join("\n  ", problems)
                        + "\nA java block follows a line <!-- snippet: ClassName#region --> naming a region"
                        + " (// tag::region[] ... // end::region[]) of a test under docs/src/test/java."
                        + "\nTo rewrite the pages' marked blocks from their regions, run: " + SYNC_COMMAND)
                .isEmpty();
    }

    @Test
    void everySchemaBlockIsValidUnlessMarkedInvalid() {
        SchemaSamples samples = new SchemaSamples(SCHEMAS);
        List<String> problems = new ArrayList<>();
        for (GuidePage page : pages) {
            for (FencedBlock block : page.blocks()) {
                if (!block.language().equals("prisma")) {
                    continue;
                }
                List<Diagnostic> errors = samples.check(block);
                String where = page.name() + ":" + block.line();
                if (block.markedInvalid() && errors.isEmpty()) {
                    problems.add(where + ": marked <!-- invalid -->, but the validator accepts it; fix the example or drop the marker");
                } else if (!block.markedInvalid() && !errors.isEmpty()) {
                    problems.add(where + ": the validator rejects it (mark a deliberately invalid example with <!-- invalid -->):\n"
                            + errors.stream().map(Diagnostic::render).collect(Collectors.joining()));
                }
            }
        }
        assertThat(problems)
                .withFailMessage(() -> "schema samples of the guide:\n  " + String.join("\n  ", problems))
                .isEmpty();
    }

    @Test
    void everyRegionIsShownOnAPage() {
        Set<String> shown = new HashSet<>();
        for (GuidePage page : pages) {
            page.blocks().forEach(b -> b.snippetId().ifPresent(shown::add));
        }
        List<String> unused = snippets.all().stream().filter(s -> !shown.contains(s.id()))
                .map(s -> s.id() + " (" + SAMPLES.relativize(s.source()) + ":" + s.line() + ")").toList();
        assertThat(unused)
                .withFailMessage(() -> "regions that no page shows: " + unused
                        + "; add a block marked <!-- snippet: ClassName#region --> to a page, or remove the tag comments")
                .isEmpty();
    }

    private Optional<String> checkJava(GuidePage page, FencedBlock block) {
        String where = page.name() + ":" + block.line();
        Optional<String> id = block.snippetId();
        if (id.isEmpty()) {
            return Optional.of(where + ": no <!-- snippet: ClassName#region --> line above the block"
                    + " (a block that is not Java must not be marked java)");
        }
        Optional<Snippet> snippet = snippets.find(id.get());
        if (snippet.isEmpty()) {
            return Optional.of(where + ": the snippet " + id.get() + " is no region of a test under docs/src/test/java");
        }
        if (!snippet.get().text().equals(block.normalisedText())) {
            return Optional.of(where + ": differs from " + id.get() + " (" + SAMPLES.relativize(snippet.get().source())
                    + ":" + snippet.get().line() + "), first at: " + firstDifference(snippet.get().text(), block.normalisedText()));
        }
        return Optional.empty();
    }

    private void syncPage(GuidePage page) {
        String before = String.join("\n", readLines(page)) + "\n";
        String after = page.rewritten(block -> block.language().equals("java")
                ? block.snippetId().flatMap(snippets::find).map(Snippet::text).orElse(null)
                : null);
        if (!after.equals(before)) {
            page.write(after);
        }
    }

    private static List<String> readLines(GuidePage page) {
        try {
            return Files.readAllLines(page.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guide page " + page.file(), e);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] have = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "<end>";
            String h = i < have.length ? have[i] : "<end>";
            if (!w.equals(h)) {
                return "line " + (i + 1) + " of the block, the code has [" + w + "], the page has [" + h + "]";
            }
        }
        return "nowhere";
    }
}
