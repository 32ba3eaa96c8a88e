package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.PipelineSchema.*;
import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterRenderingTest {

    private static final String RUN_SELECT = "SELECT \"id\" FROM \"PipelineRun\"";
    private static final String TAGGED_SELECT = "SELECT \"id\" FROM \"tagged_items\"";

    private static SqlStatement run(Filter filter) {
        return RENDERER.render(new Operation.FindUnique(RUN, filter, fields(RUN_ID)));
    }

    private static SqlStatement tagged(Filter filter) {
        return RENDERER.render(new Operation.FindUnique(TAGGED, filter, fields(TAGGED_ID)));
    }

    @Test
    void comparisonOperatorsBindTheirValue() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(run(compare(RUN_NAME, Operator.NOT, "a")).sql()).isEqualTo(RUN_SELECT + " WHERE \"name\" <> $1");
        assertThat(run(compare(RUN_COST, Operator.LT, 1.0)).sql()).isEqualTo(RUN_SELECT + " WHERE \"cost\" < $1");
        assertThat(run(compare(RUN_COST, Operator.LTE, 1.0)).sql()).isEqualTo(RUN_SELECT + " WHERE \"cost\" <= $1");
        assertThat(run(compare(RUN_STARTED_AT, Operator.GT, at)).sql())
                .isEqualTo(RUN_SELECT + " WHERE \"startedAt\" > $1");
        SqlStatement gte = run(compare(RUN_STARTED_AT, Operator.GTE, at));
        assertThat(gte.sql()).isEqualTo(RUN_SELECT + " WHERE \"startedAt\" >= $1");
        assertThat(gte.parameters()).containsExactly(Bind.of(at));
    }

    @Test
    void enumValuesAreCastToTheNativeEnumType() {
        SqlStatement statement = run(compare(RUN_STATUS, Operator.IN, List.of("PENDING", "FAILED")));

        assertThat(statement.sql())
                .isEqualTo(RUN_SELECT + " WHERE \"status\" IN ($1::\"Status\", $2::\"Status\")");
        assertThat(values(statement)).containsExactly("PENDING", "FAILED");
    }

    @Test
    void emptyInMatchesNothingAndEmptyNotInMatchesEverything() {
        SqlStatement in = run(compare(RUN_NAME, Operator.IN, List.of()));
        SqlStatement notIn = run(compare(RUN_NAME, Operator.NOT_IN, List.of()));

        assertThat(in.sql()).isEqualTo(RUN_SELECT + " WHERE FALSE");
        assertThat(notIn.sql()).isEqualTo(RUN_SELECT + " WHERE TRUE");
        assertThat(in.parameters()).isEmpty();
        assertThat(run(compare(RUN_NAME, Operator.NOT_IN, List.of("a", "b"))).sql())
                .isEqualTo(RUN_SELECT + " WHERE \"name\" NOT IN ($1, $2)");
    }

    @Test
    void emptyAndMatchesEverythingAndEmptyOrNothing() {
        assertThat(run(and()).sql()).isEqualTo(RUN_SELECT);
        assertThat(run(or()).sql()).isEqualTo(RUN_SELECT + " WHERE FALSE");
        assertThat(run(new Filter.Not(and())).sql()).isEqualTo(RUN_SELECT + " WHERE NOT (TRUE)");
        assertThat(run(or(eq(RUN_NAME, "a"), and())).sql()).isEqualTo(RUN_SELECT + " WHERE (\"name\" = $1 OR TRUE)");
    }

    @Test
    void nestedJunctionsAreParenthesised() {
        SqlStatement statement = run(or(and(eq(RUN_NAME, "a"), eq(RUN_COST, 2.0)),
                new Filter.Not(new Filter.IsNull(RUN_METADATA, true)), new Filter.IsNull(RUN_METADATA, false)));

        assertThat(statement.sql()).isEqualTo(RUN_SELECT + " WHERE ((\"name\" = $1 AND \"cost\" = $2)"
                + " OR NOT (\"metadata\" IS NULL) OR \"metadata\" IS NOT NULL)");
        assertThat(values(statement)).containsExactly("a", 2.0);
    }

    @Test
    void patternsEscapeWildcardsAndTheEscapeCharacter() {
        assertThat(values(run(compare(RUN_NAME, Operator.CONTAINS, "50%_off\\")))).containsExactly("%50\\%\\_off\\\\%");
        SqlStatement starts = run(compare(RUN_NAME, Operator.STARTS_WITH, "a_"));
        assertThat(starts.sql()).isEqualTo(RUN_SELECT + " WHERE \"name\" LIKE $1");
        assertThat(values(starts)).containsExactly("a\\_%");
        assertThat(values(run(compare(RUN_NAME, Operator.ENDS_WITH, "%")))).containsExactly("%\\%");
    }

    @Test
    void insensitiveModeUsesIlikeAndLower() {
        assertThat(run(insensitive(RUN_NAME, Operator.CONTAINS, "Ab")).sql())
                .isEqualTo(RUN_SELECT + " WHERE \"name\" ILIKE $1");
        assertThat(run(insensitive(RUN_NAME, Operator.EQUALS, "Ab")).sql())
                .isEqualTo(RUN_SELECT + " WHERE lower(\"name\") = lower($1)");
        assertThat(run(insensitive(RUN_NAME, Operator.IN, List.of("A", "b"))).sql())
                .isEqualTo(RUN_SELECT + " WHERE lower(\"name\") IN (lower($1), lower($2))");
    }

    @Test
    void insensitiveModeIsIgnoredWhereCaseDoesNotApply() {
        assertThat(run(insensitive(RUN_STATUS, Operator.EQUALS, "RUNNING")).sql())
                .isEqualTo(RUN_SELECT + " WHERE \"status\" = $1::\"Status\"");
    }

    @Test
    void twoColumnsOfTheSameRowCompare() {
        assertThat(run(new Filter.FieldComparison(RUN_UPDATED_AT, Operator.GT, RUN_STARTED_AT)).sql())
                .isEqualTo(RUN_SELECT + " WHERE \"updatedAt\" > \"startedAt\"");
    }

    @Test
    void fieldComparisonsTakeOnlyOrderingOperators() {
        assertThatThrownBy(() -> new Filter.FieldComparison(RUN_NAME, Operator.CONTAINS, RUN_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot compare two fields");
    }

    @Test
    void jsonEqualityBindsJsonb() {
        Json value = Json.of(List.of(1, 2));
        SqlStatement statement = run(eq(RUN_METADATA, value));

        assertThat(statement.sql()).isEqualTo(RUN_SELECT + " WHERE \"metadata\" = $1::jsonb");
        assertThat(statement.parameters()).containsExactly(Bind.of(value));
    }

    @Test
    void jsonPathFiltersBindThePathAsTextArray() {
        Json value = Json.of("video");
        SqlStatement equals = run(new Filter.JsonPath(RUN_METADATA, List.of("topic", "kind"),
                Filter.JsonOperator.EQUALS, value));
        SqlStatement contains = run(new Filter.JsonPath(RUN_METADATA, List.of("topic"),
                Filter.JsonOperator.STRING_CONTAINS, "a_b"));
        SqlStatement arrayContains = run(new Filter.JsonPath(RUN_METADATA, List.of("tags"),
                Filter.JsonOperator.ARRAY_CONTAINS, value));

        assertThat(equals.sql()).isEqualTo(RUN_SELECT + " WHERE (\"metadata\" #> $1::text[]) = $2::jsonb");
        assertThat(values(equals)).containsExactly(List.of("topic", "kind"), value);
        assertThat(contains.sql()).isEqualTo(RUN_SELECT + " WHERE (jsonb_typeof(\"metadata\" #> $1::text[]) = 'string'"
                + " AND (\"metadata\" #>> $1::text[]) LIKE $2)");
        assertThat(values(contains)).containsExactly(List.of("topic"), "%a\\_b%");
        assertThat(arrayContains.sql()).isEqualTo(RUN_SELECT + " WHERE (jsonb_typeof(\"metadata\" #> $1::text[])"
                + " = 'array' AND (\"metadata\" #> $1::text[]) @> $2::jsonb)");
    }

    @Test
    void jsonPathFiltersNeedAJsonField() {
        assertThatThrownBy(() -> run(new Filter.JsonPath(RUN_NAME, List.of("a"), Filter.JsonOperator.EQUALS,
                Json.of(1)))).isInstanceOf(InvalidQueryException.class).hasMessageContaining("Json fields");
    }

    @Test
    void scalarListFiltersUseArrayOperatorsWithTypedArrays() {
        assertThat(tagged(compare(TAGGED_TAGS, Operator.HAS, "x")).sql())
                .isEqualTo(TAGGED_SELECT + " WHERE \"tags\" @> ARRAY[$1::text]");
        SqlStatement every = tagged(compare(TAGGED_SCORES, Operator.HAS_EVERY, List.of(1, 2)));
        assertThat(every.sql()).isEqualTo(TAGGED_SELECT + " WHERE \"scores\" @> $1::integer[]");
        assertThat(every.parameters()).containsExactly(new Bind(List.of(1, 2), List.class));
        assertThat(tagged(compare(TAGGED_LABELS, Operator.HAS_SOME, List.of("FAILED"))).sql())
                .isEqualTo(TAGGED_SELECT + " WHERE \"labels\" && $1::\"Status\"[]");
        assertThat(tagged(compare(TAGGED_TAGS, Operator.IS_EMPTY, null)).sql())
                .isEqualTo(TAGGED_SELECT + " WHERE cardinality(\"tags\") = 0");
        assertThat(tagged(eq(TAGGED_TAGS, List.of("a", "b"))).sql())
                .isEqualTo(TAGGED_SELECT + " WHERE \"tags\" = $1::text[]");
    }

    @Test
    void nativeTypesAreCastWhereABindWouldNotConvert() {
        assertThat(tagged(eq(TAGGED_REF, "00000000-0000-0000-0000-000000000000")).sql())
                .isEqualTo(TAGGED_SELECT + " WHERE \"ref\" = $1::uuid");
        assertThat(tagged(compare(TAGGED_CODES, Operator.HAS_SOME, List.of("a"))).sql())
                .isEqualTo(TAGGED_SELECT + " WHERE \"codes\" && $1::varchar[]");
        assertThat(tagged(compare(TAGGED_CODES, Operator.HAS, "a")).sql())
                .isEqualTo(TAGGED_SELECT + " WHERE \"codes\" @> ARRAY[$1::varchar]");
    }

    @Test
    void decimalValuesKeepTheirType() {
        SqlStatement statement = tagged(compare(TAGGED_PRICE, Operator.GTE, new BigDecimal("9.99")));

        assertThat(statement.sql()).isEqualTo(TAGGED_SELECT + " WHERE \"price\" >= $1");
        assertThat(statement.parameters()).containsExactly(new Bind(new BigDecimal("9.99"), BigDecimal.class));
    }

    @Test
    void rejectsListOperatorsOnSingleValues() {
        assertThatThrownBy(() -> run(compare(RUN_NAME, Operator.HAS, "x")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("list fields")
                .hasMessageContaining("name");
    }

    @Test
    void rejectsPatternsOnNonTextFields() {
        assertThatThrownBy(() -> run(compare(RUN_COST, Operator.CONTAINS, "1")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("cost");
    }

    @Test
    void rejectsInWithoutAList() {
        assertThatThrownBy(() -> run(compare(RUN_NAME, Operator.IN, "a")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("list of values");
    }

    @Test
    void rejectsFilteringOnARelationField() {
        assertThatThrownBy(() -> run(eq(RUN_STEPS, "x")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("steps");
    }
}
