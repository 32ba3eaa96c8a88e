package dev.refract.boot.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refract.json.Json;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads any JSON value into a {@link Json}. Numbers are taken as the text writes them (whole numbers
 * as {@code int}, {@code long} or {@code BigInteger}, others as {@code BigDecimal}), whatever the
 * mapper's own settings for floating-point numbers, so none is rounded through {@code double}.
 */
final class JsonValueDeserializer extends ValueDeserializer<Json> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public Json deserialize(JsonParser parser, DeserializationContext context) {
        return Json.of(read(parser, context));
    }

    @Override
    public Class<?> handledType() {
        return Json.class;
    }

    /** The value at the parser's current token; the parser is left on the value's last token. */
    private static JsonNode read(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                parser.nextToken();
                return readObjectFields(parser, context);
            case PROPERTY_NAME:
                // an object whose start the caller has already read
                return readObjectFields(parser, context);
            case START_ARRAY: {
                var array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, context));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getString());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT:
                // from a token buffer (convertValue): bytes or an object; Jackson 2 writes it as JSON
                return NODES.pojoNode(parser.getEmbeddedObject());
            default:
                return context.reportInputMismatch(Json.class, "Expected a JSON value for a Json, found %s", token);
        }
    }

    private static ObjectNode readObjectFields(JsonParser parser, DeserializationContext context) {
        ObjectNode object = NODES.objectNode();
        for (; parser.currentToken() == JsonToken.PROPERTY_NAME; parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, read(parser, context));
        }
        return object;
    }
}
