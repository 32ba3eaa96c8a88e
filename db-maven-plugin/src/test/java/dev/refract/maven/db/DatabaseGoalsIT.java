package dev.refract.maven.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.test.isolation.PostgresNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals against PostgreSQL, each test in a schema of its own. */
class DatabaseGoalsIT {

    @TempDir
    Path dir;

    private Path schema(PostgresNamespace postgres) throws IOException {
        return Files.writeString(dir.resolve("schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n  url = \""
                + postgres.r2dbcUrl() + "\"\n}\n\ngenerator client {\n  provider = \"refract-java\"\n"
                + "  package  = \"com.example.db\"\n}\n\nmodel Note {\n  id Int @id\n}\n");
    }

    private static <T extends AbstractCommandMojo> T on(T mojo, Path schema) {
        mojo.setSchema(schema.toFile());
        return mojo;
    }

    private static long count(PostgresNamespace postgres, String query) throws Exception {
        try (Connection connection = postgres.connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void deployAppliesTheMigrationsAndStatusFailsTheBuildUntilTheDatabaseIsUpToDate() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_goals")) {
            Path schema = schema(postgres);
            Path script = dir.resolve("migrations/db/20240101000000_init/migration.sql");
            Files.createDirectories(script.getParent());
            Files.writeString(script, "CREATE TABLE \"Note\" (id int PRIMARY KEY);");

            assertThatThrownBy(() -> on(new StatusMojo(), schema).execute()).isInstanceOf(MojoFailureException.class)
                    .hasMessageStartingWith("refract migrate status failed (exit 1)");

            on(new DeployMojo(), schema).execute();
            on(new StatusMojo(), schema).execute();

            assertThat(count(postgres, "SELECT count(*) FROM _refract_migrations WHERE finished_at IS NOT NULL"))
                    .isEqualTo(1);
        }
    }

    @Test
    void pushCreatesTheTablesAndAFailureNamesTheCause() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_goals")) {
            Path schema = schema(postgres);

            on(new PushMojo(), schema).execute();

            assertThat(count(postgres, "SELECT count(*) FROM \"Note\"")).isZero();
            PushMojo unknown = on(new PushMojo(), schema);
            unknown.setDatasource("nope");
            assertThatThrownBy(unknown::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("The schema has no datasource 'nope'");
        }
    }

    private static void execute(Statement sql, String statement) throws Exception {
        sql.execute(statement);
    }

    @Test
    void devWithCreateOnlyWritesTheMigrationAndDevAppliesIt() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_goals")) {
            Path schema = schema(postgres);
            DevMojo createOnly = on(new DevMojo(), schema);
            createOnly.setName("init");
            createOnly.setCreateOnly(true);

            createOnly.execute();

            Path migrations = dir.resolve("migrations/db");
            try (var written = Files.list(migrations)) {
                assertThat(written.map(path -> path.getFileName().toString())).singleElement().asString()
                        .matches("\\d{14}_init");
            }
            assertThat(count(postgres, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                    + postgres.schema() + "' AND table_name = 'Note'")).isZero();
            DevMojo dev = on(new DevMojo(), schema);
            dev.setName("again");
            dev.execute();
            assertThat(count(postgres, "SELECT count(*) FROM \"Note\"")).isZero();
            assertThat(count(postgres, "SELECT count(*) FROM _refract_migrations WHERE finished_at IS NOT NULL"))
                    .isEqualTo(1);
        }
    }

    @Test
    void diffChangesNothingAndFailOnDifferenceFailsTheBuildWhenThereIsOne() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_goals")) {
            Path schema = schema(postgres);
            DiffMojo diff = on(new DiffMojo(), schema);
            diff.setFrom("database");

            diff.execute();

            assertThat(count(postgres, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                    + postgres.schema() + "'")).isZero();
            diff.setFailOnDifference(true);
            assertThatThrownBy(diff::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("failed (exit 2)");
            on(new PushMojo(), schema).execute();
            diff.execute();
        }
    }

    @Test
    void resolveTakesExactlyOneMigrationAndRecordsItApplied() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_goals")) {
            Path schema = schema(postgres);
            Path script = dir.resolve("migrations/db/20240101000000_init/migration.sql");
            Files.createDirectories(script.getParent());
            Files.writeString(script, "CREATE TABLE \"Note\" (id int PRIMARY KEY);");
            ResolveMojo resolve = on(new ResolveMojo(), schema);

            assertThatThrownBy(resolve::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("needs exactly one of rolledBack and applied");

            resolve.setApplied("20240101000000_init");
            resolve.execute();
            assertThat(count(postgres, "SELECT count(*) FROM _refract_migrations WHERE finished_at IS NOT NULL"))
                    .isEqualTo(1);
            assertThat(count(postgres, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'Note'"
                    + " AND table_schema = '" + postgres.schema() + "'")).isZero();
        }
    }

    @Test
    void resetWithForceDropsTheDataAndAppliesTheMigrationsAgain() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_goals")) {
            Path schema = schema(postgres);
            Path script = dir.resolve("migrations/db/20240101000000_init/migration.sql");
            Files.createDirectories(script.getParent());
            Files.writeString(script, "CREATE TABLE \"Note\" (id int PRIMARY KEY);");
            on(new DeployMojo(), schema).execute();
            try (Connection connection = postgres.connect(); Statement sql = connection.createStatement()) {
                execute(sql, "INSERT INTO \"Note\" VALUES (1)");
            }
            ResetMojo reset = on(new ResetMojo(), schema);
            reset.setForce(true);

            reset.execute();

            assertThat(count(postgres, "SELECT count(*) FROM \"Note\"")).isZero();
            assertThat(count(postgres, "SELECT count(*) FROM _refract_migrations")).isEqualTo(1);
        }
    }

    @Test
    void pullWritesTheTablesOfTheDatabaseIntoTheSchema() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("db_goals")) {
            Path schema = schema(postgres);
            try (Connection connection = postgres.connect(); Statement sql = connection.createStatement()) {
                execute(sql, "CREATE TABLE legacy_item (id int PRIMARY KEY, label text NOT NULL)");
            }

            on(new PullMojo(), schema).execute();

            assertThat(Files.readString(schema)).contains("model LegacyItem").contains("label String");
        }
    }
}
