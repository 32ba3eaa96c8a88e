package dev.refract.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
