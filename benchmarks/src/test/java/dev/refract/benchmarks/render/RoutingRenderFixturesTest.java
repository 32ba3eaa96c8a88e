package dev.refract.benchmarks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Status;
import dev.refract.r2dbc.sql.Bind;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.r2dbc.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing and rendering benchmark must time the real path: these check that its calls reach
 * the rendering adapter, render the expected SQL, and come back as the canned record.
 */
class RoutingRenderFixturesTest {
    private static final String COLUMNS = "SELECT \"id\", \"name\", \"status\", \"startedAt\", \"updatedAt\", \"cost\", \"metadata\""
            + " FROM \"PipelineRun\"";
    private static final SqlStatement FIND_UNIQUE = new SqlStatement(
            COLUMNS + " WHERE \"id\" = $1",
            List.of(Bind.of(PipelineRunQueries.RUN_ID)),
            new ResultShape.Rows(0, List.of(0, 1, 2, 3, 4, 5, 6)));
    private static final SqlStatement FIND_MANY = new SqlStatement(
            COLUMNS + " WHERE \"status\" = $1::\"Status\" AND \"startedAt\" >= $2 AND \"name\" LIKE $3"
                    + " ORDER BY \"startedAt\" DESC LIMIT $4",
            List.of(Bind.of("RUNNING"), Bind.of(PipelineRunQueries.SINCE),
                    Bind.of(PipelineRunQueries.NAME_PREFIX + "%"), Bind.of(PipelineRunQueries.PAGE)),
            new ResultShape.Rows(0, List.of(0, 1, 2, 3, 4, 5, 6)));

    private final RenderingAdapterProvider adapters = new RenderingAdapterProvider(PipelineRunQueries.cannedRows());
    private RefractClient client;

    @BeforeEach
    void buildClient() {
        client = RefractClient.builder()
                .datasource("db", "postgresql://localhost/benchmark-never-connects")
                .adapterProvider(adapters)
                .build();
    }

    @AfterEach
    void closeClient() {
        client.closeAsync().block();
    }

    @Test
    void findUniqueThroughTheClientRendersTheLookUpByIdAndMapsTheCannedRow() {
        PipelineRun run = PipelineRunQueries.findUnique(client);

        assertThat(adapters.lastStatement()).isEqualTo(FIND_UNIQUE);
        assertThat(run.id()).isEqualTo(PipelineRunQueries.RUN_ID);
        assertThat(run.status()).isEqualTo(Status.RUNNING);
        assertThat(run.steps().isLoaded()).isFalse();
    }

    @Test
    void findManyThroughTheClientRendersThreeFiltersOrderAndPage() {
        PipelineRun run = PipelineRunQueries.findMany(client);

        assertThat(adapters.lastStatement()).isEqualTo(FIND_MANY);
        assertThat(run.name()).isEqualTo("video-production");
    }

    @Test
    void prebuiltOperationsRenderAloneToTheSameStatements() {
        SqlRenderer renderer = new SqlRenderer(RefractClientMetadata.SCHEMA, PostgresDialect.INSTANCE);

        assertThat(renderer.render(PipelineRunQueries.findUniqueOperation())).isEqualTo(FIND_UNIQUE);
        assertThat(renderer.render(PipelineRunQueries.findManyOperation())).isEqualTo(FIND_MANY);
    }

    @Test
    void reportsClearlyWhenNoOperationReachedTheAdapter() {
        assertThatThrownBy(adapters::lastStatement)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run a query through the client first");
    }
}
