package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;

/** {@code Bytes} as {@code byte[]}, bound as a {@code ByteBuffer} ({@code bytea}). */
final class BytesCodec extends ScalarCodec {

    BytesCodec() {
        super(byte[].class, ScalarType.BYTES);
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        // a copy, so a caller changing its array after binding cannot change what is sent
        return ByteBuffer.wrap(((byte[]) value).clone());
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return ByteBuffer.class;
    }

    @Override
    public Object decode(Readable row, Column column, FieldMeta field) {
        return toBytes(row.get(column.index(), ByteBuffer.class));
    }

    static byte[] toBytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
