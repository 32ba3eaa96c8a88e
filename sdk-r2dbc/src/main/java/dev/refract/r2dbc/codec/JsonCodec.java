package dev.refract.r2dbc.codec;

import dev.refract.json.Json;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import io.r2dbc.spi.Readable;

/**
 * {@code Json} as the driver's JSON value, which it binds as {@code jsonb}; read from {@code jsonb} or
 * {@code json}. A value holding a NUL character in a key or string is refused before it is sent:
 * {@code jsonb} cannot store one, and the server's own error would not say which value it was.
 */
final class JsonCodec extends ScalarCodec {

    JsonCodec() {
        super(Json.class, ScalarType.JSON);
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        String text = value.toString();
        int nul = nulEscape(text);
        if (nul >= 0) {
            throw new IllegalArgumentException("A Json value bound holds a NUL character (\\u0000 at character " + nul
                    + " of its text), which PostgreSQL jsonb cannot store: remove it, or encode the data, e.g. as"
                    + " base64");
        }
        return io.r2dbc.postgresql.codec.Json.of(text);
    }

    /**
     * Where JSON text escapes a NUL character, or -1. An escaped backslash followed by
     * {@code u0000} is text, not a NUL, so escapes are read in order rather than searched for.
     */
    private static int nulEscape(String text) {
        if (!text.contains("\\u0000")) {
            return -1;
        }
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '\\') {
                if (text.startsWith("u0000", i + 1)) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return io.r2dbc.postgresql.codec.Json.class;
    }

    @Override
    public Object decode(Readable row, Column column, FieldMeta field) {
        io.r2dbc.postgresql.codec.Json json = row.get(column.index(), io.r2dbc.postgresql.codec.Json.class);
        return json == null ? null : Json.parse(json.asString());
    }
}
