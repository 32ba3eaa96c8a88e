package dev.refract.redis.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client-side filter against the expectations SQL sets: three-valued logic around missing
 * values, literal text matching, insensitive mode, lists, Json and enum order.
 */
class FilterEvaluatorTest {

    private static final int TEXT = 0;
    private static final int COUNT = 1;
    private static final int TAGS = 2;
    private static final int DOC = 3;
    private static final int COLOUR = 4;
    private static final int AMOUNT = 5;
    private static final int AT = 6;
    private static final int OTHER = 7;

    private final FilterEvaluator evaluator = new FilterEvaluator("Sample", i -> "f" + i,
            i -> i == COLOUR ? List.of("RED", "GREEN", "BLUE") : null);

    private static Object[] record(String text, Integer count) {
        Object[] values = new Object[8];
        values[TEXT] = text;
        values[COUNT] = count;
        values[TAGS] = List.of("a", "b");
        values[DOC] = Json.parse("{\"k\": [1, 2], \"s\": \"hello\", \"n\": {\"x\": 1.0}}");
        values[COLOUR] = "GREEN";
        values[AMOUNT] = new BigDecimal("2.50");
        values[AT] = Instant.parse("2024-01-01T00:00:00Z");
        values[OTHER] = 3;
        return values;
    }

    private boolean matches(Filter filter, Object[] record) {
        return evaluator.matches(filter, i -> record[i]);
    }

    private static Comparison cmp(int field, Operator operator, Object value) {
        return new Comparison(field, operator, value, Mode.DEFAULT);
    }

    @Test
    void comparisonsOrderNumbersByValueWhateverTheirJavaType() {
        Object[] r = record("x", 5);

        assertThat(matches(cmp(COUNT, Operator.EQUALS, 5L), r)).isTrue();
        assertThat(matches(cmp(COUNT, Operator.LT, 6), r)).isTrue();
        assertThat(matches(cmp(COUNT, Operator.LTE, 5), r)).isTrue();
        assertThat(matches(cmp(COUNT, Operator.GT, 5), r)).isFalse();
        assertThat(matches(cmp(COUNT, Operator.GTE, 5.0), r)).isTrue();
        assertThat(matches(cmp(COUNT, Operator.NOT, 4), r)).isTrue();
        assertThat(matches(cmp(AMOUNT, Operator.EQUALS, new BigDecimal("2.5")), r)).isTrue();
        assertThat(matches(cmp(AT, Operator.GT, Instant.parse("2023-12-31T23:59:59Z")), r)).isTrue();
    }

    @Test
    void aComparisonWithAMissingValueIsUnknownAndSoIsItsNegation() {
        Object[] r = record(null, null);

        assertThat(matches(cmp(TEXT, Operator.EQUALS, "a"), r)).isFalse();
        assertThat(matches(cmp(TEXT, Operator.NOT, "a"), r)).isFalse();
        assertThat(matches(new Filter.Not(cmp(TEXT, Operator.EQUALS, "a")), r)).isFalse();
        assertThat(matches(cmp(COUNT, Operator.NOT_IN, List.of(1)), r)).isFalse();
        assertThat(matches(new Filter.IsNull(TEXT, true), r)).isTrue();
        assertThat(matches(new Filter.IsNull(TEXT, false), r)).isFalse();
    }

    @Test
    void andOrAndNotCombineUnknownsAsSqlDoes() {
        Object[] r = record(null, 1);
        Filter unknown = cmp(TEXT, Operator.EQUALS, "a");
        Filter yes = cmp(COUNT, Operator.EQUALS, 1);
        Filter no = cmp(COUNT, Operator.EQUALS, 2);

        assertThat(evaluator.evaluate(new Filter.And(List.of(unknown, yes)), i -> r[i])).isNull();
        assertThat(evaluator.evaluate(new Filter.And(List.of(unknown, no)), i -> r[i])).isFalse();
        assertThat(evaluator.evaluate(new Filter.Or(List.of(unknown, yes)), i -> r[i])).isTrue();
        assertThat(evaluator.evaluate(new Filter.Or(List.of(unknown, no)), i -> r[i])).isNull();
        assertThat(matches(new Filter.Not(new Filter.Or(List.of(unknown, no))), r)).isFalse();
        assertThat(matches(Filter.ALL, r)).isTrue();
        assertThat(matches(new Filter.Or(List.of()), r)).isFalse();
    }

