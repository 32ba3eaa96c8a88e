package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Values a caller gives only ever travel as binds: the SQL text does not depend on them. */
class HostileValuesTest {

    private static final List<String> HOSTILE = List.of("'", "\"", "\\", "$1", "$$", ";--", "'; DROP TABLE \"PipelineRun\"; --",
            "\0", "a\0b", "é☃𝄞", "\uD800", "%_\\", "' OR '1'='1", "\" OR \"\"=\"", "?", ":name", "/* */", "\r\n");

    /** Operations that each carry {@code value} somewhere a careless renderer would splice it. */
    private static final List<Function<String, Operation>> CARRIERS = List.of(
            value -> new Operation.FindUnique(RUN, eq(RUN_ID, value), Selection.ALL),
            value -> new Operation.FindMany(RUN, where(compare(RUN_NAME, Operator.CONTAINS, value))),
            value -> new Operation.FindMany(RUN, where(insensitive(RUN_NAME, Operator.STARTS_WITH, value))),
            value -> new Operation.FindMany(RUN, where(insensitive(RUN_NAME, Operator.EQUALS, value))),
            value -> new Operation.FindMany(RUN, where(compare(RUN_NAME, Operator.IN, List.of(value, value)))),
            value -> new Operation.FindMany(RUN, where(compare(RUN_STATUS, Operator.NOT, value))),
            value -> new Operation.FindMany(RUN, where(new Filter.JsonPath(RUN_METADATA, List.of(value, "k"),
                    Filter.JsonOperator.STRING_ENDS_WITH, value))),
            value -> new Operation.FindMany(TAGGED, where(compare(TAGGED_TAGS, Operator.HAS, value))),
            value -> new Operation.FindMany(TAGGED, where(compare(TAGGED_TAGS, Operator.HAS_SOME, List.of(value)))),
            value -> new Operation.FindMany(STEP, new Query(eq(STEP_NAME, value), List.of(asc(STEP_POSITION)), 0, 5,
                    eq(STEP_ID, value), List.of(), Selection.ALL)),
            value -> new Operation.Create(RUN, data(set(RUN_ID, value), set(RUN_NAME, value)), Selection.ALL),
            value -> new Operation.CreateMany(TAGGED, List.of(data(set(TAGGED_CODE, value)),
                    data(set(TAGGED_TAGS, List.of(value)))), true),
            value -> new Operation.Update(RUN, eq(RUN_ID, value), data(set(RUN_NAME, value)), Selection.ALL),
            value -> new Operation.Upsert(TAGGED, eq(TAGGED_CODE, value), data(set(TAGGED_CODE, value)),
                    data(set(TAGGED_NOTE, value)), Selection.ALL),
            value -> new Operation.DeleteMany(RUN, or(eq(RUN_NAME, value), new Filter.Not(eq(RUN_ID, value)))));

    @Test
    void hostileValuesLeaveTheTextAsABenignValueDoes() {
        for (String value : HOSTILE) {
            assertCarriedOnlyAsBinds(value);
        }
    }

    @Test
    void randomValuesNeverAppearInTheText() {
        RandomCases.forAll(300, random -> Draw.anyString(random, 0, 24), HostileValuesTest::assertCarriedOnlyAsBinds);
    }

    @Test
    void randomSqlishValuesNeverAppearInTheText() {
        RandomCases.forAll(300, random -> Draw.string(random, "'\"\\$1;-%_ (),*/:?" + "abc", 1, 16),
                HostileValuesTest::assertCarriedOnlyAsBinds);
    }

    private static void assertCarriedOnlyAsBinds(String value) {
        for (Function<String, Operation> carrier : CARRIERS) {
            SqlStatement hostile = RENDERER.render(carrier.apply(value));
            SqlStatement benign = RENDERER.render(carrier.apply("v"));
            assertThat(hostile.sql()).as("text for %s", carrier.apply(value)).isEqualTo(benign.sql());
            assertThat(hostile.parameters()).hasSameSizeAs(benign.parameters());
            if (value.length() >= 2 && !benign.sql().contains(value)) {
                assertThat(hostile.sql()).doesNotContain(value);
            }
            StringBuilder escaped = new StringBuilder();
            LikePattern.appendEscaped(escaped, value, PostgresDialect.INSTANCE.likeEscape());
            assertThat(hostile.parameters()).as("the value travels as a bind")
                    .anyMatch(bind -> String.valueOf(bind.value()).contains(value)
                            || String.valueOf(bind.value()).contains(escaped));
        }
    }
}
