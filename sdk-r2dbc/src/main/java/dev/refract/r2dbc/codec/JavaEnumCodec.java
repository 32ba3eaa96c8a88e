package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldMeta;
import io.r2dbc.spi.Readable;

/**
 * A Java enum constant bound as its name, as text. Rows carry enum values as their database name
 * already, so this codec only encodes.
 */
final class JavaEnumCodec implements Codec {

    @Override
    public boolean canEncode(Class<?> type) {
        return Enum.class.isAssignableFrom(type);
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        return ((Enum<?>) value).name();
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return String.class;
    }

    @Override
    public boolean canDecode(FieldMeta field) {
        return false;
    }

    @Override
    public Object decode(Readable row, Column column, FieldMeta field) {
        throw new UnsupportedOperationException("JavaEnumCodec only encodes");
    }
}
