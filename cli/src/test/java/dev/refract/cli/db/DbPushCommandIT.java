package dev.refract.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.cli.CommandLineRun;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code refract db push} against the test servers, each run in a namespace of its own. */
class DbPushCommandIT {

    private static final String MODELS = """
            generator client {
              provider = "refract-java"
              package  = "com.example.db"
            }

            enum Role {
              ADMIN
              MEMBER
            }

            model Team {
              id      Int      @id @default(autoincrement())
              name    String   @unique
              members Member[]
            }

            model Member {
              id     Int    @id @default(autoincrement())
              email  String @unique
              role   Role   @default(MEMBER)
              team   Team   @relation(fields: [teamId], references: [id])
              teamId Int
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
        Files.writeString(dir.resolve("schema.prisma"), datasources + "\n" + MODELS);
    }

    @Test
    void createsTheTablesOfAnEmptyDatabaseThenSyncsItWithTheSchemaRefusingDataLossUntilAccepted() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_push")) {
            String datasource = "datasource db {\n  provider = \"postgresql\"\n  url = \"" + postgres.r2dbcUrl() + "\"\n}\n";
            schema(datasource);

            assertThat(run("db", "push")).as(refract::err).isZero();
            assertThat(refract.out()).contains("Datasource 'db' (postgresql, ").contains("created 2 tables and 1 enum type.");
            try (Connection connection = postgres.connect()) {
                assertThat(CommandLineRun.tables(connection, null, postgres.schema())).containsExactlyInAnyOrder("Team", "Member");
            }

            assertThat(run("db", "push")).as(refract::err).isZero();
            assertThat(refract.out()).contains("already in sync with the schema.");

            try (Connection connection = postgres.connect(); Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO \"Team\" (name) VALUES ('core')");
            }
            Files.writeString(dir.resolve("schema.prisma"), datasource + "\n" + MODELS
                    .replace("  name    String   @unique\n", "  motto   String?\n"));

            assertThat(run("db", "push")).isEqualTo(1);
            assertThat(refract.err()).contains("name").contains("--accept-data-loss");

            assertThat(run("db", "push", "--accept-data-loss")).as(refract::err).isZero();
            assertThat(refract.out()).contains("data dropped: ").contains("synced with ").contains("\"motto\"");
            try (Connection connection = postgres.connect(); Statement sql = connection.createStatement();
                    java.sql.ResultSet rows = sql.executeQuery("SELECT count(*) FROM \"Team\" WHERE motto IS NULL")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("the row stays, without the dropped column").isEqualTo(1);
            }
        }
    }

    @Test
    void refusesToPushOntoADatabaseThatMigrationsKeep() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_push")) {
            schema("datasource db {\n  provider = \"postgresql\"\n  url = \"" + postgres.r2dbcUrl() + "\"\n}\n");
            try (Connection connection = postgres.connect(); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE \"Team\" (id int PRIMARY KEY)");
                sql.execute("CREATE TABLE _refract_migrations (id text)");
            }

            assertThat(run("db", "push")).isEqualTo(1);
            assertThat(refract.err()).contains("keeps a migration history (_refract_migrations)")
                    .contains("refract migrate dev");
        }
    }

    @Test
    void pushesTheNamedDatasourceToTheUrlGivenAndLeavesTheOthersAlone() throws Exception {
        try (MysqlNamespace mysql = MysqlNamespace.create("db_push")) {
            schema("""
                    datasource db {
                      provider = "mysql"
                      url      = env("REFRACT_DB_PUSH_UNSET_URL")
                    }
                    datasource cache {
                      provider = "redis"
                      url      = "redis://localhost:6379"
                    }
                    """);

            int exit = run("db", "push", "--datasource", "db", "--url", mysql.r2dbcUrl());

            assertThat(exit).as(refract::err).isZero();
            assertThat(refract.out()).contains("Datasource 'db' (mysql, ").contains("created 2 tables.")
                    .doesNotContain("cache");
            try (Connection connection = mysql.connect()) {
                assertThat(CommandLineRun.tables(connection, mysql.database(), null)).containsExactlyInAnyOrder("Team", "Member");
            }

            Files.writeString(dir.resolve("schema.prisma"), Files.readString(dir.resolve("schema.prisma"))
                    .replace("  name    String   @unique\n", "  name    String   @unique\n  motto   String?\n"));
            assertThat(run("db", "push", "--datasource", "db", "--url", mysql.r2dbcUrl())).as(refract::err).isZero();
            assertThat(refract.out()).contains("synced with 1 statement:").contains("`motto`");
        }
    }

    @Test
    void saysWhichDatasourcesItLeavesAloneAndWhyAndNeedsTheirUrl() throws Exception {
        schema("""
                datasource legacy {
                  provider = "postgresql"
                  url      = "r2dbc:postgresql://localhost/legacy"
                  readOnly = true
                }
                datasource db {
                  provider = "postgresql"
                  url      = env("REFRACT_DB_PUSH_UNSET_URL")
                }
                datasource cache {
                  provider = "redis"
                  url      = "redis://localhost:6379"
                }
                """ + "\n");

        int exit = run("db", "push");

        assertThat(exit).isEqualTo(1);
        assertThat(refract.out()).contains("Datasource 'legacy': left alone, read-only (readOnly = true), so it is"
                + " never changed.");
        assertThat(refract.err()).contains("error: Datasource 'db' reads its URL from the environment variable"
                + " REFRACT_DB_PUSH_UNSET_URL, which is not set. Set it, or pass the URL with --url (together with"
                + " --datasource db).");
    }

    @Test
    void refusesAReadOnlyOrUnknownDatasourceByName() throws Exception {
        schema("""
                datasource legacy {
                  provider = "postgresql"
                  url      = "r2dbc:postgresql://localhost/legacy"
                  readOnly = true
                }
                """);

        assertThat(run("db", "push", "--datasource", "legacy")).isEqualTo(1);
        assertThat(refract.err()).contains("error: Datasource 'legacy' is read-only (readOnly = true), so it is never"
                + " changed.");

        assertThat(run("db", "push", "--datasource", "nope")).isEqualTo(1);
        assertThat(refract.err()).contains("error: The schema has no datasource 'nope'; its datasources are legacy.");
    }

    @Test
    void refusesAnInvalidSchemaAfterPrintingItsErrors() throws Exception {
        schema("datasource db {\n  provider = \"postgresql\"\n}\n");

        int exit = run("db", "push");

        assertThat(exit).isEqualTo(1);
        assertThat(refract.err()).contains("Datasource \"db\" has no url.").contains("is not valid; fix the errors above");
    }
}
