package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.WriteOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteRenderingTest {

    private static final String RUN_COLUMNS =
            "\"id\", \"name\", \"status\", \"startedAt\", \"updatedAt\", \"cost\", \"metadata\"";

    @Test
    void createInsertsTheSetFieldsAndReturnsTheSelection() {
        Json metadata = Json.of(java.util.Map.of("topic", "ai"));
        SqlStatement statement = RENDERER.render(new Operation.Create(RUN, data(set(RUN_ID, "r1"),
                set(RUN_NAME, "n"), set(RUN_STATUS, "RUNNING"), set(RUN_METADATA, metadata)), Selection.ALL));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"PipelineRun\" (\"id\", \"name\", \"status\", \"metadata\")"
                + " VALUES ($1, $2, $3::\"Status\", $4::jsonb) RETURNING " + RUN_COLUMNS);
        assertThat(values(statement)).containsExactly("r1", "n", "RUNNING", metadata);
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(RUN, List.of(0, 1, 2, 3, 4, 5, 6)));
    }

    @Test
    void setNullBindsATypedNull() {
        SqlStatement statement = RENDERER.render(new Operation.Create(RUN, data(set(RUN_ID, "r1"),
                set(RUN_METADATA, null)), fields(RUN_ID)));

        assertThat(statement.sql()).isEqualTo(
                "INSERT INTO \"PipelineRun\" (\"id\", \"metadata\") VALUES ($1, $2::jsonb) RETURNING \"id\"");
        assertThat(statement.parameters()).containsExactly(Bind.of("r1"), Bind.nullOf(Json.class));
    }

    @Test
    void createWithNoValuesTakesEveryDefault() {
        assertThat(RENDERER.render(new Operation.Create(TAGGED, data(), fields(TAGGED_ID))).sql())
                .isEqualTo("INSERT INTO \"tagged_items\" DEFAULT VALUES RETURNING \"id\"");
    }

    @Test
    void listsAreBoundWholeAsTypedArrays() {
        SqlStatement statement = RENDERER.render(new Operation.Create(TAGGED, data(set(TAGGED_CODE, "c"),
                set(TAGGED_TAGS, List.of("a", "b")), set(TAGGED_LABELS, List.of("FAILED"))), fields(TAGGED_ID)));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"tagged_items\" (\"code\", \"tags\", \"labels\")"
                + " VALUES ($1, $2::text[], $3::\"Status\"[]) RETURNING \"id\"");
        assertThat(statement.parameters().get(1)).isEqualTo(new Bind(List.of("a", "b"), List.class));
    }

    @Test
    void createManyWritesOneMultiRowInsertWithDefaultsForMissingFields() {
        SqlStatement statement = RENDERER.render(new Operation.CreateMany(STEP, List.of(
                data(set(STEP_ID, "s1"), set(STEP_RUN_ID, "r"), set(STEP_POSITION, 1)),
                data(set(STEP_NAME, "n"), set(STEP_RUN_ID, "r"), set(STEP_POSITION, 2))), true));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"pipeline_steps\" (\"id\", \"runId\", \"position\", \"name\")"
                + " VALUES ($1, $2, $3, DEFAULT), (DEFAULT, $4, $5, $6) ON CONFLICT DO NOTHING");
        assertThat(values(statement)).containsExactly("s1", "r", 1, "r", 2, "n");
        assertThat(statement.result()).isEqualTo(new ResultShape.AffectedCount());
    }

    @Test
    void createManyOfNothingInsertsNothing() {
        SqlStatement statement = RENDERER.render(new Operation.CreateMany(STEP, List.of(), false));

        assertThat(statement.sql())
                .isEqualTo("INSERT INTO \"pipeline_steps\" SELECT * FROM \"pipeline_steps\" WHERE FALSE");
        assertThat(statement.result()).isEqualTo(new ResultShape.AffectedCount());
    }

    @Test
    void createManyOfEmptyRowsNamesTheIdColumn() {
        assertThat(RENDERER.render(new Operation.CreateMany(TAGGED, List.of(data(), data()), false)).sql())
                .isEqualTo("INSERT INTO \"tagged_items\" (\"id\") VALUES (DEFAULT), (DEFAULT)");
    }

    @Test
    void updateAppliesAtomicOperationsAndExtraConditions() {
        SqlStatement statement = RENDERER.render(new Operation.Update(STEP,
                and(eq(STEP_ID, "s1"), eq(STEP_ATTEMPTS, 2)),
                data(op(STEP_ATTEMPTS, WriteOp.INCREMENT, 1), set(STEP_STATUS, "FAILED"),
                        op(STEP_DURATION_MS, WriteOp.MULTIPLY, 2L), op(STEP_POSITION, WriteOp.DECREMENT, 1)),
                fields(STEP_ID, STEP_ATTEMPTS)));

        assertThat(statement.sql()).isEqualTo("UPDATE \"pipeline_steps\" SET \"attempts\" = \"attempts\" + $1,"
                + " \"status\" = $2::\"Status\", \"durationMs\" = \"durationMs\" * $3, \"position\" = \"position\" - $4"
                + " WHERE \"id\" = $5 AND \"attempts\" = $6 RETURNING \"id\", \"attempts\"");
        assertThat(values(statement)).containsExactly(1, "FAILED", 2L, 1, "s1", 2);
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(STEP, List.of(STEP_ID, STEP_ATTEMPTS)));
    }

    @Test
    void updateManyDividesAndCounts() {
        SqlStatement statement = RENDERER.render(new Operation.UpdateMany(RUN, eq(RUN_STATUS, "FAILED"),
                data(op(RUN_COST, WriteOp.DIVIDE, 2.0))));

        assertThat(statement.sql()).isEqualTo(
                "UPDATE \"PipelineRun\" SET \"cost\" = \"cost\" / $1 WHERE \"status\" = $2::\"Status\"");
        assertThat(statement.result()).isEqualTo(new ResultShape.AffectedCount());
    }

    @Test
    void updateWithNothingToChangeStillMatchesItsRecord() {
        assertThat(RENDERER.render(new Operation.Update(RUN, eq(RUN_ID, "r"), data(), fields(RUN_ID))).sql())
                .isEqualTo("UPDATE \"PipelineRun\" SET \"id\" = \"id\" WHERE \"id\" = $1 RETURNING \"id\"");
    }

    @Test
    void upsertIsOneInsertOnConflictOfTheUniqueKeyTheWhereFixes() {
        SqlStatement statement = RENDERER.render(new Operation.Upsert(STEP,
                and(eq(STEP_RUN_ID, "r"), eq(STEP_POSITION, 1)),
                data(set(STEP_ID, "s1"), set(STEP_RUN_ID, "r"), set(STEP_POSITION, 1), set(STEP_NAME, "n")),
                data(op(STEP_ATTEMPTS, WriteOp.INCREMENT, 1), set(STEP_NAME, "m")), fields(STEP_ID)));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"pipeline_steps\" (\"id\", \"runId\", \"position\", \"name\")"
                + " VALUES ($1, $2, $3, $4) ON CONFLICT (\"runId\", \"position\") DO UPDATE SET"
                + " \"attempts\" = \"pipeline_steps\".\"attempts\" + $5, \"name\" = $6 RETURNING \"id\"");
        assertThat(values(statement)).containsExactly("s1", "r", 1, "n", 1, "m");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(STEP, List.of(STEP_ID)));
    }

    @Test
    void upsertGuardsItsUpdateWithTheRestOfTheWhere() {
        SqlStatement statement = RENDERER.render(new Operation.Upsert(RUN,
                and(eq(RUN_ID, "r"), eq(RUN_STATUS, "RUNNING")),
                data(set(RUN_ID, "r"), set(RUN_NAME, "n")), data(set(RUN_STATUS, "COMPLETED")), fields(RUN_ID)));

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"PipelineRun\" (\"id\", \"name\") VALUES ($1, $2)"
                + " ON CONFLICT (\"id\") DO UPDATE SET \"status\" = $3::\"Status\""
                + " WHERE \"PipelineRun\".\"status\" = $4::\"Status\" RETURNING \"id\"");
    }

    @Test
    void upsertNeedsAUniqueKeyInItsWhere() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.Upsert(RUN, eq(RUN_NAME, "n"),
                data(set(RUN_NAME, "n")), data(), Selection.ALL)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("upsert on PipelineRun needs a where that fixes a unique key");
    }

    @Test
    void deleteReturnsTheRecordAndDeleteManyCounts() {
        SqlStatement delete = RENDERER.render(new Operation.Delete(RUN, eq(RUN_ID, "r"), fields(RUN_ID, RUN_NAME)));
        SqlStatement deleteMany = RENDERER.render(new Operation.DeleteMany(RUN,
                new Filter.Comparison(RUN_STATUS, Filter.Operator.IN, List.of("FAILED", "PENDING"), Filter.Mode.DEFAULT)));

        assertThat(delete.sql()).isEqualTo("DELETE FROM \"PipelineRun\" WHERE \"id\" = $1 RETURNING \"id\", \"name\"");
        assertThat(deleteMany.sql()).isEqualTo(
                "DELETE FROM \"PipelineRun\" WHERE \"status\" IN ($1::\"Status\", $2::\"Status\")");
        assertThat(deleteMany.result()).isEqualTo(new ResultShape.AffectedCount());
        assertThat(RENDERER.render(new Operation.DeleteMany(RUN, Filter.ALL)).sql())
                .isEqualTo("DELETE FROM \"PipelineRun\"");
    }

    @Test
    void rejectsArithmeticOnNonNumericFields() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.UpdateMany(RUN, Filter.ALL,
                data(op(RUN_NAME, WriteOp.INCREMENT, 1)))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("increment applies to numeric fields")
                .hasMessageContaining("name");
    }

    @Test
    void rejectsArithmeticInACreate() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.Create(RUN,
                data(op(RUN_COST, WriteOp.INCREMENT, 1.0)), Selection.ALL)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("only to updates");
    }

    @Test
    void rejectsAFieldWrittenTwice() {
        assertThatThrownBy(() -> RENDERER.render(new Operation.UpdateMany(RUN, Filter.ALL,
                new WriteData(List.of(set(RUN_NAME, "a"), set(RUN_NAME, "b"))))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("written twice");
    }
}
