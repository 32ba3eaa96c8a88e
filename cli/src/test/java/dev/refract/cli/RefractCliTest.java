package dev.refract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RefractCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = RefractCli.commandLine(dir);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheSchemaAndTheDatabaseCommands() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("generate", "validate", "format", "db", "brings databases to it");
    }

    @Test
    void withoutACommandItNamesEveryOneAndExitsWithTwo() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command: pass one of generate, validate, format, db, migrate.");
    }

    @Test
    void dbWithoutASubcommandNamesPushAndExitsWithTwo() {
        int exit = run("db");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command: pass push.");
    }
}
