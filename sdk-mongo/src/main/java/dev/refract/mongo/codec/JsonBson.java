package dev.refract.mongo.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Json values as native BSON, both ways: objects as documents, arrays as arrays, numbers exact
 * (whole numbers as int32 or int64 as their size needs, others as decimal128), so a Json field is
 * queried and indexed like any other part of the document.
 */
public final class JsonBson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonBson() {
    }

    /**
     * The BSON form of {@code json}.
     *
     * @throws IllegalArgumentException when a number has more digits than decimal128 holds
     */
    public static BsonValue toBson(Json json) {
        return toBson(json.tree());
    }

    /** The BSON form of a JSON tree. */
    public static BsonValue toBson(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                BsonDocument document = new BsonDocument();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    document.append(field.getKey(), toBson(field.getValue()));
                }
                return document;
            }
            case ARRAY: {
                BsonArray array = new BsonArray();
                for (JsonNode element : node) {
                    array.add(toBson(element));
                }
                return array;
            }
            case STRING:
                return new BsonString(node.textValue());
            case BOOLEAN:
                return BsonBoolean.valueOf(node.booleanValue());
            case NULL:
            case MISSING:
                return BsonNull.VALUE;
            case NUMBER:
                return number(node);
            case BINARY:
                try {
                    return new BsonBinary(node.binaryValue());
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("unreadable binary JSON value", e);
                }
            default:
                return new BsonString(node.asText());
        }
    }

    private static BsonValue number(JsonNode node) {
        if (node.isInt() || node.isShort()) {
            return new BsonInt32(node.intValue());
        }
        if (node.isLong()) {
            return new BsonInt64(node.longValue());
        }
        if (node.isBigInteger()) {
            BigInteger value = node.bigIntegerValue();
            if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
                return new BsonInt64(value.longValue());
            }
            return decimal(new BigDecimal(value));
        }
        if (node.isDouble() || node.isFloat()) {
            return new BsonDouble(node.doubleValue());
        }
        return decimal(node.decimalValue());
    }

    private static BsonValue decimal(BigDecimal value) {
        try {
            return new BsonDecimal128(new Decimal128(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The JSON number " + value.toPlainString() + " has more digits or a"
                    + " larger exponent than BSON decimal128 holds exactly (34 digits): store it as a string", e);
        }
    }

    /**
     * The Json value of a BSON value: ObjectIds as their hex text, dates as ISO-8601 text.
     *
     * @throws ValueMismatchException for a BSON value JSON cannot hold (a regular expression, say)
     */
    public static Json toJson(BsonValue value) {
        return Json.of(toNode(value));
    }

    private static JsonNode toNode(BsonValue value) {
        BsonType type = value.getBsonType();
        switch (type) {
            case DOCUMENT: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, BsonValue> entry : value.asDocument().entrySet()) {
                    object.set(entry.getKey(), toNode(entry.getValue()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (BsonValue element : value.asArray()) {
                    array.add(toNode(element));
                }
                return array;
            }
            case STRING:
                return NODES.textNode(value.asString().getValue());
            case BOOLEAN:
                return NODES.booleanNode(value.asBoolean().getValue());
            case NULL:
            case UNDEFINED:
                return NODES.nullNode();
            case INT32:
                return NODES.numberNode(value.asInt32().getValue());
            case INT64:
                return NODES.numberNode(value.asInt64().getValue());
            case DOUBLE: {
                double number = value.asDouble().getValue();
                if (Double.isNaN(number) || Double.isInfinite(number)) {
                    throw new ValueMismatchException(type, "Json (NaN and the infinities are not JSON)");
                }
                return NODES.numberNode(BigDecimal.valueOf(number));
            }
            case DECIMAL128: {
                Decimal128 number = value.asDecimal128().getValue();
                if (number.isNaN() || number.isInfinite()) {
                    throw new ValueMismatchException(type, "Json (NaN and the infinities are not JSON)");
                }
                return NODES.numberNode(number.bigDecimalValue());
            }
            case OBJECT_ID:
                return NODES.textNode(value.asObjectId().getValue().toHexString());
            case DATE_TIME:
                return NODES.textNode(Instant.ofEpochMilli(value.asDateTime().getValue()).toString());
            case BINARY:
                return NODES.binaryNode(value.asBinary().getData());
            case SYMBOL:
                return NODES.textNode(value.asSymbol().getSymbol());
            default:
                throw new ValueMismatchException(type, "Json");
        }
    }
}
