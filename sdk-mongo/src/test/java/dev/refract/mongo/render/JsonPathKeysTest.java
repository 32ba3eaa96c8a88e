package dev.refract.mongo.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.json.Json;
import dev.refract.mongo.codec.ModelCodecs;
import dev.refract.mongo.codec.ScalarCodecs;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.query.Filter;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/**
 * Keys of JSON paths holding dots, leading dollars or nothing at all are never read as a dotted
 * path or an operator: the renderer either writes a dotted path of safe keys, or reads each key
 * literally with {@code $getField} and {@code $literal}.
 */
class JsonPathKeysTest {

    private static final int PROFILE = 9;
    private static final String KEY_CHARACTERS = "ab.$_0 ";

    private final FilterRenderer renderer = new FilterRenderer(new ModelCodecs(RefractClientMetadata.SCHEMA,
            ScalarCodecs.standard()));

    @Test
    void everyKeyIsEitherPartOfASafeDottedPathOrALiteral() {
        RandomCases.forAll(500, random -> Draw.listOf(random, 1, 4, r -> Draw.string(r, KEY_CHARACTERS, 0, 5)),
                keys -> {
                    BsonDocument rendered = renderer.render(0, new Filter.JsonPath(PROFILE, keys,
                            Filter.JsonOperator.EQUALS, Json.of("v")), new FilterRenderer.Stages());
                    boolean safe = keys.stream().allMatch(FilterRenderer::safeKey);
                    if (safe) {
                        assertThat(rendered.getArray("$and").get(0).asDocument().getFirstKey())
                                .isEqualTo("profile." + String.join(".", keys));
                    } else {
                        assertThat(rendered.getFirstKey()).isEqualTo("$expr");
                        List<String> outermostFirst = new java.util.ArrayList<>(keys);
                        java.util.Collections.reverse(outermostFirst);
                        assertThat(literals(rendered)).containsExactlyElementsOf(outermostFirst);
                    }
                });
    }

    /** The keys read with {@code $getField}, outermost first in the expression (the last path key first). */
    private static List<String> literals(BsonValue value) {
        java.util.ArrayList<String> found = new java.util.ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(BsonValue value, List<String> found) {
        if (value instanceof BsonDocument document) {
            if (document.containsKey("$getField")) {
                BsonDocument getField = document.getDocument("$getField");
                found.add(((BsonString) getField.getDocument("field").get("$literal")).getValue());
                collect(getField.get("input"), found);
                return;
            }
            document.values().forEach(inner -> collect(inner, found));
        } else if (value instanceof BsonArray array) {
            array.forEach(inner -> collect(inner, found));
        }
    }
}
