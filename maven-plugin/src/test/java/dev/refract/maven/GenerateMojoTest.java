package dev.refract.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private final MavenProject project = new MavenProject();

    /** The seed schema's text; the tests run in this module's directory, beside the examples. */
    static String seed() throws IOException {
        return Files.readString(Path.of("..", "examples", "ai-pipeline", "schema.prisma"));
    }

    private GenerateMojo mojo(Path schema, Path out) {
        GenerateMojo mojo = new GenerateMojo();
        mojo.setSchema(schema.toFile());
        mojo.setOutputDirectory(out.toFile());
        mojo.setProject(project);
        return mojo;
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void generatesTheSourcesAndAddsThemAsACompileSourceRoot() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.prisma"), seed());
        Path out = dir.resolve("target/generated-sources/refract");

        mojo(schema, out).execute();

        assertThat(project.getCompileSourceRoots()).contains(out.toString());
        assertThat(javaFiles(out)).isNotEmpty()
                .allSatisfy(p -> assertThat(out.relativize(p).toString().replace('\\', '/'))
                        .startsWith("com/example/pipeline/db/"));
    }

    @Test
    void theTestGoalAddsTheSourcesAsATestSourceRootOnly() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.prisma"), seed());
        Path out = dir.resolve("target/generated-test-sources/refract");
        GenerateTestMojo mojo = new GenerateTestMojo();
        mojo.setSchema(schema.toFile());
        mojo.setOutputDirectory(out.toFile());
        mojo.setProject(project);

        mojo.execute();

        assertThat(project.getTestCompileSourceRoots()).contains(out.toString());
        assertThat(project.getCompileSourceRoots()).doesNotContain(out.toString());
        assertThat(javaFiles(out)).isNotEmpty();
    }

    @Test
    void aSecondRunOnAnUnchangedSchemaTouchesNoFile() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.prisma"), seed());
        Path out = dir.resolve("generated");
        mojo(schema, out).execute();
        List<Path> files = javaFiles(out);
        for (Path file : files) {
            Files.setLastModifiedTime(file, LONG_AGO);
        }

        mojo(schema, out).execute();

        for (Path file : files) {
            assertThat(Files.getLastModifiedTime(file)).as("modification time of %s", file).isEqualTo(LONG_AGO);
        }
    }

    @Test
    void anInvalidSchemaFailsTheBuildWithTheRenderedDiagnostics() throws IOException {
        Path schema = Files.writeString(dir.resolve("schema.prisma"),
                seed().replace("name         String\n", "name         Strin\n"));
        Path out = dir.resolve("generated");

        assertThatThrownBy(() -> mojo(schema, out).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(schema.toString())
                .hasMessageContaining(": error: ")
                .hasMessageContaining("Strin")
                .hasMessageContaining("^")
                .hasMessageEndingWith("1 error");
        assertThat(out).doesNotExist();
        assertThat(project.getCompileSourceRoots()).doesNotContain(out.toString());
    }

    @Test
    void aMissingSchemaFailsTheBuildNamingThePath() {
        Path schema = dir.resolve("schema.prisma");

        assertThatThrownBy(() -> mojo(schema, dir.resolve("generated")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(schema.toString());
    }

    @Test
    void skipGeneratesNothing() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.prisma"), seed());
        Path out = dir.resolve("generated");
        GenerateMojo mojo = mojo(schema, out);
        mojo.setSkip(true);

        mojo.execute();

        assertThat(out).doesNotExist();
        assertThat(project.getCompileSourceRoots()).doesNotContain(out.toString());
    }
}
