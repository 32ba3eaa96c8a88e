package dev.refract.r2dbc.codec;

import dev.refract.meta.ScalarType;

/** {@code Decimal} as {@code BigDecimal} ({@code numeric}), scale kept. */
final class DecimalCodec extends ScalarCodec {

    DecimalCodec() {
        super(java.math.BigDecimal.class, ScalarType.DECIMAL);
    }
}
