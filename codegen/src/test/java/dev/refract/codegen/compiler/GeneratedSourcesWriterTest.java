package dev.refract.codegen.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.codegen.generate.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSourcesWriterTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path out;

    private final GeneratedSourcesWriter writer = new GeneratedSourcesWriter();

    private static GeneratedFile file(String path, String content) {
        return new GeneratedFile(path, content);
    }

    @Test
    void writesEveryFileAndAManifestOnTheFirstRun() throws IOException {
        GeneratedSourcesWriter.Outcome outcome = writer.write(out, List.of(
                file("com/example/db/User.java", "class User {}\n"),
                file("com/example/db/RefractClient.java", "class RefractClient {}\n")));

        assertThat(outcome.written()).containsExactly(Path.of("com/example/db/User.java"),
                Path.of("com/example/db/RefractClient.java"));
        assertThat(outcome.unchanged()).isEmpty();
        assertThat(outcome.deleted()).isEmpty();
        assertThat(out.resolve("com/example/db/User.java")).hasContent("class User {}");
        assertThat(Files.readAllLines(out.resolve(GeneratedSourcesWriter.MANIFEST)))
                .contains("com/example/db/RefractClient.java", "com/example/db/User.java");
    }

    @Test
    void leavesFilesWithUnchangedContentUntouched() throws IOException {
        List<GeneratedFile> files = List.of(file("a/A.java", "class A {}\n"), file("a/B.java", "class B {}\n"));
        writer.write(out, files);
        Path a = out.resolve("a/A.java");
        Path manifest = out.resolve(GeneratedSourcesWriter.MANIFEST);
        Files.setLastModifiedTime(a, LONG_AGO);
        Files.setLastModifiedTime(manifest, LONG_AGO);

        GeneratedSourcesWriter.Outcome outcome = writer.write(out, files);

        assertThat(outcome.written()).isEmpty();
        assertThat(outcome.unchanged()).containsExactly(Path.of("a/A.java"), Path.of("a/B.java"));
        assertThat(Files.getLastModifiedTime(a)).isEqualTo(LONG_AGO);
        assertThat(Files.getLastModifiedTime(manifest)).isEqualTo(LONG_AGO);
    }

    @Test
    void rewritesOnlyTheFilesWhoseContentChanged() throws IOException {
        writer.write(out, List.of(file("A.java", "class A {}\n"), file("B.java", "class B {}\n")));
        Files.setLastModifiedTime(out.resolve("A.java"), LONG_AGO);

        GeneratedSourcesWriter.Outcome outcome =
                writer.write(out, List.of(file("A.java", "class A {}\n"), file("B.java", "class B { int x; }\n")));

        assertThat(outcome.written()).containsExactly(Path.of("B.java"));
        assertThat(outcome.unchanged()).containsExactly(Path.of("A.java"));
        assertThat(out.resolve("B.java")).hasContent("class B { int x; }");
        assertThat(Files.getLastModifiedTime(out.resolve("A.java"))).isEqualTo(LONG_AGO);
    }

    @Test
    void deletesFilesItWroteThatAreNoLongerProduced() {
        writer.write(out, List.of(file("db/User.java", "u"), file("db/gone/Post.java", "p")));

        GeneratedSourcesWriter.Outcome outcome = writer.write(out, List.of(file("db/User.java", "u")));

        assertThat(outcome.deleted()).containsExactly(Path.of("db/gone/Post.java"));
        assertThat(out.resolve("db/gone/Post.java")).doesNotExist();
        assertThat(out.resolve("db/gone")).as("emptied directory").doesNotExist();
        assertThat(out.resolve("db/User.java")).exists();
    }

    @Test
    void neverDeletesFilesItDidNotWrite() throws IOException {
        Path foreign = out.resolve("db/Handwritten.java");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "class Handwritten {}");
        writer.write(out, List.of(file("db/User.java", "u")));

        GeneratedSourcesWriter.Outcome outcome = writer.write(out, List.of());

        assertThat(outcome.deleted()).containsExactly(Path.of("db/User.java"));
        assertThat(foreign).hasContent("class Handwritten {}");
    }

    @Test
    void ignoresManifestEntriesThatPointOutsideTheOutputDirectory() throws IOException {
        Path outside = out.getParent().resolve(out.getFileName() + "-outside.txt");
        Files.writeString(outside, "keep me");
        try {
            Files.writeString(out.resolve(GeneratedSourcesWriter.MANIFEST),
                    "# manifest\n../" + outside.getFileName() + "\n" + outside + "\n");

            GeneratedSourcesWriter.Outcome outcome = writer.write(out, List.of());

            assertThat(outcome.deleted()).isEmpty();
            assertThat(outside).hasContent("keep me");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void refusesAGeneratedPathThatLeavesTheOutputDirectory() {
        assertThatThrownBy(() -> writer.write(out, List.of(file("../Escape.java", "x"))))
                .isInstanceOf(CompilerException.class)
                .hasMessageContaining("../Escape.java")
                .hasMessageContaining("inside the output directory");
    }

    @Test
    void refusesAnOutputDirectoryThatIsAFile() throws IOException {
        Path notADirectory = Files.writeString(out.resolve("file.txt"), "x");

        assertThatThrownBy(() -> writer.write(notADirectory, List.of(file("A.java", "a"))))
                .isInstanceOf(CompilerException.class)
                .hasMessageContaining(notADirectory.toString())
                .hasMessageContaining("is a file");
    }
}
