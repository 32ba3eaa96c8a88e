package dev.refract.redis.codec;

import java.util.function.Function;

/**
 * Turns one field's value between its Java form (the closed scalar set a {@link dev.refract.spi.Row}
 * holds) and the text stored in a Redis hash field. A codec is exact: {@code decode(encode(v))}
 * equals {@code v}.
 */
public interface FieldCodec {

    /** The stored text of {@code value}, which is never {@code null}. */
    String encode(Object value);

    /** The Java value of stored text {@code text}, which is never {@code null}. */
    Object decode(String text);

    /**
     * The text a unique index compares: values equal in SQL give the same text. The default is the
     * stored text; a decimal drops the trailing zeros of its scale.
     */
    default String indexText(String stored) {
        return stored;
    }

    /** The codec made of {@code encoder} and {@code decoder}, whose unique indexes compare the stored text. */
    static FieldCodec of(Function<Object, String> encoder, Function<String, Object> decoder) {
        return new FieldCodec() {
            @Override
            public String encode(Object value) {
                return encoder.apply(value);
            }

            @Override
            public Object decode(String text) {
                return decoder.apply(text);
            }
        };
    }
}
