package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData.WriteOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code createManyAndReturn} and {@code updateManyAndReturn}: the many-writes, returning their rows. */
class ReturningManyRenderingTest {

    private static final String RUN_COLUMNS =
            "\"id\", \"name\", \"status\", \"startedAt\", \"updatedAt\", \"cost\", \"metadata\"";

    @Test
    void createManyAndReturnReturnsTheSelectedColumnsOfEveryInsertedRow() {
        SqlStatement statement = RENDERER.render(new Operation.CreateManyAndReturn(STEP, List.of(
                data(set(STEP_ID, "s1"), set(STEP_RUN_ID, "r"), set(STEP_POSITION, 1)),
                data(set(STEP_NAME, "n"), set(STEP_RUN_ID, "r"), set(STEP_POSITION, 2))), false,
                fields(STEP_ID, STEP_POSITION)));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"pipeline_steps\" (\"id\", \"runId\", \"position\", \"name\")"
                + " VALUES ($1, $2, $3, DEFAULT), (DEFAULT, $4, $5, $6) RETURNING \"id\", \"position\"");
        assertThat(values(statement)).containsExactly("s1", "r", 1, "r", 2, "n");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(STEP, List.of(STEP_ID, STEP_POSITION)));
    }

    @Test
    void skipDuplicatesReturnsOnlyTheRowsInserted() {
        SqlStatement statement = RENDERER.render(new Operation.CreateManyAndReturn(RUN, List.of(
                data(set(RUN_ID, "r1"), set(RUN_NAME, "a"), set(RUN_STATUS, "RUNNING"))), true, Selection.ALL));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"PipelineRun\" (\"id\", \"name\", \"status\")"
                + " VALUES ($1, $2, $3::\"Status\") ON CONFLICT DO NOTHING RETURNING " + RUN_COLUMNS);
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(RUN, List.of(0, 1, 2, 3, 4, 5, 6)));
    }

    @Test
    void createManyAndReturnOfNothingIsARealInsertReturningNoRow() {
        SqlStatement statement = RENDERER.render(new Operation.CreateManyAndReturn(STEP, List.of(), false,
                fields(STEP_ID)));

        assertThat(statement.sql()).isEqualTo(
                "INSERT INTO \"pipeline_steps\" SELECT * FROM \"pipeline_steps\" WHERE FALSE RETURNING \"id\"");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(STEP, List.of(STEP_ID)));
    }

    @Test
    void updateManyAndReturnReturnsEveryUpdatedRowAsItIsAfterTheUpdate() {
        SqlStatement statement = RENDERER.render(new Operation.UpdateManyAndReturn(RUN, eq(RUN_STATUS, "FAILED"),
                data(op(RUN_COST, WriteOp.DIVIDE, 2.0), set(RUN_NAME, "x")), fields(RUN_ID, RUN_COST)));

        assertThat(statement.sql()).isEqualTo("UPDATE \"PipelineRun\" SET \"cost\" = \"cost\" / $1, \"name\" = $2"
                + " WHERE \"status\" = $3::\"Status\" RETURNING \"id\", \"cost\"");
        assertThat(values(statement)).containsExactly(2.0, "x", "FAILED");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(RUN, List.of(RUN_ID, RUN_COST)));
    }
}