    @Test
    void inAnEmptyListIsFalseAndNotInItTrueEvenForAMissingValue() {
        Object[] r = record(null, null);

        assertThat(matches(cmp(TEXT, Operator.IN, List.of()), r)).isFalse();
        assertThat(matches(cmp(TEXT, Operator.NOT_IN, List.of()), r)).isTrue();
        assertThat(matches(cmp(COUNT, Operator.IN, List.of(1, 2)), record("x", 2))).isTrue();
        assertThat(matches(cmp(COUNT, Operator.NOT_IN, List.of(1, 2)), record("x", 2))).isFalse();
        assertThatThrownBy(() -> matches(cmp(COUNT, Operator.IN, Arrays.asList(1, null)), record("x", 3)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("isNull");
    }

    @Test
    void textOperatorsMatchLiterallyWithoutWildcards() {
        Object[] r = record("50%_off", 1);

        assertThat(matches(cmp(TEXT, Operator.CONTAINS, "%_"), r)).isTrue();
        assertThat(matches(cmp(TEXT, Operator.CONTAINS, "0_"), r)).isFalse();
        assertThat(matches(cmp(TEXT, Operator.STARTS_WITH, "50%"), r)).isTrue();
        assertThat(matches(cmp(TEXT, Operator.ENDS_WITH, "off"), r)).isTrue();
        assertThat(matches(cmp(TEXT, Operator.ENDS_WITH, "OFF"), r)).isFalse();
    }

    @Test
    void insensitiveModeFoldsBothSidesOfEveryTextComparison() {
        Object[] r = record("Hello World", 1);
        Mode insensitive = Mode.INSENSITIVE;

        assertThat(matches(new Comparison(TEXT, Operator.EQUALS, "hello world", insensitive), r)).isTrue();
        assertThat(matches(new Comparison(TEXT, Operator.CONTAINS, "O W", insensitive), r)).isTrue();
        assertThat(matches(new Comparison(TEXT, Operator.IN, List.of("HELLO WORLD"), insensitive), r)).isTrue();
        assertThat(matches(new Comparison(TEXT, Operator.GT, "HELLO", insensitive), r)).isTrue();
        assertThat(matches(new Comparison(TEXT, Operator.NOT, "HELLO WORLD", insensitive), r)).isFalse();
    }

    @Test
    void listOperatorsTestMembership() {
        Object[] r = record("x", 1);

        assertThat(matches(cmp(TAGS, Operator.HAS, "a"), r)).isTrue();
        assertThat(matches(cmp(TAGS, Operator.HAS_EVERY, List.of("a", "b")), r)).isTrue();
        assertThat(matches(cmp(TAGS, Operator.HAS_EVERY, List.of("a", "c")), r)).isFalse();
        assertThat(matches(cmp(TAGS, Operator.HAS_SOME, List.of("c", "b")), r)).isTrue();
        assertThat(matches(new Comparison(TAGS, Operator.IS_EMPTY, null, Mode.DEFAULT), r)).isFalse();
        assertThat(matches(cmp(TAGS, Operator.EQUALS, List.of("a", "b")), r)).isTrue();
        assertThat(matches(cmp(TAGS, Operator.EQUALS, List.of("b", "a")), r)).isFalse();
        assertThatThrownBy(() -> matches(cmp(TEXT, Operator.HAS, "a"), r)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void jsonComparesAsJsonValuesAndPathsReachInside() {
        Object[] r = record("x", 1);

        assertThat(matches(cmp(DOC, Operator.EQUALS, Json.parse("{\"s\":\"hello\",\"n\":{\"x\":1},\"k\":[1,2]}")), r))
                .isTrue();
        assertThat(matches(cmp(DOC, Operator.NOT, Json.parse("{}")), r)).isTrue();
        assertThat(matches(new Filter.JsonPath(DOC, List.of("n", "x"), Filter.JsonOperator.EQUALS, Json.of(1)), r))
                .isTrue();
        assertThat(matches(new Filter.JsonPath(DOC, List.of("k", "1"), Filter.JsonOperator.EQUALS, Json.of(2)), r))
                .isTrue();
        assertThat(matches(new Filter.JsonPath(DOC, List.of("s"), Filter.JsonOperator.STRING_STARTS_WITH, "he"), r))
                .isTrue();
        assertThat(matches(new Filter.JsonPath(DOC, List.of("k"), Filter.JsonOperator.ARRAY_CONTAINS,
                Json.parse("[2]")), r)).isTrue();
        assertThat(matches(new Filter.Not(new Filter.JsonPath(DOC, List.of("missing"), Filter.JsonOperator.EQUALS,
                Json.of(1))), r)).isFalse();
    }

    @Test
    void enumsOrderByDeclarationAndFieldsCompareWithFields() {
        Object[] r = record("x", 3);

        assertThat(matches(cmp(COLOUR, Operator.GT, "RED"), r)).isTrue();
        assertThat(matches(cmp(COLOUR, Operator.LT, "BLUE"), r)).isTrue();
        assertThat(matches(new Filter.FieldComparison(COUNT, Operator.EQUALS, OTHER), r)).isTrue();
        assertThat(matches(new Filter.FieldComparison(COUNT, Operator.LT, OTHER), r)).isFalse();
        assertThat(matches(new Filter.FieldComparison(TEXT, Operator.EQUALS, COUNT), record(null, 1))).isFalse();
    }

    @Test
    void relationFiltersAreRefusedWithAWayOut() {
        assertThatThrownBy(() -> matches(new Filter.Related(COUNT, Filter.Quantifier.SOME, Filter.ALL), record("x", 1)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Redis")
                .hasMessageContaining("in(...)");
    }
}
