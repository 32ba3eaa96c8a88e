package dev.refract.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * An immutable JSON value, the Java type of {@code Json} fields: an object, array, string, number,
 * boolean or {@code null}, nested freely. Equal by value; its {@link #toString()} is canonical
 * (object keys sorted, no insignificant whitespace, numbers normalised), so two equal values print
 * the same.
 *
 * <h2>Numbers</h2>
 * Numbers are exact decimals, never rounded through {@code double}: whole numbers are read as
 * {@code int}, {@code long} or {@link java.math.BigInteger} as their size needs, numbers with a
 * fraction or exponent as {@link BigDecimal}, so {@code 0.1}, {@code 12345678901234567890.123} and
 * {@code 1e400} survive a round trip through text unchanged in value. {@link #as(Class)} converts
 * on request (to {@code double}, say, where the caller accepts rounding); read into {@code Object}
 * or {@code Map}, a number with a fraction comes back as a {@code BigDecimal}.
 *
 * <p>Equality is by numeric value, as PostgreSQL's {@code jsonb} compares numbers: {@code 1},
 * {@code 1.0} and {@code 1e0} are equal and all print {@code 1}; {@code 1.50} prints {@code 1.5}.
 * The canonical text writes a number in plain notation, without exponent. {@code NaN} and the
 * infinities are not JSON and are refused.
 */
public final class Json {

    /** Shared, and immutable once configured, so it is not mutable static state. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonNode tree;
    /**
     * The canonical text, computed on first use for parsed values: reading a column of JSON must not
     * pay for sorting keys it may never compare. A racy single check is safe here, as for
     * {@code String.hashCode}: every thread computes the same immutable string.
     */
    private String canonical;

    private Json(JsonNode tree, String canonical) {
        this.tree = tree;
        this.canonical = canonical;
    }

    private String canonical() {
        String text = canonical;
        if (text == null) {
            text = canonicalText(tree);
            canonical = text;
        }
        return text;
    }

    /**
     * The JSON form of {@code value}: a map, list, string, number, boolean, {@code null}, or any
     * object Jackson can serialise.
     *
     * @throws IllegalArgumentException when Jackson cannot serialise {@code value}
     */
    public static Json of(Object value) {
        if (value instanceof Json json) {
            return json;
        }
        try {
            JsonNode tree = MAPPER.<JsonNode>valueToTree(value);
            // Canonical at once: this is where a NaN or an infinity from Java is refused.
            return new Json(tree, canonicalText(tree));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot turn a " + value.getClass().getName() + " into JSON: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The value written in {@code text}.
     *
     * @throws IllegalArgumentException when {@code text} is not valid JSON, saying where
     */
    public static Json parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            // JSON text cannot hold NaN or infinities, so nothing is left to refuse: canonical on demand.
            return new Json(MAPPER.readTree(text), null);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()), e);
        }
    }

    /** A copy of the Jackson tree; changing it does not change this value. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** This value converted to {@code type} by Jackson, e.g. a record or {@code Map.class}. */
    public <T> T as(Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read this JSON value as " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String canonicalText(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(canonical(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree must serialise", e);
        }
    }

    /** A copy of {@code node} with object keys sorted and every number in its normal form. */
    private static JsonNode canonical(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            ObjectNode sorted = nodes.objectNode();
            for (String key : keys) {
                sorted.set(key, canonical(node.get(key)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = nodes.arrayNode(node.size());
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext();) {
                array.add(canonical(elements.next()));
            }
            return array;
        }
        if (node.isNumber()) {
            return normalNumber(node);
        }
        return node;
    }

    /**
     * Whole numbers as integers, others as decimals without trailing zeros, so that one value has
     * one form whatever its source wrote or held.
     */
    private static JsonNode normalNumber(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.canConvertToLong() ? JsonNodeFactory.instance.numberNode(number.longValue())
                    : JsonNodeFactory.instance.numberNode(number.bigIntegerValue());
        }
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException("JSON has no " + number.doubleValue() + "; store it as a string or null");
        }
        BigDecimal exact = number.isBigDecimal() ? number.decimalValue()
                : new BigDecimal(number.isFloat() ? Float.toString(number.floatValue()) : Double.toString(number.doubleValue()));
        BigDecimal stripped = exact.signum() == 0 ? BigDecimal.ZERO : exact.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return normalNumber(JsonNodeFactory.instance.numberNode(stripped.toBigIntegerExact()));
        }
        return JsonNodeFactory.instance.numberNode(stripped);
    }

    /** Equal when both hold the same JSON value; object key order does not matter. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Json that && canonical().equals(that.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    /** The canonical JSON text: keys sorted, no insignificant whitespace. */
    @Override
    public String toString() {
        return canonical();
    }
}
