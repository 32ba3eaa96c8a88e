package dev.refract.r2dbc.sql;

import java.util.Objects;

/**
 * A value bound to one placeholder, with its Java type so that a {@code null} can be bound as
 * the driver requires ({@code bindNull(index, type)}). Values are in the Java form of the closed
 * scalar set ({@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Double},
 * {@code BigDecimal}, {@code Instant}, {@link dev.refract.json.Json}, {@code byte[]}) or a
 * {@link java.util.List} of those for list columns; the executor's codecs turn them into what the
 * driver takes.
 */
public record Bind(Object value, Class<?> type) {

    public Bind {
        Objects.requireNonNull(type, "type");
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be bound as " + type.getName());
        }
    }

    /** A non-null value, bound as its own class. */
    public static Bind of(Object value) {
        Objects.requireNonNull(value, "value: use Bind.nullOf(type) for null");
        return new Bind(value, value.getClass());
    }

    /** A {@code null} of {@code type}. */
    public static Bind nullOf(Class<?> type) {
        return new Bind(null, type);
    }
}
