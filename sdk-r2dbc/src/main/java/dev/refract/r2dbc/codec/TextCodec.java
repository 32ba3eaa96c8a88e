package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;

/**
 * {@code String} as text, and native enum columns read as their database name. A string the
 * database's text cannot hold is refused before it is sent: on PostgreSQL a NUL character, which
 * the server rejects, and everywhere a lone surrogate, which UTF-8 cannot encode and would silently
 * arrive as {@code ?}.
 */
final class TextCodec extends ScalarCodec {

    /** True where the database refuses NUL characters in text (PostgreSQL). */
    private final boolean refuseNul;

    TextCodec(boolean refuseNul) {
        super(String.class, ScalarType.STRING);
        this.refuseNul = refuseNul;
    }

    @Override
    public Object encode(Object value, CodecRegistry registry) {
        String text = (String) value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' && refuseNul) {
                throw new IllegalArgumentException("A string bound at character " + i
                        + " holds a NUL character, which PostgreSQL text cannot store: remove it, or store the value"
                        + " as Bytes");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException("A string bound holds a lone surrogate at character " + i
                            + ", which is not valid Unicode and cannot be stored as text: fix the string's encoding");
                }
                i++;
            }
        }
        return text;
    }

    @Override
    public boolean canDecode(FieldMeta field) {
        return super.canDecode(field) || (field.kind() == FieldKind.ENUM && !field.isList());
    }
}
