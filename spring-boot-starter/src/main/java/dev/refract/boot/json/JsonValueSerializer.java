package dev.refract.boot.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link Json} value as the JSON it holds, event by event, so that it works with any
 * generator (text, a token buffer of {@code convertValue}, another format) and numbers keep every
 * digit. The value's tree is Jackson 2's, which Refract's runtime uses; it is walked, not re-parsed.
 */
final class JsonValueSerializer extends ValueSerializer<Json> {

    @Override
    public void serialize(Json value, JsonGenerator generator, SerializationContext context) {
        write(value.tree(), generator);
    }

    @Override
    public Class<?> handledType() {
        return Json.class;
    }

    private static void write(JsonNode node, JsonGenerator generator) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> writeNumber(node.numberValue(), generator);
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL, MISSING -> generator.writeNull();
            case BINARY -> generator.writeBinary(binary(node));
            // Only Json.of(...) of an object Jackson 2 keeps as a POJO makes these: its canonical
            // text is plain JSON, whose tree has none.
            case POJO -> write(Json.parse(Json.of(((POJONode) node).getPojo()).toString()).tree(), generator);
        }
    }

    private static void writeNumber(Number number, JsonGenerator generator) {
        if (number instanceof Integer whole) {
            generator.writeNumber(whole.intValue());
        } else if (number instanceof Long whole) {
            generator.writeNumber(whole.longValue());
        } else if (number instanceof BigInteger whole) {
            generator.writeNumber(whole);
        } else if (number instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else {
            // short, float or double: exact in their decimal form
            generator.writeNumber(new BigDecimal(number.toString()));
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a binary JSON node holds its bytes", e);
        }
    }
}
