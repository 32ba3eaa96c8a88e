package dev.refract.r2dbc.codec;

import dev.refract.json.Json;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import io.r2dbc.spi.Readable;

/**
 * {@code Json} on MySQL and MariaDB, bound and read as its text: MySQL's native {@code JSON} column
 * takes and gives text through the driver, and MariaDB stores JSON as {@code LONGTEXT}.
 */
final class MySqlJsonCodec extends ScalarCodec {

    MySqlJsonCodec() {
        super(Json.class, ScalarType.JSON);
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        return value.toString();
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return String.class;
    }

    @Override
    public Object decode(Readable row, Column column, FieldMeta field) {
        String text = row.get(column.index(), String.class);
        return text == null ? null : Json.parse(text);
    }
}
