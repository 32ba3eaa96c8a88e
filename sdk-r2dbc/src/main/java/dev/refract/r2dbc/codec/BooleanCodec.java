package dev.refract.r2dbc.codec;

import dev.refract.meta.ScalarType;

/** {@code Boolean} as {@code boolean}. */
final class BooleanCodec extends ScalarCodec {

    BooleanCodec() {
        super(Boolean.class, ScalarType.BOOLEAN);
    }
}
