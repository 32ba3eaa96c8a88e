package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import io.r2dbc.spi.Readable;

/**
 * A codec for one single-valued scalar type whose Java form the driver binds and returns as is;
 * subclasses convert where the two differ.
 */
abstract class ScalarCodec implements Codec {

    private final Class<?> javaType;
    private final ScalarType scalarType;

    ScalarCodec(Class<?> javaType, ScalarType scalarType) {
        this.javaType = javaType;
        this.scalarType = scalarType;
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return type == javaType;
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        return value;
    }

    @Override
    public Class<?> nullType(Class<?> type) {
        return javaType;
    }

    @Override
    public boolean canDecode(FieldMeta field) {
        return field.kind() == FieldKind.SCALAR && field.scalarType() == scalarType && !field.isList();
    }

    @Override
    public Object decode(Readable row, Column column, FieldMeta field) {
        return row.get(column.index(), javaType);
    }
}
