package dev.refract.redis.codec;

import dev.refract.json.Json;
import dev.refract.meta.ScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The codec of each scalar type. Numbers are stored as decimal text so that {@code HINCRBY} and
 * {@code HINCRBYFLOAT} can change them in place; instants as ISO-8601 UTC text to the nanosecond;
 * bytes as Base64; Json as its canonical text, so a Json {@code null} is the text {@code null} while
 * a field holding no value has no hash field at all.
 */
public final class ScalarCodecs {

    private ScalarCodecs() {
    }

    /** The built-in codec of {@code type}. */
    public static FieldCodec of(ScalarType type) {
        return switch (type) {
            case STRING -> TEXT;
            case BOOLEAN -> BOOLEAN;
            case INT -> INT;
            case BIGINT -> BIGINT;
            case FLOAT -> FLOAT;
            case DECIMAL -> DECIMAL;
            case DATETIME -> DATETIME;
            case JSON -> JSON;
            case BYTES -> BYTES;
        };
    }

    /** Text as it is; also the codec of enums, whose values are their database names. */
    public static final FieldCodec TEXT = FieldCodec.of(value -> (String) value, text -> text);

    private static final FieldCodec BOOLEAN = FieldCodec.of(value -> ((Boolean) value) ? "true" : "false",
            Boolean::valueOf);

    private static final FieldCodec INT = FieldCodec.of(
            value -> Integer.toString(Math.toIntExact(((Number) value).longValue())), Integer::valueOf);

    private static final FieldCodec BIGINT = FieldCodec.of(value -> Long.toString(((Number) value).longValue()),
            Long::valueOf);

    /** {@link Double#toString} is exact; {@code HINCRBYFLOAT}'s own spelling (e.g. {@code 3}) reads back too. */
    private static final FieldCodec FLOAT = FieldCodec.of(value -> Double.toString(((Number) value).doubleValue()),
            Double::valueOf);

    /** Plain text keeping the scale ({@code 1.50} stays {@code 1.50}); a negative scale comes back as 0. */
    private static final FieldCodec DECIMAL = new FieldCodec() {
        @Override
        public String encode(Object value) {
            BigDecimal decimal = value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString());
            return decimal.toPlainString();
        }

        @Override
        public Object decode(String text) {
            return new BigDecimal(text);
        }

        @Override
        public String indexText(String stored) {
            return canonicalDecimal(stored);
        }
    };

    private static final FieldCodec DATETIME = FieldCodec.of(
            value -> DateTimeFormatter.ISO_INSTANT.format((Instant) value), Instant::parse);

    private static final FieldCodec JSON = FieldCodec.of(value -> ((Json) value).toString(), Json::parse);

    private static final FieldCodec BYTES = FieldCodec.of(
            value -> Base64.getEncoder().encodeToString((byte[]) value), text -> Base64.getDecoder().decode(text));

    /**
     * The decimal text without trailing zeros after the point ({@code 1.50} → {@code 1.5},
     * {@code -0.0} → {@code 0}); the unique index scripts compute the same text in Lua.
     */
    public static String canonicalDecimal(String text) {
        BigDecimal value = new BigDecimal(text);
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
