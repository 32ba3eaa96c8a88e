package dev.refract.r2dbc.execute;

import dev.refract.meta.FieldMeta;
import dev.refract.r2dbc.codec.Codec;
import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.codec.Column;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Binds the argument types a raw statement takes beyond those of model fields — {@code Float},
 * {@code UUID}, {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime} — as they are: the
 * driver sends them as {@code float4}, {@code uuid}, {@code date}, {@code timestamp} and
 * {@code timestamptz}. It only encodes; raw reads decode by column type.
 */
final class RawArgumentCodec implements Codec {

    private static final Set<Class<?>> TYPES = Set.of(Float.class, UUID.class, LocalDate.class, LocalDateTime.class,
            OffsetDateTime.class);

    @Override
    public boolean canEncode(Class<?> type) {
        return TYPES.contains(type);
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        return value;
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return type;
    }

    @Override
    public boolean canDecode(FieldMeta field) {
        return false;
    }

    @Override
    public Object decode(Readable row, Column column, FieldMeta field) {
        throw new UnsupportedOperationException("RawArgumentCodec only encodes");
    }
}
