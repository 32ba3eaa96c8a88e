package dev.refract.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;

/**
 * An immutable JSON value, the Java type of {@code Json} fields. Equal by value; its
 * {@link #toString()} is canonical (object keys sorted, no insignificant whitespace), so two equal
 * values print the same.
 */
public final class Json {

    /** Shared, and immutable once configured, so it is not mutable static state. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JsonNode tree;
    private final String canonical;

    private Json(JsonNode tree) {
        this.tree = tree;
        this.canonical = canonicalText(tree);
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
            return new Json(MAPPER.valueToTree(value));
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
            return new Json(MAPPER.readTree(text));
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
            Object plain = MAPPER.treeToValue(tree, Object.class);
            return MAPPER.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree must serialise", e);
        }
    }

    /** Equal when both hold the same JSON value; object key order does not matter. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Json that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The canonical JSON text: keys sorted, no insignificant whitespace. */
    @Override
    public String toString() {
        return canonical;
    }
}
