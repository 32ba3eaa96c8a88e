package dev.refract.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.cli.CommandLineRun;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    private CommandLineRun refract;

    @BeforeEach
    void runIn() {
        refract = new CommandLineRun(dir);
    }

    private int run(String... args) {
        return refract.run(args);
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
            assertThat(run("migrate", "dev", "--name", "init")).as(refract::err).isZero();
            assertThat(refract.out()).containsPattern("wrote migrations/db/\\d{14}_init/migration.sql")
                    .contains("_init (1/1, ").contains("the generator block has no output");
            sql(database, "INSERT INTO Note (id, title, draft) VALUES (1, 'kept', 'gone')".replace("Note",
                    provider.equals("postgresql") ? "\"Note\"" : "Note"));

            assertThat(run("migrate", "dev", "--name", "again")).as(refract::err).isZero();
            assertThat(refract.out()).contains("in sync with its migrations: no migration written.");
            assertThat(migrations()).isEqualTo(1);

            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n  draft String?\n}\n");
            assertThat(run("migrate", "dev", "--name", "rename_title")).as(refract::err).isZero();
            String quoted = provider.equals("postgresql") ? "\"Note\"" : "Note";
            assertThat(single(database, "SELECT headline FROM " + quoted + " WHERE id = 1")).isEqualTo("kept");

            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n}\n");
            assertThat(run("migrate", "dev", "--name", "drop_draft")).isEqualTo(1);
            assertThat(refract.out()).contains("warning: ");
            assertThat(refract.err()).contains("draft").contains("--accept-data-loss");
            assertThat(migrations()).as("nothing written when refused").isEqualTo(2);

            assertThat(run("migrate", "dev", "--name", "drop_draft", "--accept-data-loss")).as(refract::err).isZero();
            assertThat(migrations()).isEqualTo(3);

            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n  rank  Int\n}\n");
            assertThat(run("migrate", "dev", "--name", "add_rank", "--accept-data-loss")).isEqualTo(1);
            assertThat(refract.err()).contains("rank");

            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n  rank  Int @default(0)\n}\n");
            assertThat(run("migrate", "dev", "--name", "add_rank", "--create-only")).as(refract::err).isZero();
            assertThat(run("migrate", "status")).isEqualTo(1);
            assertThat(refract.out()).containsPattern("pending  \\d{14}_add_rank");
            assertThat(run("migrate", "deploy")).as(refract::err).isZero();
            assertThat(run("migrate", "status")).as(refract::out).isZero();

            sql(database, "ALTER TABLE " + quoted + " ADD COLUMN sneaked int");
            assertThat(run("migrate", "status")).isEqualTo(1);
            assertThat(refract.out()).contains("drift").contains("sneaked");
        }
    }

    @Test
    void diffPrintsTheSqlBetweenAnyTwoStatesAndChangesNothing() throws Exception {
        try (Database database = open("postgresql")) {
            schema(database, "model Note {\n  id    Int    @id\n  title String\n}\n");

            assertThat(run("migrate", "diff", "--from", "empty", "--exit-code")).isEqualTo(2);
            assertThat(refract.out()).contains("-- from empty to schema of datasource 'db' (postgresql)")
                    .contains("CREATE TABLE \"Note\"");
            assertThat(run("migrate", "diff", "--from", "database", "--exit-code")).as("nothing was applied").isEqualTo(2);

            assertThat(run("migrate", "dev", "--name", "init")).as(refract::err).isZero();
            assertThat(run("migrate", "diff", "--from", "migrations", "--exit-code")).as(refract::err).isZero();
            assertThat(refract.out()).contains("are the same: nothing to do.");

            Files.copy(dir.resolve("schema.prisma"), dir.resolve("before.prisma"));
            schema(database, "model Note {\n  id    Int    @id\n  title String @map(\"headline\")\n}\n");
            assertThat(run("migrate", "diff", "--from", "schema:before.prisma")).as(refract::err).isZero();
            assertThat(refract.out()).contains("RENAME COLUMN \"title\" TO \"headline\"");

            sql(database, "ALTER TABLE \"Note\" ADD COLUMN sneaked int");
            assertThat(run("migrate", "diff", "--from", "database", "--to", "migrations")).as(refract::err).isZero();
            assertThat(refract.out()).contains("DROP COLUMN \"sneaked\"");

            assertThat(run("migrate", "diff", "--from", "yesterday")).isEqualTo(1);
            assertThat(refract.err()).contains("\"yesterday\" is no state to diff");
        }
    }
}
