package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData.WriteOp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What MySQL's SQL spells differently from PostgreSQL's, rendered for MySQL 8 and MariaDB. */
class MySqlRenderingTest {

    static final SqlRenderer MYSQL = new SqlRenderer(SCHEMA, new MySqlDialect(MySqlServer.mysql(8, 0, 36)));
    static final SqlRenderer MARIADB = new SqlRenderer(SCHEMA, new MySqlDialect(MySqlServer.mariaDb(10, 11, 6)));
    static final SqlRenderer OLD_MARIADB = new SqlRenderer(SCHEMA, new MySqlDialect(MySqlServer.mariaDb(10, 4, 0)));
    static final SqlRenderer RELATIONS = new SqlRenderer(RelationsSchema.SCHEMA,
            new MySqlDialect(MySqlServer.mysql(8, 0, 36)));

    private static SqlStatement runs(SqlRenderer renderer, Filter filter) {
        return renderer.render(new Operation.FindUnique(RUN, filter, fields(RUN_ID)));
    }

    @Test
    void identifiersAreBacktickedWithBackticksDoubled() {
        MySqlDialect dialect = new MySqlDialect(MySqlServer.mysql(8, 0, 36));

        assertThat(dialect.quote("select")).isEqualTo("`select`");
        assertThat(dialect.quote("we`ird \"name\"")).isEqualTo("`we``ird \"name\"`");
    }

    @Test
    void namesMySqlCannotHoldAreRejected() {
        MySqlDialect dialect = new MySqlDialect(MySqlServer.mysql(8, 0, 36));

        assertThatThrownBy(() -> dialect.quote("")).hasMessageContaining("empty name");
        assertThatThrownBy(() -> dialect.quote("a\0b")).hasMessageContaining("NUL character");
        assertThatThrownBy(() -> dialect.quote("trailing ")).hasMessageContaining("ends with a space");
        assertThatThrownBy(() -> dialect.quote("emoji\uD83D\uDE00")).hasMessageContaining("Basic Multilingual Plane");
    }

