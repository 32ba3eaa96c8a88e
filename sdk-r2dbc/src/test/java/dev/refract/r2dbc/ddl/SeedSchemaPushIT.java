package dev.refract.r2dbc.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.refract.meta.SchemaMeta;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Pushes the seed schema's PostgreSQL datasource into an empty schema and reads the catalog back. */
@RefractTestDatabases
class SeedSchemaPushIT {

    private static final SchemaMeta SEED = com.example.pipeline.db.RefractClientMetadata.SCHEMA;

    private static PushReport report;

    @BeforeAll
    static void push(PostgresNamespace postgres) {
        report = DbPush.push(SEED, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block();
    }

    @Test
    void reportsWhatItCreated() {
        assertThat(report.datasource()).isEqualTo("db");
        assertThat(report.enumTypes()).containsExactly("Status");
        assertThat(report.tables()).containsExactly("PipelineRun", "pipeline_steps");
    }

    @Test
    void createsOnlyThePostgresqlModels(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.tables()).containsExactly("PipelineRun", "pipeline_steps");
        assertThat(catalog.enums()).containsExactly(entry("Status", List.of("PENDING", "RUNNING", "COMPLETED", "FAILED")));
    }

    @Test
    void createsColumnsWithTypesNullabilityAndDefaults(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.columns("PipelineRun")).containsExactlyEntriesOf(Catalog.ordered(
                "id", "text NOT NULL",
                "name", "text NOT NULL",
                "status", "\"Status\" NOT NULL DEFAULT 'PENDING'::\"Status\"",
                "startedAt", "timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP",
                "updatedAt", "timestamp(3) without time zone NOT NULL",
                "cost", "double precision NOT NULL DEFAULT 0",
                "metadata", "jsonb"));
        assertThat(catalog.columns("pipeline_steps")).containsExactlyEntriesOf(Catalog.ordered(
                "id", "text NOT NULL",
                "runId", "text NOT NULL",
                "position", "integer NOT NULL",
                "name", "text NOT NULL",
                "status", "\"Status\" NOT NULL DEFAULT 'PENDING'::\"Status\"",
                "attempts", "integer NOT NULL DEFAULT 0",
                "durationMs", "bigint",
                "output", "jsonb",
                "createdAt", "timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP"));
    }

    @Test
    void createsKeysIndexesAndForeignKeys(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.constraints("PipelineRun")).containsExactly(entry("PipelineRun_pkey", "PRIMARY KEY (id)"));
        assertThat(catalog.constraints("pipeline_steps")).containsExactly(
                entry("pipeline_steps_pkey", "PRIMARY KEY (id)"),
                entry("pipeline_steps_runId_fkey", "FOREIGN KEY (\"runId\") REFERENCES \"PipelineRun\"(id)"
                        + " ON UPDATE CASCADE ON DELETE CASCADE"));
        assertThat(catalog.indexes("PipelineRun")).containsExactly(
                entry("PipelineRun_pkey", "CREATE UNIQUE INDEX \"PipelineRun_pkey\" ON \"PipelineRun\" USING btree (id)"),
                entry("PipelineRun_status_startedAt_idx", "CREATE INDEX \"PipelineRun_status_startedAt_idx\""
                        + " ON \"PipelineRun\" USING btree (status, \"startedAt\")"));
        assertThat(catalog.indexes("pipeline_steps")).containsExactly(
                entry("pipeline_steps_pkey", "CREATE UNIQUE INDEX pipeline_steps_pkey ON pipeline_steps USING btree (id)"),
                entry("pipeline_steps_runId_position_key", "CREATE UNIQUE INDEX \"pipeline_steps_runId_position_key\""
                        + " ON pipeline_steps USING btree (\"runId\", \"position\")"));
    }

    @Test
    void theForeignKeyCascadesAsTheSchemaSays(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"PipelineRun\" (id, name, \"updatedAt\") VALUES ('r1', 'video', now())");
            statement.execute("INSERT INTO pipeline_steps (id, \"runId\", position, name) VALUES ('s1', 'r1', 1, 'a')");
            statement.execute("DELETE FROM \"PipelineRun\" WHERE id = 'r1'");
        }
        assertThat(new Catalog(postgres).count("pipeline_steps")).isZero();
    }

    @Test
    void pushingAgainIsRefusedAndChangesNothing(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        String before = catalog.snapshot();
        StepVerifier.create(DbPush.push(SEED, 0, ConnectionFactories.get(postgres.r2dbcUrl())))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(DbPushRefusedException.class)
                        .hasMessageContaining("db push refused for datasource db")
                        .hasMessageContaining("table \"PipelineRun\"")
                        .hasMessageContaining("table pipeline_steps")
                        .hasMessageContaining("type \"Status\""))
                .verify();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }
}
