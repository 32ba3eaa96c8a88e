package dev.refract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefractCliTest {

    @TempDir
    Path dir;

    private CommandLineRun refract;

    @BeforeEach
    void runIn() {
        refract = new CommandLineRun(dir);
    }

    private int run(String... args) {
        return refract.run(args);
    }

    @Test
    void helpListsTheSchemaAndTheDatabaseCommands() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(refract.out()).contains("generate", "validate", "format", "db", "brings databases to it");
    }

    @Test
    void withoutACommandItNamesEveryOneAndExitsWithTwo() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(refract.err()).contains("Missing command: pass one of generate, validate, format, db, migrate.");
    }

    @Test
    void dbWithoutASubcommandNamesPushAndExitsWithTwo() {
        int exit = run("db");

        assertThat(exit).isEqualTo(2);
        assertThat(refract.err()).contains("Missing command: pass push or pull.");
    }
}
