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
}