    @Test
    void pagingBindsLimitAndOffsetAndAnOffsetAloneTakesTheLargestLimit() {
        SqlStatement both = MYSQL.render(new Operation.FindMany(RUN,
                new Query(Filter.ALL, List.of(), 3, 5, null, List.of(), fields(RUN_ID))));
        SqlStatement offset = MYSQL.render(new Operation.FindMany(RUN,
                new Query(Filter.ALL, List.of(), 3, null, null, List.of(), fields(RUN_ID))));

        assertThat(both.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` LIMIT ? OFFSET ?");
        assertThat(values(both)).containsExactly(5, 3);
        assertThat(offset.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` LIMIT 18446744073709551615 OFFSET ?");
        assertThat(values(offset)).containsExactly(3);
    }

    @Test
    void nullsAgainstTheDefaultOrderGetAnIsNullKeyFirst() {
        SqlStatement statement = MYSQL.render(new Operation.FindMany(STEP, new Query(Filter.ALL, List.of(
                new OrderBy(STEP_DURATION_MS, OrderBy.Direction.ASC, OrderBy.Nulls.LAST),
                new OrderBy(STEP_OUTPUT, OrderBy.Direction.DESC, OrderBy.Nulls.FIRST),
                new OrderBy(STEP_NAME, OrderBy.Direction.ASC, OrderBy.Nulls.FIRST),
                new OrderBy(STEP_POSITION, OrderBy.Direction.DESC, OrderBy.Nulls.LAST)),
                0, null, null, List.of(), fields(STEP_ID))));

        // ascending, MySQL puts nulls first; descending, last: only the first two keys need help
        assertThat(statement.sql()).isEqualTo("SELECT `id` FROM `pipeline_steps` ORDER BY `durationMs` IS NULL,"
                + " `durationMs`, `output` IS NULL DESC, `output` DESC, `name`, `position` DESC");
    }

    @Test
    void aCursorOverAnOptionalKeyComparesWithTheNullSafeEquality() {
        SqlStatement statement = MYSQL.render(new Operation.FindMany(STEP, new Query(Filter.ALL,
                List.of(asc(STEP_DURATION_MS)), 0, null, eq(STEP_ID, "s"), List.of(), fields(STEP_ID))));

        assertThat(statement.sql()).contains("`pipeline_steps`.`durationMs` <=> `refract_cursor`.`durationMs`")
                .doesNotContain("DISTINCT FROM");
    }

    @Test
    void insensitiveModeLowersBothSidesAndPatternsEscapeWithTheBackslash() {
        SqlStatement like = runs(MYSQL, insensitive(RUN_NAME, Operator.STARTS_WITH, "50%_off\\"));
        SqlStatement equals = runs(MYSQL, insensitive(RUN_NAME, Operator.EQUALS, "Video"));
        SqlStatement sensitive = runs(MYSQL, compare(RUN_NAME, Operator.ENDS_WITH, "x"));

        assertThat(like.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` WHERE LOWER(`name`) LIKE LOWER(?) ESCAPE '\\\\'");
        assertThat(values(like)).containsExactly("50\\%\\_off\\\\%");
        assertThat(equals.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` WHERE LOWER(`name`) = LOWER(?)");
        assertThat(sensitive.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` WHERE `name` LIKE ? ESCAPE '\\\\'");
    }

    @Test
    void divideOfWholeNumbersTruncatesWithDivAndOfFloatsDividesExactly() {
        SqlStatement steps = MYSQL.render(new Operation.UpdateMany(STEP, Filter.ALL,
                data(op(STEP_ATTEMPTS, WriteOp.DIVIDE, 2), op(STEP_DURATION_MS, WriteOp.DIVIDE, 3L))));
        SqlStatement runs = MYSQL.render(new Operation.UpdateMany(RUN, Filter.ALL, data(op(RUN_COST, WriteOp.DIVIDE, 2.0))));

        assertThat(steps.sql()).isEqualTo("UPDATE `pipeline_steps` SET `attempts` = `attempts` DIV ?,"
                + " `durationMs` = `durationMs` DIV ?");
        assertThat(runs.sql()).isEqualTo("UPDATE `PipelineRun` SET `cost` = `cost` / ?");
    }

    @Test
    void enumAndJsonValuesAreBoundWithoutCasts() {
        Json metadata = Json.of(Map.of("a", 1));
        SqlStatement statement = MYSQL.render(new Operation.UpdateMany(RUN, eq(RUN_STATUS, "FAILED"),
                data(set(RUN_METADATA, metadata))));

        assertThat(statement.sql()).isEqualTo("UPDATE `PipelineRun` SET `metadata` = ? WHERE `status` = ?");
        assertThat(values(statement)).containsExactly(metadata, "FAILED");
    }

    @Test
    void wholeJsonValuesCompareAsJsonOnEachServer() {
        Json value = Json.of(Map.of("a", 1));

        assertThat(runs(MYSQL, eq(RUN_METADATA, value)).sql())
                .isEqualTo("SELECT `id` FROM `PipelineRun` WHERE `metadata` = CAST(? AS JSON)");
        assertThat(runs(MYSQL, compare(RUN_METADATA, Operator.NOT, value)).sql())
                .isEqualTo("SELECT `id` FROM `PipelineRun` WHERE `metadata` <> CAST(? AS JSON)");
        assertThat(runs(MARIADB, eq(RUN_METADATA, value)).sql())
                .isEqualTo("SELECT `id` FROM `PipelineRun` WHERE JSON_EQUALS(`metadata`, ?)");
        assertThat(runs(OLD_MARIADB, compare(RUN_METADATA, Operator.NOT, value)).sql())
                .isEqualTo("SELECT `id` FROM `PipelineRun` WHERE JSON_COMPACT(`metadata`) <> JSON_COMPACT(?)");
    }

    @Test
    void jsonPathsAreBoundAsMySqlPathText() {
        SqlStatement equals = runs(MYSQL, new Filter.JsonPath(RUN_METADATA, List.of("topic", "k\"i\\nd"),
                Filter.JsonOperator.EQUALS, Json.of(5)));
        SqlStatement mariaEquals = runs(MARIADB, new Filter.JsonPath(RUN_METADATA, List.of("topic"),
                Filter.JsonOperator.EQUALS, Json.of(5)));
        SqlStatement contains = runs(MYSQL, new Filter.JsonPath(RUN_METADATA, List.of("tags"),
                Filter.JsonOperator.ARRAY_CONTAINS, Json.of("x")));
        SqlStatement startsWith = runs(MYSQL, new Filter.JsonPath(RUN_METADATA, List.of("topic"),
                Filter.JsonOperator.STRING_STARTS_WITH, "a_"));

        assertThat(equals.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` WHERE JSON_EXTRACT(`metadata`, ?) = CAST(? AS JSON)");
        assertThat(values(equals)).containsExactly("$.\"topic\".\"k\\\"i\\\\nd\"", Json.of(5));
        assertThat(mariaEquals.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` WHERE JSON_EQUALS(JSON_EXTRACT(`metadata`, ?), ?)");
        assertThat(contains.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` WHERE (JSON_TYPE(JSON_EXTRACT(`metadata`, ?))"
                + " = 'ARRAY' AND JSON_CONTAINS(`metadata`, ?, ?))");
        assertThat(values(contains)).containsExactly("$.\"tags\"", Json.of("x"), "$.\"tags\"");
        assertThat(startsWith.sql()).isEqualTo("SELECT `id` FROM `PipelineRun` WHERE (JSON_TYPE(JSON_EXTRACT(`metadata`, ?))"
                + " = 'STRING' AND JSON_UNQUOTE(JSON_EXTRACT(`metadata`, ?)) LIKE ? ESCAPE '\\\\')");
        assertThat(values(startsWith)).containsExactly("$.\"topic\"", "$.\"topic\"", "a\\_%");
    }

    @Test
    void scalarListsAreRejectedWithTheWayOut() {
        assertThatThrownBy(() -> MYSQL.render(new Operation.FindMany(TAGGED, where(
                compare(TAGGED_TAGS, Operator.HAS, "a")))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("tags of Tagged is a list, which this database cannot store")
                .hasMessageContaining("Json field");
        assertThatThrownBy(() -> MYSQL.render(new Operation.UpdateMany(TAGGED, Filter.ALL,
                data(set(TAGGED_TAGS, List.of("a"))))))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void createWithoutValuesInsertsAnEmptyRow() {
        assertThat(MARIADB.render(new Operation.Create(TAGGED, data(), fields(TAGGED_ID))).sql())
                .isEqualTo("INSERT INTO `tagged_items` () VALUES () RETURNING `id`");
    }

    @Test
    void distinctKeepsTheFirstRowOfEachGroupByRowNumber() {
        SqlStatement statement = MYSQL.render(new Operation.FindMany(STEP, new Query(eq(STEP_RUN_ID, "r"),
                List.of(desc(STEP_CREATED_AT)), 0, 2, null, List.of(STEP_NAME), fields(STEP_ID, STEP_NAME))));

        assertThat(statement.sql()).isEqualTo("SELECT `id`, `name` FROM (SELECT `id`, `name`, `createdAt`,"
                + " row_number() OVER (PARTITION BY `name` ORDER BY `createdAt` DESC) AS `refract_row`"
                + " FROM `pipeline_steps` WHERE `runId` = ?) AS `refract_distinct` WHERE `refract_row` = 1"
                + " ORDER BY `createdAt` DESC LIMIT ?");
        assertThat(values(statement)).containsExactly("r", 2);
    }

    @Test
    void aggregatesAreCastToThePromisedTypesByWrapping() {
        SqlStatement statement = MYSQL.render(new Operation.Aggregate(STEP, Query.ALL, new Aggregations(false,
                List.of(STEP_DURATION_MS, STEP_ATTEMPTS), List.of(STEP_ATTEMPTS), List.of(STEP_STATUS), List.of())));
        SqlStatement price = MYSQL.render(new Operation.Aggregate(TAGGED, Query.ALL, new Aggregations(false,
                List.of(TAGGED_PRICE), List.of(TAGGED_PRICE), List.of(), List.of())));
        SqlStatement cost = MYSQL.render(new Operation.Aggregate(RUN, Query.ALL, new Aggregations(false,
                List.of(RUN_COST), List.of(RUN_COST), List.of(), List.of())));

        assertThat(statement.sql()).isEqualTo("SELECT CAST(sum(`durationMs`) AS SIGNED), CAST(sum(`attempts`) AS SIGNED),"
                + " CAST(avg(`attempts`) AS DOUBLE), min(`status`) FROM `pipeline_steps`");
        assertThat(price.sql()).isEqualTo("SELECT sum(`price`), avg(`price`) FROM `tagged_items`");
        assertThat(cost.sql()).isEqualTo("SELECT sum(`cost`), CAST(avg(`cost`) AS DOUBLE) FROM `PipelineRun`");
    }

    @Test
    void groupByHavingAndOrderUseTheWrappedAggregates() {
        int avgAttempts = Aggregations.index(Aggregations.Function.AVG, STEP_ATTEMPTS, 10, 10);
        SqlStatement statement = MYSQL.render(new Operation.GroupBy(STEP, List.of(STEP_RUN_ID), Filter.ALL,
                compare(avgAttempts, Operator.GT, 1.5),
                List.of(new OrderBy(new OrderBy.Key.Aggregate(Aggregations.Function.AVG, STEP_ATTEMPTS),
                        OrderBy.Direction.DESC, OrderBy.Nulls.FIRST)), 2, null,
                new Aggregations(false, List.of(), List.of(STEP_ATTEMPTS), List.of(), List.of())));

        assertThat(statement.sql()).isEqualTo("SELECT `runId`, CAST(avg(`attempts`) AS DOUBLE) FROM `pipeline_steps`"
                + " GROUP BY `runId` HAVING CAST(avg(`attempts`) AS DOUBLE) > ?"
                + " ORDER BY CAST(avg(`attempts`) AS DOUBLE) IS NULL DESC, CAST(avg(`attempts`) AS DOUBLE) DESC"
                + " LIMIT 18446744073709551615 OFFSET ?");
        assertThat(values(statement)).containsExactly(1.5, 2);
    }

    @Test
    void relatedRecordsMatchTheirParentsKeysOneBindEach() {
        SqlStatement posts = RELATIONS.render(new Operation.FindRelated(RelationsSchema.POST, RelationsSchema.USER,
                RelationsSchema.USER_POSTS, List.of(1, 2), new Query(Filter.ALL, List.of(), 0, null, null, List.of(),
                fields(RelationsSchema.POST_ID))));
        SqlStatement items = RELATIONS.render(new Operation.FindRelated(RelationsSchema.ITEM, RelationsSchema.SHELF,
                RelationsSchema.SHELF_ITEMS, List.of(List.of("A", 1), List.of("B", 2)), new Query(Filter.ALL,
                List.of(), 0, null, null, List.of(), fields(RelationsSchema.ITEM_ID))));
        SqlStatement none = RELATIONS.render(new Operation.FindRelated(RelationsSchema.POST, RelationsSchema.USER,
                RelationsSchema.USER_POSTS, List.of(), Query.ALL));

        assertThat(posts.sql()).isEqualTo("SELECT `Post`.`id`, `Post`.`authorId` FROM `Post`"
                + " WHERE `Post`.`authorId` IN (?, ?)");
        assertThat(values(posts)).containsExactly(1, 2);
        assertThat(items.sql()).isEqualTo("SELECT `Item`.`id`, `Item`.`shelfAisle`, `Item`.`shelfNumber` FROM `Item`"
                + " WHERE (`Item`.`shelfAisle`, `Item`.`shelfNumber`) IN ((?, ?), (?, ?))");
        assertThat(values(items)).containsExactly("A", 1, "B", 2);
        assertThat(none.sql()).endsWith("WHERE FALSE");
    }

    @Test
    void relatedRecordsPagedPerParentAreNumberedByRowNumber() {
        SqlStatement statement = RELATIONS.render(new Operation.FindRelated(RelationsSchema.POST, RelationsSchema.USER,
                RelationsSchema.USER_POSTS, List.of(1), new Query(Filter.ALL, List.of(), 1, 2, null, List.of(),
                fields(RelationsSchema.POST_ID))));

        assertThat(statement.sql()).isEqualTo("SELECT `refract_related`.`id`, `refract_related`.`refract_key_0`"
                + " FROM (SELECT `Post`.`id`, `Post`.`authorId` AS `refract_key_0`, row_number() OVER (PARTITION BY"
                + " `Post`.`authorId` ORDER BY `Post`.`id`) AS `refract_row` FROM `Post` WHERE `Post`.`authorId` IN (?))"
                + " AS `refract_related` WHERE `refract_related`.`refract_row` > ? AND `refract_related`.`refract_row`"
                + " <= ? ORDER BY `refract_related`.`refract_key_0`, `refract_related`.`refract_row`");
        assertThat(values(statement)).containsExactly(1, 1L, 3L);
    }

    @Test
    void writesThatReturnRecordsAreNotOneStatementOnMySql() {
        assertThatThrownBy(() -> MYSQL.render(new Operation.Update(RUN, eq(RUN_ID, "r"), data(), Selection.ALL)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("run plan(operation)");
    }
}
