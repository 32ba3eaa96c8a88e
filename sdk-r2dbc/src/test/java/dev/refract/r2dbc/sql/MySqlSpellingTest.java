package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statements whose MySQL differs from their PostgreSQL only in spelling — backticks for double
 * quotes, {@code ?} for {@code $n} — rendered by both dialects: the MySQL text is the PostgreSQL
 * text respelled, with the same values bound in the same order. The PostgreSQL tests pin the
 * shapes; this proves the MySQL dialect keeps them.
 */
class MySqlSpellingTest {

    private static final SqlRenderer POSTGRES_PIPELINE = Statements.RENDERER;
    private static final SqlRenderer MYSQL_PIPELINE = new SqlRenderer(PipelineSchema.SCHEMA,
            new MySqlDialect(MySqlServer.mysql(8, 0, 36)));
    private static final SqlRenderer POSTGRES_RELATIONS = RelationsSchema.RENDERER;
    private static final SqlRenderer MYSQL_RELATIONS = new SqlRenderer(RelationsSchema.SCHEMA,
            new MySqlDialect(MySqlServer.mariaDb(10, 11, 6)));

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"");
    private static final Pattern NUMBERED = Pattern.compile("\\$\\d+");

    static Stream<Arguments> pipelineStatements() {
        return Stream.of(
                Arguments.of("every column", new Operation.FindMany(PipelineSchema.RUN, Query.ALL)),
                Arguments.of("a unique key of two fields", new Operation.FindUnique(PipelineSchema.STEP,
                        and(eq(PipelineSchema.STEP_RUN_ID, "r"), eq(PipelineSchema.STEP_POSITION, 3)),
                        fields(PipelineSchema.STEP_ID))),
                Arguments.of("order and paging", new Operation.FindMany(PipelineSchema.STEP, new Query(
                        or(compare(PipelineSchema.STEP_ATTEMPTS, Operator.GT, 1),
                                new Filter.Not(new Filter.IsNull(PipelineSchema.STEP_DURATION_MS, true))),
                        List.of(desc(PipelineSchema.STEP_POSITION), asc(PipelineSchema.STEP_ID)), 4, 2, null,
                        List.of(), fields(PipelineSchema.STEP_ID)))),
                Arguments.of("in and not in", new Operation.FindMany(PipelineSchema.STEP, where(and(
                        compare(PipelineSchema.STEP_NAME, Operator.IN, List.of("a", "b")),
                        compare(PipelineSchema.STEP_POSITION, Operator.NOT_IN, List.of()),
                        compare(PipelineSchema.STEP_RUN_ID, Operator.IN, List.of()))))),
                Arguments.of("two fields compared", new Operation.FindMany(PipelineSchema.RUN, where(
                        new Filter.FieldComparison(PipelineSchema.RUN_UPDATED_AT, Operator.GT,
                                PipelineSchema.RUN_STARTED_AT)))),
                Arguments.of("a cursor", new Operation.FindMany(PipelineSchema.STEP, new Query(Filter.ALL,
                        List.of(desc(PipelineSchema.STEP_POSITION)), 0, 10, eq(PipelineSchema.STEP_ID, "s"),
                        List.of(), fields(PipelineSchema.STEP_ID)))),
                Arguments.of("a paged count", new Operation.Count(PipelineSchema.STEP, new Query(Filter.ALL,
                        List.of(), 5, 10, null, List.of(), Selection.ALL))),
                Arguments.of("arithmetic", new Operation.UpdateMany(PipelineSchema.STEP,
                        eq(PipelineSchema.STEP_ID, "s"), data(op(PipelineSchema.STEP_ATTEMPTS,
                                dev.refract.query.WriteData.WriteOp.INCREMENT, 1), set(PipelineSchema.STEP_NAME, "n")))),
                Arguments.of("a multi-row insert with defaults", new Operation.CreateMany(PipelineSchema.STEP, List.of(
                        data(set(PipelineSchema.STEP_ID, "s1"), set(PipelineSchema.STEP_RUN_ID, "r")),
                        data(set(PipelineSchema.STEP_RUN_ID, "r"), set(PipelineSchema.STEP_POSITION, 2))), false)),
                Arguments.of("a delete of many", new Operation.DeleteMany(PipelineSchema.RUN,
                        eq(PipelineSchema.RUN_NAME, "x"))));
    }

    static Stream<Arguments> relationStatements() {
        return Stream.of(
                Arguments.of("some", new Operation.FindMany(RelationsSchema.USER, where(new Filter.Related(
                        RelationsSchema.USER_POSTS, Quantifier.SOME, eq(RelationsSchema.POST_TITLE, "x"))))),
                Arguments.of("every", new Operation.FindMany(RelationsSchema.USER, where(new Filter.Related(
                        RelationsSchema.USER_POSTS, Quantifier.EVERY, eq(RelationsSchema.POST_PUBLISHED, true))))),
                Arguments.of("is, through a join table", new Operation.FindMany(RelationsSchema.TAG, where(
                        new Filter.Related(RelationsSchema.TAG_POSTS, Quantifier.SOME, new Filter.Related(
                                RelationsSchema.POST_AUTHOR, Quantifier.IS, eq(RelationsSchema.USER_NAME, "a")))))),
                Arguments.of("a relation count selected", new Operation.FindMany(RelationsSchema.USER, new Query(
                        Filter.ALL, List.of(new OrderBy(new OrderBy.Key.RelationCount(List.of(RelationsSchema.USER_POSTS)),
                                OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT)), 0, null, null, List.of(),
                        new Selection(List.of(RelationsSchema.USER_ID), List.of(),
                                List.of(new Selection.RelationCount(RelationsSchema.USER_POSTS, Filter.ALL)))))),
                Arguments.of("a related field sorted", new Operation.FindMany(RelationsSchema.POST, new Query(
                        Filter.ALL, List.of(new OrderBy(new OrderBy.Key.RelatedField(List.of(RelationsSchema.POST_AUTHOR),
                                RelationsSchema.USER_NAME), OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0, null, null,
                        List.of(), fields(RelationsSchema.POST_ID)))),
                Arguments.of("a compound key", new Operation.FindUnique(RelationsSchema.SHELF, and(
                        eq(RelationsSchema.SHELF_AISLE, "A"), eq(RelationsSchema.SHELF_NUMBER, 1)), Selection.ALL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelineStatements")
    void pipelineStatementsDifferOnlyInSpelling(String name, Operation operation) {
        assertSameButSpelling(POSTGRES_PIPELINE.render(operation), MYSQL_PIPELINE.render(operation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relationStatements")
    void relationStatementsDifferOnlyInSpelling(String name, Operation operation) {
        assertSameButSpelling(POSTGRES_RELATIONS.render(operation), MYSQL_RELATIONS.render(operation));
    }

    private static void assertSameButSpelling(SqlStatement postgres, SqlStatement mysql) {
        assertThat(mysql.sql()).isEqualTo(respell(postgres.sql()));
        assertThat(mysql.parameters()).isEqualTo(postgres.parameters());
        assertThat(mysql.result()).isEqualTo(postgres.result());
    }

    /** PostgreSQL text in MySQL's spelling: backticked identifiers, {@code ?} placeholders. */
    static String respell(String postgres) {
        Matcher quoted = QUOTED.matcher(postgres);
        StringBuilder text = new StringBuilder();
        while (quoted.find()) {
            String name = quoted.group(1).replace("\"\"", "\"").replace("`", "``");
            quoted.appendReplacement(text, Matcher.quoteReplacement("`" + name + "`"));
        }
        quoted.appendTail(text);
        return NUMBERED.matcher(text).replaceAll("?");
    }
}
