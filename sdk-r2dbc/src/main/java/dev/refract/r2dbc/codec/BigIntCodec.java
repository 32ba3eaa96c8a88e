package dev.refract.r2dbc.codec;

import dev.refract.meta.ScalarType;

/** {@code BigInt} as {@code Long} ({@code int8}). */
final class BigIntCodec extends ScalarCodec {

    BigIntCodec() {
        super(Long.class, ScalarType.BIGINT);
    }
}
