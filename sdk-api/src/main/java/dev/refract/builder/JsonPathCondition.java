package dev.refract.builder;

import dev.refract.json.Json;
import dev.refract.query.Filter;
import dev.refract.query.Filter.JsonOperator;
import java.util.List;
import java.util.Objects;

/**
 * Conditions on the value found at one path inside a {@code Json} field, obtained from
 * {@link JsonCondition#path(String...)}. Each method adds its condition and returns the where
 * builder, so conditions chain.
 *
 * @param <W> the where builder
 */
public final class JsonPathCondition<W extends WhereBuilder<W>> {

    private final W where;
    private final int field;
    private final String name;
    private final List<String> path;

    JsonPathCondition(W where, int field, String name, List<String> path) {
        this.where = where;
        this.field = field;
        this.name = name;
        this.path = List.copyOf(path);
    }

    /** The value at the path equals {@code value}. */
    public W eq(Json value) {
        return add(JsonOperator.EQUALS, value, "eq");
    }

    /** The value at the path is a string containing {@code text}. */
    public W stringContains(String text) {
        return add(JsonOperator.STRING_CONTAINS, text, "stringContains");
    }

    /** The value at the path is a string starting with {@code text}. */
    public W stringStartsWith(String text) {
        return add(JsonOperator.STRING_STARTS_WITH, text, "stringStartsWith");
    }

    /** The value at the path is a string ending with {@code text}. */
    public W stringEndsWith(String text) {
        return add(JsonOperator.STRING_ENDS_WITH, text, "stringEndsWith");
    }

    /**
     * The value at the path is an array containing {@code value}; when {@code value} is itself an
     * array, the array contains every one of its elements.
     */
    public W arrayContains(Json value) {
        return add(JsonOperator.ARRAY_CONTAINS, value, "arrayContains");
    }

    private W add(JsonOperator operator, Object value, String method) {
        Objects.requireNonNull(value, () -> "The condition " + method + " on the path " + path + " of field '" + name
                + "' was given null: to match a JSON null there use eq(Json.parse(\"null\"))");
        return where.add(new Filter.JsonPath(field, path, operator, value));
    }
}
