package dev.refract.r2dbc.codec;

import dev.refract.meta.ScalarType;

/** {@code Int} as {@code Integer} ({@code int2}, {@code int4}). */
final class IntegerCodec extends ScalarCodec {

    IntegerCodec() {
        super(Integer.class, ScalarType.INT);
    }
}
