package dev.refract.redis.codec;

import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which codec stores each field: one codec per scalar type, enums as their database names, lists
 * as JSON arrays of their elements' texts. Built once per adapter; a codec given for a type
 * replaces the built-in one.
 */
public final class CodecRegistry {

    private final Map<ScalarType, FieldCodec> scalars;

    private CodecRegistry(Map<ScalarType, FieldCodec> scalars) {
        this.scalars = scalars;
    }

    /** The built-in codecs. */
    public static CodecRegistry defaults() {
        Map<ScalarType, FieldCodec> scalars = new EnumMap<>(ScalarType.class);
        for (ScalarType type : ScalarType.values()) {
            scalars.put(type, ScalarCodecs.of(type));
        }
        return new CodecRegistry(scalars);
    }

    /** This registry with {@code codec} storing values of {@code type}. */
    public CodecRegistry with(ScalarType type, FieldCodec codec) {
        Map<ScalarType, FieldCodec> copy = new EnumMap<>(scalars);
        copy.put(type, Objects.requireNonNull(codec, "codec"));
        return new CodecRegistry(copy);
    }

    /**
     * The codec of {@code field}.
     *
     * @throws IllegalArgumentException for a relation or composite field, which Redis does not store
     */
    public FieldCodec codec(FieldMeta field) {
        FieldCodec single;
        if (field.kind() == FieldKind.SCALAR) {
            single = scalars.get(field.scalarType());
        } else if (field.kind() == FieldKind.ENUM) {
            single = ScalarCodecs.TEXT;
        } else {
            throw new IllegalArgumentException("Field " + field.name() + " is a " + field.kind().name().toLowerCase(
                    java.util.Locale.ROOT) + " field, which a Redis hash does not store");
        }
        return field.isList() ? new ListCodec(single) : single;
    }
}
