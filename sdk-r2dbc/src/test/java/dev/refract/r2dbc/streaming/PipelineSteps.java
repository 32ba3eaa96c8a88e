package dev.refract.r2dbc.streaming;

import com.example.pipeline.db.RefractClientMetadata;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Creates the seed schema's PostgreSQL tables and fills one pipeline run with many steps on the
 * server, in one statement, so that setting up a million rows takes seconds, not minutes.
 */
final class PipelineSteps {

    private static final String RUN = "INSERT INTO \"PipelineRun\" (id, name, status, \"startedAt\", \"updatedAt\", cost)"
            + " VALUES (?, 'video-production', 'RUNNING', TIMESTAMP '2026-01-01 00:00:00',"
            + " TIMESTAMP '2026-01-01 00:00:00', 12.5)";

    // Each step carries an output document of about 350 bytes, like a model's answer with its usage.
    // Its id is shaped like the uuid(7) the schema asks for: time-ordered, so that the primary key
    // grows at its right edge as it does in production, rather than at random pages, which makes
    // this insert markedly slower.
    private static final String STEPS = "INSERT INTO pipeline_steps"
            + " (id, \"runId\", position, name, status, attempts, \"durationMs\", output, \"createdAt\")"
            + " SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || lpad(to_hex(g % 4096), 3, '0')"
            + "   || '-8000-' || lpad(to_hex(g), 12, '0'), ?, g, 'render-scene-' || g,"
            + " ((ARRAY['PENDING', 'RUNNING', 'COMPLETED', 'FAILED'])[1 + g % 4])::\"Status\", g % 3, (g * 37) % 90000,"
            + " jsonb_build_object('model', 'large-v2',"
            + "   'usage', jsonb_build_object('prompt', g % 2048, 'completion', (g * 7) % 4096),"
            + "   'summary', 'Scene ' || g || ': ' || repeat('a narrated paragraph of generated text ', 6),"
            + "   'tags', jsonb_build_array('video', 'draft', 'batch-' || (g % 10))),"
            + " TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 millisecond'"
            + " FROM generate_series(1, ?) AS g, lpad(to_hex(1767225600000 + g), 12, '0') AS t";

    private PipelineSteps() {
    }

    /** Pushes the seed schema's {@code db} datasource into the namespace. */
    static void pushSchema(PostgresNamespace postgres) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl()))
                .block(Duration.ofMinutes(1));
    }

    /** Inserts run {@code runId} with steps at positions 1 to {@code steps}, then refreshes the planner's statistics. */
    static void insertRun(PostgresNamespace postgres, String runId, int steps) throws SQLException {
        try (Connection connection = postgres.connect()) {
            try (PreparedStatement run = connection.prepareStatement(RUN)) {
                run.setString(1, runId);
                run.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(STEPS)) {
                insert.setString(1, runId);
                insert.setInt(2, steps);
                insert.executeUpdate();
            }
            try (PreparedStatement analyze = connection.prepareStatement("ANALYZE pipeline_steps")) {
                analyze.execute();
            }
        }
    }
}
