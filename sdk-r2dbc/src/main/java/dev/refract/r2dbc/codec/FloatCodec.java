package dev.refract.r2dbc.codec;

import dev.refract.meta.ScalarType;

/** {@code Float} as {@code Double} ({@code float8}). */
final class FloatCodec extends ScalarCodec {

    FloatCodec() {
        super(Double.class, ScalarType.FLOAT);
    }
}
