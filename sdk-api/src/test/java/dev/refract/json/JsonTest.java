package dev.refract.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void printsCanonicalTextWithSortedKeys() {
        Json json = Json.parse("{ \"b\": [1, 2], \"a\": {\"z\": true, \"y\": null} }");

        assertThat(json).hasToString("{\"a\":{\"y\":null,\"z\":true},\"b\":[1,2]}");
    }

    @Test
    void equalsByValueWhateverTheKeyOrder() {
        Json parsed = Json.parse("{\"topic\":\"AI\",\"n\":2}");
        Json built = Json.of(Map.of("n", 2, "topic", "AI"));

        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(parsed).isNotEqualTo(Json.parse("{\"topic\":\"AI\",\"n\":3}"));
    }

    @Test
    void wrapsScalarsAndLists() {
        assertThat(Json.of(List.of("a", 1, false))).hasToString("[\"a\",1,false]");
        assertThat(Json.of("text")).hasToString("\"text\"");
        assertThat(Json.of(null)).hasToString("null");
    }

    @Test
    void treeIsACopy() {
        Json json = Json.parse("{\"a\":1}");

        ((com.fasterxml.jackson.databind.node.ObjectNode) json.tree()).put("a", 2);

        assertThat(json).hasToString("{\"a\":1}");
        assertThat(json.tree().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void convertsBackToJavaTypes() {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = Json.parse("{\"a\":1}").as(Map.class);

        assertThat(new TreeMap<>(map)).containsEntry("a", 1);
    }

    @Test
    void rejectsInvalidTextSayingWhere() {
        assertThatThrownBy(() -> Json.parse("{\"a\": }")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not valid JSON").hasMessageContaining("line 1");
    }

    @Test
    void roundTripsEveryJsonTypeThroughText() {
        String text = "{\"array\":[1,\"two\",[],{}],\"big\":123456789012345678901234567890,"
                + "\"decimal\":12345678901234567890.123456789012345678901,\"false\":false,\"fraction\":0.1,"
                + "\"huge\":1" + "0".repeat(400) + ",\"long\":9007199254740993,\"negative\":-42,"
                + "\"nested\":{\"a\":{\"b\":[null]}},\"null\":null,\"small\":0.0000001,"
                + "\"string\":\"quote \\\" backslash \\\\ tab \\t unicode \u00e9\u4e2d\ud83d\ude00\",\"true\":true}";

        Json json = Json.parse(text);

        assertThat(json).hasToString(text);
        assertThat(Json.parse(json.toString())).isEqualTo(json);
        assertThat(json.tree().get("decimal").decimalValue())
                .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678901"));
        assertThat(json.tree().get("long").longValue()).isEqualTo(9_007_199_254_740_993L);
        assertThat(json.tree().get("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void numbersCompareByValueAsJsonbDoes() {
        assertThat(Json.parse("1.0")).isEqualTo(Json.parse("1")).isEqualTo(Json.of(1.0)).hasToString("1");
        assertThat(Json.parse("1.50")).isEqualTo(Json.parse("1.5")).hasToString("1.5");
        assertThat(Json.parse("1e400")).hasToString("1" + "0".repeat(400));
        assertThat(Json.parse("1E-7")).isEqualTo(Json.of(new BigDecimal("0.00000010"))).hasToString("0.0000001");
        assertThat(Json.of(0.1)).isEqualTo(Json.parse("0.1"));
        assertThat(Json.parse("-0.0")).isEqualTo(Json.parse("0"));
        assertThat(Json.parse("1.5")).isNotEqualTo(Json.parse("1.51"));
    }

    @Test
    void javaValuesRoundTripThroughTheirJsonText() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("decimal", new BigDecimal("0.30000000000000000001"));
        value.put("int", 7);
        value.put("long", Long.MAX_VALUE);
        value.put("big", BigInteger.TEN.pow(30));
        value.put("double", 2.5);
        value.put("list", List.of(true, false));
        value.put("null", null);

        Json json = Json.of(value);

        assertThat(Json.parse(json.toString())).isEqualTo(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = json.as(Map.class);
        assertThat(back.get("decimal")).isEqualTo(new BigDecimal("0.30000000000000000001"));
        assertThat(back.get("long")).isEqualTo(Long.MAX_VALUE);
        assertThat(json.as(Map.class)).containsKey("null");
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThatThrownBy(() -> Json.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Json.of(List.of(Double.POSITIVE_INFINITY))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Json.parse("NaN")).isInstanceOf(IllegalArgumentException.class);
    }
}
