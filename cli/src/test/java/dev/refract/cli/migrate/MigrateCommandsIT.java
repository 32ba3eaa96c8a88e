package dev.refract.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.cli.CommandLineRun;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refract migrate …} as a user runs it: a schema file, migrations beside it, and the commands
 * against the test servers, each test in namespaces of its own.
 */
class MigrateCommandsIT {

    private static final String GENERATOR = """
            generator client {
              provider = "refract-java"
              package  = "com.example.db"
            }

            model Note {
              id Int @id
            }
            """;

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

    private void schema(String datasources) throws IOException {
        Files.writeString(dir.resolve("schema.prisma"), datasources + "\n" + GENERATOR);
    }

    private void migration(String datasource, String name, String sql) throws IOException {
        Path script = dir.resolve("migrations").resolve(datasource).resolve(name).resolve("migration.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, sql);
    }

    private static String postgres(String name, String url) {
        return "datasource " + name + " {\n  provider = \"postgresql\"\n  url = \"" + url + "\"\n}\n";
    }

    @Test
    void deploysWhatIsPendingReportsStatusAndSaysWhenThereIsNothingToDo() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("migrate_cli")) {
            schema(postgres("db", postgres.r2dbcUrl()));
            migration("db", "20240101000000_init", "CREATE TABLE note (id int PRIMARY KEY);");
            migration("db", "20240102000000_tags", "CREATE TABLE tag (id int PRIMARY KEY);\n"
                    + "CREATE TABLE note_tag (note int REFERENCES note, tag int REFERENCES tag);");

            assertThat(run("migrate", "status")).isEqualTo(1);
            assertThat(refract.out()).contains("not up to date, 0 applied, 2 pending.")
                    .contains("  pending  20240101000000_init").contains("  pending  20240102000000_tags");

            assertThat(run("migrate", "deploy")).as(refract::err).isZero();
            assertThat(refract.out()).containsPattern("  20240101000000_init \\(1/2, 1 statement\\) \\.\\.\\. applied in"
                    + " \\d+\\.\\d\\d s").containsPattern("  20240102000000_tags \\(2/2, 2 statements\\) \\.\\.\\. applied in")
                    .contains("  applied 2 migrations.");
            try (Connection connection = postgres.connect()) {
                assertThat(CommandLineRun.tables(connection, null, postgres.schema())).contains("note", "tag", "note_tag",
                        "_refract_migrations");
            }

            assertThat(run("migrate", "deploy")).isZero();
            assertThat(refract.out()).contains("  up to date: no pending migration.");
            assertThat(run("migrate", "status")).isZero();
            assertThat(refract.out()).contains("up to date, 2 applied, 0 pending.");
        }
    }

    @Test
    void aFailedMigrationStopsDeployUntilItIsFixedAndResolved() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("migrate_cli")) {
            schema(postgres("db", postgres.r2dbcUrl()));
            migration("db", "20240101000000_init", "CREATE TABLE note (id int PRIMARY KEY);");
            migration("db", "20240102000000_broken", "CREATE TABLE tag (id int PRIMARY KEY);\nCREATE TABLE oops (id nosuchtype);");
            migration("db", "20240103000000_after", "CREATE TABLE later (id int PRIMARY KEY);");

            assertThat(run("migrate", "deploy")).isEqualTo(1);
            assertThat(refract.out()).containsPattern("20240102000000_broken \\(2/3, 2 statements\\) \\.\\.\\. FAILED after");
            assertThat(refract.err()).contains("20240102000000_broken").contains("nosuchtype");

            assertThat(run("migrate", "status")).isEqualTo(1);
            assertThat(refract.out()).contains("  failed   20240102000000_broken").contains("  pending  20240103000000_after");
            assertThat(run("migrate", "deploy")).isEqualTo(1);
            assertThat(refract.err()).contains("resolve");

            migration("db", "20240102000000_broken", "CREATE TABLE tag (id int PRIMARY KEY);");
            assertThat(run("migrate", "resolve", "--rolled-back", "20240102000000_broken")).as(refract::err).isZero();
            assertThat(refract.out()).contains("20240102000000_broken marked rolled back; the next deploy applies it again.");
            assertThat(run("migrate", "deploy")).as(refract::err).isZero();
            assertThat(refract.out()).contains("  applied 2 migrations.");
        }
    }

    @Test
    void resetAsksFirstAndWithoutATerminalNeedsForce() throws Exception {
        try (MysqlNamespace mysql = MysqlNamespace.create("migrate_cli")) {
            schema("datasource db {\n  provider = \"mysql\"\n  url = \"" + mysql.r2dbcUrl() + "\"\n}\n");
            migration("db", "20240101000000_init", "CREATE TABLE note (id int PRIMARY KEY);");
            assertThat(run("migrate", "deploy")).as(refract::err).isZero();
            try (Connection connection = mysql.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE scratch (id int)");
            }

            assertThat(run("migrate", "reset")).isEqualTo(1);
            assertThat(refract.err()).contains("there is no terminal to ask on: pass --force to reset without asking.");

            assertThat(run("migrate", "reset", "--force")).as(refract::err).isZero();
            assertThat(refract.out()).contains("scratch").contains("  reset: applied 1 migration.");
            try (Connection connection = mysql.connect()) {
                assertThat(CommandLineRun.tables(connection, mysql.database(), null)).containsExactlyInAnyOrder("note",
                        "_refract_migrations");
            }
        }
    }

    @Test
    void resolveNeedsTheDatasourceNamedWhenThereAreSeveralAndOthersWithoutMigrationsAreSaidSo() throws Exception {
        try (PostgresNamespace first = PostgresNamespace.create("migrate_cli");
                PostgresNamespace second = PostgresNamespace.create("migrate_cli")) {
            schema(postgres("db", first.r2dbcUrl()) + postgres("archive", second.r2dbcUrl()));
            migration("db", "20240101000000_init", "CREATE TABLE note (id int PRIMARY KEY);");

            assertThat(run("migrate", "resolve", "--applied", "20240101000000_init")).isEqualTo(1);
            assertThat(refract.err()).contains("refract migrate resolve works on one datasource, and the schema has 2"
                    + " it could work on: name it with --datasource NAME.");

            assertThat(run("migrate", "deploy")).as(refract::err).isZero();
            assertThat(refract.out()).contains("Datasource 'archive': no migrations (migrations/archive does not exist).");

            assertThat(run("migrate", "deploy", "--datasource", "archive")).isEqualTo(1);
            assertThat(refract.err()).contains("has no migrations directory");
        }
    }

    @Test
    void anUnreachableDatabaseFailsWithTheDatasourceAndItsUrlWithoutThePassword() throws Exception {
        schema("datasource db {\n  provider = \"postgresql\"\n  url = \"r2dbc:postgresql://app:s3cret@127.0.0.1:1/app\"\n}\n");
        migration("db", "20240101000000_init", "CREATE TABLE note (id int PRIMARY KEY);");

        assertThat(run("migrate", "deploy")).isEqualTo(1);

        assertThat(refract.err()).startsWith("error: Datasource 'db' (r2dbc:postgresql://app:****@127.0.0.1:1/app): ")
                .doesNotContain("s3cret").doesNotContain("\tat ");
    }
}
