package dev.refract.r2dbc.codec;

import dev.refract.json.Json;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;

/** {@code Json} as the driver's JSON value, which it binds as {@code jsonb}; read from {@code jsonb} or {@code json}. */
final class JsonCodec extends ScalarCodec {

    JsonCodec() {
        super(Json.class, ScalarType.JSON);
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        return io.r2dbc.postgresql.codec.Json.of(value.toString());
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return io.r2dbc.postgresql.codec.Json.class;
    }

    @Override
    public Object decode(Column column, FieldMeta field) {
        io.r2dbc.postgresql.codec.Json json = column.get(io.r2dbc.postgresql.codec.Json.class);
        return json == null ? null : Json.parse(json.asString());
    }
}
