package dev.refract.builder;

import dev.refract.json.Json;
import java.util.List;
import java.util.Objects;

/**
 * Conditions on a {@code Json} field: equality of the whole value, and conditions on the value at a
 * path inside it, e.g. {@code w.settings().path("model", "name").stringStartsWith("gpt")}.
 *
 * @param <W> the where builder
 */
public class JsonCondition<W extends WhereBuilder<W>> extends ValueCondition<W, Json> {

    private final W where;
    private final int field;
    private final String name;

    /** See {@link ValueCondition#ValueCondition}; JSON values are stored as they are. */
    public JsonCondition(W where, int field, String name) {
        super(where, field, name, ValueCondition.asIs());
        this.where = where;
        this.field = field;
        this.name = name;
    }

    /**
     * The value at {@code path} inside the field: object keys, and array positions as decimal text,
     * outermost first. A record without a value there does not match.
     */
    public JsonPathCondition<W> path(String... path) {
        Objects.requireNonNull(path, () -> "the path given to " + name + "().path");
        return path(List.of(path));
    }

    /** See {@link #path(String...)}. */
    public JsonPathCondition<W> path(List<String> path) {
        Objects.requireNonNull(path, () -> "the path given to " + name + "().path");
        for (String key : path) {
            Objects.requireNonNull(key, () -> "a key of the path given to " + name + "().path");
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("The path given to " + name + "().path is empty: name at least one key,"
                    + " or compare the whole value with " + name + "().eq(...)");
        }
        return new JsonPathCondition<>(where, field, name, path);
    }

    /** Conditions on an optional {@code Json} field: also {@code isNull} and {@code isNotNull}. */
    public static non-sealed class Nullable<W extends WhereBuilder<W>> extends JsonCondition<W>
            implements NullableCondition<W> {

        /** See {@link JsonCondition#JsonCondition}. */
        public Nullable(W where, int field, String name) {
            super(where, field, name);
        }
    }
}
