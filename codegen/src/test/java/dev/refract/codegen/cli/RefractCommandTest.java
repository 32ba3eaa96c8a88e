package dev.refract.codegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.SeedSchemaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RefractCommandTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code refract args} in the temporary directory. */
    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new RefractCommand(dir));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    // ---------------------------------------------------------------- the command itself

    @Test
    void helpListsTheSubcommandsAndExitsWithZero() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: refract", "generate", "validate", "format");
    }

    @Test
    void versionPrintsTheVersion() {
        int exit = run("--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("refract ");
    }

    @Test
    void withoutASubcommandItShowsUsageAndExitsWithTwo() {
        int exit = run();

        assertThat(exit).isEqualTo(RefractCommand.USAGE);
        assertThat(err.toString()).contains("Missing command", "Usage: refract");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        int exit = run("validate", "--bogus");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        int exit = run("frobnicate");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    // ---------------------------------------------------------------- validate

    @Test
    void validateSaysAValidSchemaIsValid() throws IOException {
        write("schema.prisma", SeedSchemaFile.text());

        int exit = run("validate", "--schema", "schema.prisma");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("schema.prisma is valid", "3 datasources", "4 models", "1 enum");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateRendersEveryErrorAndACountLineAndExitsWithOne() throws IOException {
        write("schema.prisma", SeedSchemaFile.text().replace("name         String\n", "name         Strin\n")
                .replace("position   Int\n", "position   Integr\n"));

        int exit = run("validate", "--schema", "schema.prisma");

        assertThat(exit).isEqualTo(RefractCommand.FAILED);
        String errors = err.toString();
        assertThat(errors).contains("schema.prisma:", ": error: ", "Strin", "Integr", "^");
        assertThat(errors.strip()).endsWith("2 errors");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validateFindsSchemaPrismaInTheWorkingDirectory() throws IOException {
        write("schema.prisma", SeedSchemaFile.text());

        assertThat(run("validate")).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("schema.prisma is valid");
    }

    @Test
    void validateFallsBackToPrismaSchemaPrisma() throws IOException {
        write("prisma/schema.prisma", SeedSchemaFile.text());

        assertThat(run("validate")).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains(Path.of("prisma", "schema.prisma") + " is valid");
    }

    @Test
    void withoutASchemaFileItSaysWhereItLookedAndExitsWithTwo() {
        int exit = run("validate");

        assertThat(exit).isEqualTo(RefractCommand.USAGE);
        assertThat(err.toString()).contains("schema.prisma", "prisma/schema.prisma", "--schema", dir.toString());
    }

    @Test
    void aMissingSchemaGivenByNameIsNamedInTheError() {
        int exit = run("validate", "--schema", "nowhere/app.prisma");

        assertThat(exit).isEqualTo(RefractCommand.USAGE);
        assertThat(err.toString()).contains(dir.resolve("nowhere/app.prisma").toString());
    }

    @Test
    void aDirectoryGivenAsSchemaIsAUsageError() throws IOException {
        Files.createDirectories(dir.resolve("prisma"));

        int exit = run("validate", "--schema", "prisma");

        assertThat(exit).isEqualTo(RefractCommand.USAGE);
        assertThat(err.toString()).contains("is a directory", "--schema " + Path.of("prisma", "schema.prisma"));
    }

    // ---------------------------------------------------------------- generate

    @Test
    void generateWritesTheSourcesAndReportsTheCounts() throws IOException {
        write("schema.prisma", SeedSchemaFile.text());

        int exit = run("generate", "--schema", "schema.prisma", "--out", "build/generated");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("into " + Path.of("build", "generated"), "written", "0 unchanged",
                "0 deleted");
        assertThat(dir.resolve("build/generated/com/example/pipeline/db")).isDirectory();
    }

    @Test
    void generateAgainReportsEveryFileUnchangedAndTouchesNone() throws IOException {
        write("schema.prisma", SeedSchemaFile.text());
        run("generate", "--out", "gen");
        Path anyFile;
        try (var files = Files.walk(dir.resolve("gen/com"))) {
            anyFile = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(anyFile, LONG_AGO);
        out.getBuffer().setLength(0);

        int exit = run("generate", "--out", "gen");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("(0 written, ").contains(" unchanged, 0 deleted)");
        assertThat(Files.getLastModifiedTime(anyFile)).isEqualTo(LONG_AGO);
    }

    @Test
    void generateVerboseListsTheFilesWrittenAndDeleted() throws IOException {
        Path schema = write("schema.prisma", SeedSchemaFile.text());
        run("generate", "--out", "gen");
        String session = Path.of("com", "example", "pipeline", "db", "Session.java").toString();
        Files.writeString(schema, SeedSchemaFile.textWithoutSession());
        out.getBuffer().setLength(0);

        int exit = run("generate", "--out", "gen", "--verbose");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("  deleted " + session).doesNotContain("  wrote   " + session);
    }

    @Test
    void generateWithAnInvalidSchemaWritesNothingAndExitsWithOne() throws IOException {
        write("schema.prisma", SeedSchemaFile.text().replace("@default(PENDING)", "@default(PENDIN)"));

        int exit = run("generate", "--out", "gen");

        assertThat(exit).isEqualTo(RefractCommand.FAILED);
        assertThat(err.toString()).contains("PENDIN", "error");
        assertThat(dir.resolve("gen")).doesNotExist();
    }

    @Test
    void generateDefaultsToTheGeneratorsOutputRelativeToTheSchema() throws IOException {
        write("prisma/schema.prisma", SeedSchemaFile.text().replace("package  = \"com.example.pipeline.db\"",
                "package  = \"com.example.pipeline.db\"\n  output   = \"../src/generated/java\""));

        int exit = run("generate");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("into " + Path.of("src", "generated", "java"));
        assertThat(dir.resolve("src/generated/java/com/example/pipeline/db")).isDirectory();
    }

    @Test
    void generateWithoutAnOutputDirectoryExplainsHowToGiveOne() throws IOException {
        write("schema.prisma", SeedSchemaFile.text());

        int exit = run("generate");

        assertThat(exit).isEqualTo(RefractCommand.FAILED);
        assertThat(err.toString()).startsWith("error: ").contains("output");
    }

    // ---------------------------------------------------------------- format

    private static final String UNFORMATTED = "model User {\nid Int @id\n  email    String @unique\n}\n";
    private static final String FORMATTED = "model User {\n  id    Int    @id\n  email String @unique\n}\n";

    @Test
    void formatCheckReportsAnUnformattedFileExitsWithOneAndChangesNothing() throws IOException {
        Path schema = write("schema.prisma", UNFORMATTED);

        int exit = run("format", "--check");

        assertThat(exit).isEqualTo(RefractCommand.FAILED);
        assertThat(out.toString()).contains("schema.prisma");
        assertThat(schema).hasContent(UNFORMATTED.strip());
        assertThat(Files.readString(schema)).isEqualTo(UNFORMATTED);
    }

    @Test
    void formatCheckPassesOnAFormattedFile() throws IOException {
        write("schema.prisma", FORMATTED);

        assertThat(run("format", "--check", "--schema", "schema.prisma")).isZero();
        assertThat(out.toString()).contains("schema.prisma is formatted");
    }

    @Test
    void formatRewritesAnUnformattedFile() throws IOException {
        Path schema = write("schema.prisma", UNFORMATTED);

        int exit = run("format");

        assertThat(exit).isZero();
        assertThat(Files.readString(schema)).isEqualTo(FORMATTED);
        assertThat(out.toString()).contains("Formatted schema.prisma");
    }

    @Test
    void formatLeavesAFormattedFileUntouched() throws IOException {
        Path schema = write("schema.prisma", FORMATTED);
        Files.setLastModifiedTime(schema, LONG_AGO);

        int exit = run("format");

        assertThat(exit).isZero();
        assertThat(Files.getLastModifiedTime(schema)).isEqualTo(LONG_AGO);
        assertThat(out.toString()).contains("already formatted");
    }

    @Test
    void formatRefusesAFileWithSyntaxErrorsAndLeavesItAsItIs() throws IOException {
        String broken = "model User {\n  id Int @id @default(\n  name String\n}\n";
        Path schema = write("schema.prisma", broken);

        int exit = run("format");

        assertThat(exit).isEqualTo(RefractCommand.FAILED);
        assertThat(Files.readString(schema)).isEqualTo(broken);
        assertThat(err.toString()).contains("schema.prisma:", "error", "was not formatted");
    }
}
