package dev.refract.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.cli.RefractCli;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code refract migrate dev} walking a schema through changes on both databases: each change
 * written as a migration and applied, renames by {@code @map} keeping their data, data loss refused
 * until accepted, and drift made by hand found by {@code migrate status}.
 */
class MigrateDevCommandIT {

    /** A database the walk runs on, in a namespace of its own. */
    interface Database extends AutoCloseable {

        String provider();

        String url();

        Connection connect() throws SQLException;

        @Override
        void close();
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("postgresql"), Arguments.of("mysql"));
    }

    private static Database open(String provider) {
        if (provider.equals("postgresql")) {
            PostgresNamespace namespace = PostgresNamespace.create("migrate_dev");
            return new Database() {
                public String provider() { return provider; }
                public String url() { return namespace.r2dbcUrl(); }
                public Connection connect() throws SQLException { return namespace.connect(); }
                public void close() { namespace.close(); }
            };
        }
        MysqlNamespace namespace = MysqlNamespace.create("migrate_dev");
        return new Database() {
            public String provider() { return provider; }
            public String url() { return namespace.r2dbcUrl(); }
            public Connection connect() throws SQLException { return namespace.connect(); }
            public void close() { namespace.close(); }
        };
    }

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = RefractCli.commandLine(dir);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private void schema(Database database, String models) throws IOException {
        Files.writeString(dir.resolve("schema.prisma"), "datasource db {\n  provider = \"" + database.provider()
                + "\"\n  url = \"" + database.url() + "\"\n}\n\ngenerator client {\n  provider = \"refract-java\"\n"
                + "  package  = \"com.example.db\"\n}\n\n" + models);
    }

    private static void sql(Database database, String statement) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static String single(Database database, String query) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private long migrations() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("migrations/db"))) {
            return entries.count();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void walksASchemaThroughItsChangesKeepingRenamedDataAndRefusingLossUntilAccepted(String provider) throws Exception {
        try (Database database = open(provider)) {
            schema(database, "model Note {\n  id    Int    @id\n  title String\n  draft String?\n}\n");
            assertThat(run("migrate", "dev", "--name", "init")).as(err::toString).isZero();
            assertThat(out.toString()).containsPattern("wrote migrations/db/\\d{14}_init/migration.sql")
                    .contains("_init (1/1, ").contains("the generator block has no output");
            sql(database, "INSERT INTO Note (id, title, draft) VALUES (1, 'kept', 'gone')".replace("Note",
                    provider.equals("postgresql") ? "\"Note\"" : "Note"));

            assertThat(run("migrate", "dev", "--name", "again")).as(err::toString).isZero();
            assertThat(out.toString()).contains("in sync with its migrations: no migration written.");
            assertThat(migrations()).isEqualTo(1);

            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n  draft String?\n}\n");
            assertThat(run("migrate", "dev", "--name", "rename_title")).as(err::toString).isZero();
            String quoted = provider.equals("postgresql") ? "\"Note\"" : "Note";
            assertThat(single(database, "SELECT headline FROM " + quoted + " WHERE id = 1")).isEqualTo("kept");

            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n}\n");
            assertThat(run("migrate", "dev", "--name", "drop_draft")).isEqualTo(1);
            assertThat(out.toString()).contains("warning: ");
            assertThat(err.toString()).contains("draft").contains("--accept-data-loss");
            assertThat(migrations()).as("nothing written when refused").isEqualTo(2);

            assertThat(run("migrate", "dev", "--name", "drop_draft", "--accept-data-loss")).as(err::toString).isZero();
            assertThat(migrations()).isEqualTo(3);

            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n  rank  Int\n}\n");
            assertThat(run("migrate", "dev", "--name", "add_rank", "--accept-data-loss")).isEqualTo(1);
            assertThat(err.toString()).contains("rank");

            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n  rank  Int @default(0)\n}\n");
            assertThat(run("migrate", "dev", "--name", "add_rank", "--create-only")).as(err::toString).isZero();
            assertThat(run("migrate", "status")).isEqualTo(1);
            assertThat(out.toString()).containsPattern("pending  \\d{14}_add_rank");
            assertThat(run("migrate", "deploy")).as(err::toString).isZero();
            assertThat(run("migrate", "status")).as(out::toString).isZero();

            sql(database, "ALTER TABLE " + quoted + " ADD COLUMN sneaked int");
            assertThat(run("migrate", "status")).isEqualTo(1);
            assertThat(out.toString()).contains("drift").contains("sneaked");
        }
    }
}
