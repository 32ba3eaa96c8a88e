package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;

/** {@code String} as text, and native enum columns read as their database name. */
final class TextCodec extends ScalarCodec {

    TextCodec() {
        super(String.class, ScalarType.STRING);
    }

    @Override
    public boolean canDecode(FieldMeta field) {
        return super.canDecode(field) || (field.kind() == FieldKind.ENUM && !field.isList());
    }
}
