package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.r2dbc.sql.SqlPlan.StepResult;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plans of writes that return records on MySQL (no {@code RETURNING}) and MariaDB
 * ({@code RETURNING} on inserts and deletes only), walked as an executor walks them with scripted
 * step results, so each rendered statement and each skipped step is seen.
 */
class WritePlanTest {

    private static final SqlRenderer MYSQL = MySqlRenderingTest.MYSQL;
    private static final SqlRenderer MARIADB = MySqlRenderingTest.MARIADB;
    private static final SqlRenderer MYSQL_RELATIONS = MySqlRenderingTest.RELATIONS;
    private static final SqlRenderer MARIADB_RELATIONS = new SqlRenderer(RelationsSchema.SCHEMA,
            new MySqlDialect(MySqlServer.mariaDb(10, 11, 6)));
    private static final String SKIPPED = "(skipped)";
    private static final String RUN_COLUMNS = "`id`, `name`, `status`, `startedAt`, `updatedAt`, `cost`, `metadata`";

    /**
     * The statements of {@code plan} as an executor runs them: each step given the results before it,
     * a step that ran answering what {@code outcomes} holds for its index (a count of 1 otherwise).
     */
    static List<String> walk(SqlPlan plan, Map<Integer, StepResult> outcomes) {
        SqlPlan.Steps steps = (SqlPlan.Steps) plan;
        List<StepResult> results = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < steps.steps().size(); i++) {
            SqlPlan.Step step = steps.steps().get(i);
            if (step instanceof SqlPlan.CheckWarnings) {
                statements.add(SqlPlan.CheckWarnings.SQL);
                results.add(StepResult.SKIPPED);
                continue;
            }
            Optional<SqlStatement> statement = ((SqlPlan.Run) step).render().apply(List.copyOf(results));
            statements.add(statement.map(SqlStatement::sql).orElse(SKIPPED));
            results.add(statement.isEmpty() ? StepResult.SKIPPED : outcomes.getOrDefault(i, StepResult.ofCount(1)));
        }
        return statements;
    }

    /** The statement {@code step} renders from {@code results}. */
    static SqlStatement statement(SqlPlan plan, int step, List<StepResult> results) {
        return ((SqlPlan.Run) ((SqlPlan.Steps) plan).steps().get(step)).render().apply(results).orElseThrow();
    }

    static SqlPlan.Yield yields(SqlPlan plan, int step) {
        return ((SqlPlan.Run) ((SqlPlan.Steps) plan).steps().get(step)).yields();
    }

    private static StepResult ids(Object... ids) {
        List<Row> rows = new ArrayList<>();
        for (Object id : ids) {
            rows.add(Row.of(id));
        }
        return StepResult.ofRows(rows);
    }

    @Test
    void postgresPlansAreAlwaysItsOneStatement() {
        Operation update = new Operation.Update(RUN, eq(RUN_ID, "r"), data(set(RUN_NAME, "n")), fields(RUN_ID));

        assertThat(Statements.RENDERER.plan(update)).isEqualTo(new SqlPlan.Single(Statements.RENDERER.render(update)));
    }

    @Test
    void createReadsTheRecordBackByTheIdItGives() {
        SqlPlan plan = MYSQL.plan(new Operation.Create(RUN, data(set(RUN_ID, "r1"), set(RUN_NAME, "n")), Selection.ALL));

        assertThat(walk(plan, Map.of())).containsExactly("INSERT INTO `PipelineRun` (`id`, `name`) VALUES (?, ?)",
                "SELECT " + RUN_COLUMNS + " FROM `PipelineRun` WHERE `id` = ?");
        assertThat(values(statement(plan, 1, List.of()))).containsExactly("r1");
        assertThat(yields(plan, 0)).isEqualTo(SqlPlan.Yield.NOTHING);
        assertThat(yields(plan, 1)).isEqualTo(SqlPlan.Yield.ROWS);
        assertThat(((SqlPlan.Steps) plan).result()).isEqualTo(new ResultShape.Rows(RUN, List.of(0, 1, 2, 3, 4, 5, 6)));
    }

    @Test
    void createOfAnAutoincrementIdReadsTheLastInsertId() {
        SqlPlan plan = MYSQL.plan(new Operation.Create(TAGGED, data(set(TAGGED_CODE, "c")), fields(TAGGED_ID, TAGGED_NOTE)));

        assertThat(walk(plan, Map.of())).containsExactly("INSERT INTO `tagged_items` (`code`) VALUES (?)",
                "SELECT `id`, `the_note` FROM `tagged_items` WHERE `id` = LAST_INSERT_ID()");
    }

    @Test
    void createOnMariaDbReturnsFromItsInsert() {
        SqlPlan plan = MARIADB.plan(new Operation.Create(TAGGED, data(set(TAGGED_CODE, "c")), fields(TAGGED_ID)));

        assertThat(((SqlPlan.Single) plan).statement().sql())
                .isEqualTo("INSERT INTO `tagged_items` (`code`) VALUES (?) RETURNING `id`");
    }

    @Test
    void createThatCannotBeFoundAgainIsRejected() {
        assertThatThrownBy(() -> MYSQL.plan(new Operation.Create(RUN, data(set(RUN_NAME, "n")), Selection.ALL)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("give the id in the create");
    }

    @Test
    void createManySkippingDuplicatesChecksThatOnlyDuplicatesWereSkipped() {
        for (SqlRenderer renderer : List.of(MYSQL, MARIADB)) {
            SqlPlan plan = renderer.plan(new Operation.CreateMany(TAGGED, List.of(data(set(TAGGED_CODE, "a")),
                    data(set(TAGGED_CODE, "b"))), true));

            assertThat(walk(plan, Map.of())).containsExactly("SET SESSION max_error_count = 65535",
                    "INSERT IGNORE INTO `tagged_items` (`code`) VALUES (?), (?)", "SHOW WARNINGS");
            assertThat(yields(plan, 1)).isEqualTo(SqlPlan.Yield.COUNT);
            assertThat(((SqlPlan.CheckWarnings) ((SqlPlan.Steps) plan).steps().get(2)).tolerated())
                    .containsExactly(1062);
            assertThat(((SqlPlan.Steps) plan).result()).isEqualTo(new ResultShape.AffectedCount());
        }
        assertThat(MYSQL.plan(new Operation.CreateMany(TAGGED, List.of(data(set(TAGGED_CODE, "a"))), false)))
                .isInstanceOf(SqlPlan.Single.class);
    }

    @Test
    void createManyAndReturnOnMariaDbReturnsFromTheInsert() {
        SqlPlan plain = MARIADB.plan(new Operation.CreateManyAndReturn(TAGGED, List.of(data(set(TAGGED_CODE, "a"))),
                false, fields(TAGGED_ID)));
        SqlPlan skipping = MARIADB.plan(new Operation.CreateManyAndReturn(TAGGED, List.of(data(set(TAGGED_CODE, "a"))),
                true, fields(TAGGED_ID)));

        assertThat(((SqlPlan.Single) plain).statement().sql())
                .isEqualTo("INSERT INTO `tagged_items` (`code`) VALUES (?) RETURNING `id`");
        assertThat(walk(skipping, Map.of())).containsExactly("SET SESSION max_error_count = 65535",
                "INSERT IGNORE INTO `tagged_items` (`code`) VALUES (?) RETURNING `id`", "SHOW WARNINGS");
        assertThat(yields(skipping, 1)).isEqualTo(SqlPlan.Yield.ROWS);
    }

    @Test
    void createManyAndReturnReadsTheGivenIdsBackInTheirOrder() {
        SqlPlan plan = MYSQL.plan(new Operation.CreateManyAndReturn(RUN, List.of(
                data(set(RUN_ID, "b"), set(RUN_NAME, "n")), data(set(RUN_ID, "a"), set(RUN_NAME, "m"))),
                false, fields(RUN_ID)));

        assertThat(walk(plan, Map.of())).containsExactly("INSERT INTO `PipelineRun` (`id`, `name`) VALUES (?, ?), (?, ?)",
                "SELECT `id` FROM `PipelineRun` WHERE `id` IN (?, ?) ORDER BY FIELD(`id`, ?, ?)");
        assertThat(values(statement(plan, 1, List.of()))).containsExactly("b", "a", "b", "a");
    }

    @Test
    void createManyAndReturnOfAutoincrementIdsReadsTheRangeTheInsertTook() {
        SqlPlan plan = MYSQL.plan(new Operation.CreateManyAndReturn(TAGGED, List.of(data(set(TAGGED_CODE, "a")),
                data(set(TAGGED_CODE, "b")), data(set(TAGGED_CODE, "c"))), false, fields(TAGGED_ID)));

        assertThat(walk(plan, Map.of())).containsExactly("INSERT INTO `tagged_items` (`code`) VALUES (?), (?), (?)",
                "SELECT `id` FROM `tagged_items` WHERE `id` BETWEEN LAST_INSERT_ID() AND LAST_INSERT_ID() + ?"
                        + " * @@auto_increment_increment ORDER BY `id`");
        assertThat(values(statement(plan, 1, List.of()))).containsExactly(2L);
    }

    @Test
    void createManyAndReturnSkippingDuplicatesInsertsAndReadsRowByRow() {
        SqlPlan plan = MYSQL.plan(new Operation.CreateManyAndReturn(TAGGED, List.of(data(set(TAGGED_CODE, "a")),
                data(set(TAGGED_ID, 9), set(TAGGED_CODE, "b"))), true, fields(TAGGED_ID)));

        // the first row was a duplicate (nothing inserted), the second was inserted
        assertThat(walk(plan, Map.of(1, StepResult.ofCount(0), 4, StepResult.ofCount(1)))).containsExactly(
                "SET SESSION max_error_count = 65535",
                "INSERT IGNORE INTO `tagged_items` (`code`) VALUES (?)", "SHOW WARNINGS", SKIPPED,
                "INSERT IGNORE INTO `tagged_items` (`id`, `code`) VALUES (?, ?)", "SHOW WARNINGS",
                "SELECT `id` FROM `tagged_items` WHERE `id` = ?");
    }

    @Test
    void updateLocksTheRecordsFoundUpdatesThemByIdAndReadsThemBack() {
        for (SqlRenderer renderer : List.of(MYSQL, MARIADB)) {
            SqlPlan plan = renderer.plan(new Operation.Update(STEP, and(eq(STEP_ID, "s"), eq(STEP_ATTEMPTS, 2)),
                    data(op(STEP_ATTEMPTS, WriteOp.INCREMENT, 1)), fields(STEP_ID, STEP_ATTEMPTS)));

            assertThat(walk(plan, Map.of(0, ids("s")))).containsExactly(
                    "SELECT `id` FROM `pipeline_steps` WHERE `id` = ? AND `attempts` = ? FOR UPDATE",
                    "UPDATE `pipeline_steps` SET `attempts` = `attempts` + ? WHERE `id` = ?",
                    "SELECT `id`, `attempts` FROM `pipeline_steps` WHERE `id` = ?");
            assertThat(values(statement(plan, 1, List.of(ids("s"))))).containsExactly(1, "s");
            assertThat(walk(plan, Map.of(0, ids()))).containsExactly(
                    "SELECT `id` FROM `pipeline_steps` WHERE `id` = ? AND `attempts` = ? FOR UPDATE", SKIPPED, SKIPPED);
        }
    }

    @Test
    void updateByItsKeyAloneUpdatesThenReadsByTheKeyWithoutLockingFirst() {
        for (SqlRenderer renderer : List.of(MYSQL, MARIADB)) {
            SqlPlan plan = renderer.plan(new Operation.Update(STEP, eq(STEP_ID, "s"),
                    data(op(STEP_ATTEMPTS, WriteOp.INCREMENT, 1)), fields(STEP_ID, STEP_ATTEMPTS)));

            assertThat(walk(plan, Map.of())).containsExactly(
                    "UPDATE `pipeline_steps` SET `attempts` = `attempts` + ? WHERE `id` = ?",
                    "SELECT `id`, `attempts` FROM `pipeline_steps` WHERE `id` = ?");
            assertThat(yields(plan, 1)).isEqualTo(SqlPlan.Yield.ROWS);
        }
        SqlPlan compound = MYSQL_RELATIONS.plan(new Operation.Update(RelationsSchema.SHELF,
                and(eq(RelationsSchema.SHELF_AISLE, "A"), eq(RelationsSchema.SHELF_NUMBER, 1)),
                data(set(RelationsSchema.SHELF_LABEL, "x")), fields(RelationsSchema.SHELF_LABEL)));
        assertThat(walk(compound, Map.of())).containsExactly(
                "UPDATE `Shelf` SET `label` = ? WHERE `aisle` = ? AND `number` = ?",
                "SELECT `label` FROM `Shelf` WHERE `aisle` = ? AND `number` = ?");
    }

    @Test
    void updateThatSetsTheIdReadsTheRecordByItsNewId() {
        SqlPlan plan = MYSQL.plan(new Operation.Update(RUN, eq(RUN_ID, "old"), data(set(RUN_ID, "new")), fields(RUN_ID)));

        SqlStatement read = statement(plan, 2, List.of(ids("old"), StepResult.ofCount(1)));
        assertThat(read.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` WHERE `id` = ?");
        assertThat(values(read)).containsExactly("new");
        assertThatThrownBy(() -> MYSQL.plan(new Operation.Update(TAGGED, eq(TAGGED_ID, 1),
                data(op(TAGGED_ID, WriteOp.INCREMENT, 1)), fields(TAGGED_ID))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("set the new id instead");
    }

    @Test
    void updateManyAndReturnUpdatesEveryIdFound() {
        SqlPlan plan = MYSQL.plan(new Operation.UpdateManyAndReturn(TAGGED, eq(TAGGED_NOTE, "n"),
                data(set(TAGGED_NOTE, "m")), fields(TAGGED_ID)));

        assertThat(walk(plan, Map.of(0, ids(1, 2)))).containsExactly(
                "SELECT `id` FROM `tagged_items` WHERE `the_note` = ? FOR UPDATE",
                "UPDATE `tagged_items` SET `the_note` = ? WHERE `id` IN (?, ?)",
                "SELECT `id` FROM `tagged_items` WHERE `id` IN (?, ?)");
    }

    @Test
    void upsertByTheOnlyKeyThatCanCollideIsOneInsertOnDuplicateKeyUpdate() {
        SqlPlan byId = MYSQL.plan(new Operation.Upsert(RUN, eq(RUN_ID, "r"), data(set(RUN_ID, "r"), set(RUN_NAME, "n")),
                data(op(RUN_COST, WriteOp.INCREMENT, 1.0)), fields(RUN_ID, RUN_COST)));
        SqlPlan byUnique = MARIADB.plan(new Operation.Upsert(TAGGED, eq(TAGGED_CODE, "c"), data(set(TAGGED_CODE, "c")),
                data(set(TAGGED_NOTE, "n")), fields(TAGGED_ID)));

        assertThat(walk(byId, Map.of())).containsExactly("INSERT INTO `PipelineRun` (`id`, `name`) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE `cost` = `PipelineRun`.`cost` + ?",
                "SELECT `id`, `cost` FROM `PipelineRun` WHERE `id` = ?");
        assertThat(walk(byUnique, Map.of())).containsExactly("INSERT INTO `tagged_items` (`code`) VALUES (?)"
                        + " ON DUPLICATE KEY UPDATE `the_note` = ?", "SELECT `id` FROM `tagged_items` WHERE `code` = ?");
    }

    @Test
    void upsertThatCouldHitAnotherKeyLocksThenUpdatesOrInserts() {
        // the create gives the id too, so an insert could collide with another record's id
        SqlPlan plan = MYSQL.plan(new Operation.Upsert(STEP, and(eq(STEP_RUN_ID, "r"), eq(STEP_POSITION, 1)),
                data(set(STEP_ID, "s1"), set(STEP_RUN_ID, "r"), set(STEP_POSITION, 1)),
                data(set(STEP_NAME, "m")), fields(STEP_ID)));
        String lock = "SELECT `id` FROM `pipeline_steps` WHERE `runId` = ? AND `position` = ? FOR UPDATE";

        assertThat(walk(plan, Map.of(0, ids("s0")))).containsExactly(lock,
                "UPDATE `pipeline_steps` SET `name` = ? WHERE `id` = ?",
                "SELECT `id` FROM `pipeline_steps` WHERE `id` = ?", SKIPPED, SKIPPED);
        assertThat(walk(plan, Map.of(0, ids()))).containsExactly(lock, SKIPPED, SKIPPED,
                "INSERT INTO `pipeline_steps` (`id`, `runId`, `position`) VALUES (?, ?, ?)",
                "SELECT `id` FROM `pipeline_steps` WHERE `id` = ?");
        assertThat(yields(plan, 2)).isEqualTo(SqlPlan.Yield.ROWS);
        assertThat(yields(plan, 4)).isEqualTo(SqlPlan.Yield.ROWS);
    }

    @Test
    void upsertWithMoreThanItsKeyInTheWhereTakesTheLockingPlan() {
        SqlPlan plan = MYSQL.plan(new Operation.Upsert(RUN, and(eq(RUN_ID, "r"), eq(RUN_NAME, "n")),
                data(set(RUN_ID, "r"), set(RUN_NAME, "n")), data(set(RUN_COST, 2.0)), fields(RUN_ID)));

        assertThat(walk(plan, Map.of(0, ids()))).startsWith(
                "SELECT `id` FROM `PipelineRun` WHERE `id` = ? AND `name` = ? FOR UPDATE");
    }

    @Test
    void deleteReadsAndLocksTheRecordThenDeletesItById() {
        SqlPlan plan = MYSQL.plan(new Operation.Delete(RUN, eq(RUN_NAME, "n"), fields(RUN_ID, RUN_NAME)));

        assertThat(walk(plan, Map.of(0, StepResult.ofRows(List.of(Row.of("r", "n")))))).containsExactly(
                "SELECT `id`, `name` FROM `PipelineRun` WHERE `name` = ? FOR UPDATE",
                "DELETE FROM `PipelineRun` WHERE `id` = ?");
        assertThat(yields(plan, 0)).isEqualTo(SqlPlan.Yield.ROWS);
        assertThat(walk(plan, Map.of(0, ids()))).containsExactly(
                "SELECT `id`, `name` FROM `PipelineRun` WHERE `name` = ? FOR UPDATE", SKIPPED);
    }

    @Test
    void deleteOfASelectionWithoutTheIdLocksTheIdsFirst() {
        SqlPlan plan = MYSQL.plan(new Operation.Delete(RUN, eq(RUN_ID, "r"), fields(RUN_NAME)));

        assertThat(walk(plan, Map.of(0, ids("r")))).containsExactly(
                "SELECT `id` FROM `PipelineRun` WHERE `id` = ? FOR UPDATE",
                "SELECT `name` FROM `PipelineRun` WHERE `id` = ?", "DELETE FROM `PipelineRun` WHERE `id` = ?");
        assertThat(yields(plan, 1)).isEqualTo(SqlPlan.Yield.ROWS);
    }

    @Test
    void deleteOnMariaDbReturnsFromItsDelete() {
        assertThat(((SqlPlan.Single) MARIADB.plan(new Operation.Delete(RUN, eq(RUN_ID, "r"), fields(RUN_ID))))
                .statement().sql()).isEqualTo("DELETE FROM `PipelineRun` WHERE `id` = ? RETURNING `id`");
    }

    @Test
    void aRecordWithACompoundIdIsFoundByEachPartOfIt() {
        SqlPlan plan = MYSQL_RELATIONS.plan(new Operation.UpdateManyAndReturn(RelationsSchema.SHELF,
                and(eq(RelationsSchema.SHELF_AISLE, "A"), eq(RelationsSchema.SHELF_NUMBER, 1)),
                data(set(RelationsSchema.SHELF_LABEL, "x")), fields(RelationsSchema.SHELF_LABEL)));

        SqlStatement update = statement(plan, 1, List.of(StepResult.ofRows(List.of(Row.of("A", 1, null, null),
                Row.of("B", 2, null, null)))));
        assertThat(update.sql()).isEqualTo(
                "UPDATE `Shelf` SET `label` = ? WHERE ((`aisle` = ? AND `number` = ?) OR (`aisle` = ? AND `number` = ?))");
        assertThat(values(update)).containsExactly("x", "A", 1, "B", 2);
    }

    @Test
    void unlinkReadsTheTargetsItRemovesBeforeRemovingThem() {
        Operation unlink = new Operation.Unlink(RelationsSchema.POST, RelationsSchema.POST_TAGS, 7,
                eq(RelationsSchema.TAG_NAME, "x"));
        SqlPlan plan = MYSQL_RELATIONS.plan(unlink);

        assertThat(walk(plan, Map.of())).containsExactly("SELECT `B` FROM `_PostToTag` WHERE `A` = ? AND `B` IN"
                        + " (SELECT `id` FROM `Tag` WHERE `name` = ?) FOR UPDATE",
                "DELETE FROM `_PostToTag` WHERE `A` = ? AND `B` IN (SELECT `id` FROM `Tag` WHERE `name` = ?)");
        assertThat(yields(plan, 0)).isEqualTo(SqlPlan.Yield.ROWS);
        assertThat(((SqlPlan.Steps) plan).result())
                .isEqualTo(new ResultShape.Rows(RelationsSchema.TAG, List.of(0)));
        assertThat(((SqlPlan.Single) MARIADB_RELATIONS.plan(unlink)).statement().sql()).endsWith(" RETURNING `B`");
    }

    @Test
    void linkIgnoresPairsPresentAndChecksTheWarnings() {
        SqlPlan plan = MYSQL_RELATIONS.plan(new Operation.Link(RelationsSchema.POST, RelationsSchema.POST_TAGS, 7,
                List.of(1, 2)));

        assertThat(walk(plan, Map.of())).containsExactly("SET SESSION max_error_count = 65535",
                "INSERT IGNORE INTO `_PostToTag` (`A`, `B`) SELECT ?, `id` FROM `Tag` WHERE `id` IN (?, ?)",
                "SHOW WARNINGS");
        assertThat(((SqlPlan.Steps) plan).result()).isEqualTo(new ResultShape.AffectedCount());
    }
}
