package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered codecs of one adapter: the first codec that can handle a value or a column does.
 * Immutable; {@link #withFirst} gives a registry that asks a user's codec before the built-in ones.
 */
public final class CodecRegistry {

    private final List<Codec> codecs;

    private CodecRegistry(List<Codec> codecs) {
        this.codecs = List.copyOf(codecs);
    }

    /** The built-in codecs for the closed scalar set on PostgreSQL. */
    public static CodecRegistry defaults() {
        return new CodecRegistry(List.of(new TextCodec(), new BooleanCodec(), new IntegerCodec(), new BigIntCodec(),
                new FloatCodec(), new DecimalCodec(), new DateTimeCodec(), new JsonCodec(), new BytesCodec(),
                new JavaEnumCodec(), new ListCodec()));
    }

    /** A registry that asks {@code codec} before every codec of this one. */
    public CodecRegistry withFirst(Codec codec) {
        List<Codec> all = new ArrayList<>(codecs.size() + 1);
        all.add(codec);
        all.addAll(codecs);
        return new CodecRegistry(all);
    }

    /**
     * The driver's form of a non-null {@code value} bound as {@code type}.
     *
     * @throws IllegalArgumentException when no codec binds {@code type}
     */
    public Object encode(Object value, Class<?> type) {
        return encoderFor(type).encode(value, this);
    }

    /** The class a {@code null} bound as {@code type} is sent with, or {@code null} to let the database infer it. */
    public Class<?> nullType(Class<?> type) {
        return encoderFor(type).nullType(type);
    }

    /**
     * The Java form of {@code column}, read as {@code field}.
     *
     * @throws IllegalArgumentException when no codec reads {@code field}
     */
    public Object decode(Column column, FieldMeta field) {
        return decoderFor(field).decode(column, field);
    }

    /**
     * The value of a column that holds no field, e.g. an aggregate, read by its database type into
     * the closed scalar set; used when no field says what the column holds.
     */
    public Object decodeByColumnType(Column column) {
        return ColumnTypeDecoder.decode(column);
    }

    /** The codec that reads {@code field}; look it up once per result, not once per row. */
    public Codec decoderFor(FieldMeta field) {
        for (Codec codec : codecs) {
            if (codec.canDecode(field)) {
                return codec;
            }
        }
        throw new IllegalArgumentException("No codec reads field '" + field.name() + "' of kind " + field.kind()
                + (field.scalarType() == null ? "" : " and type " + field.scalarType().schemaName())
                + ": register a Codec for it with CodecRegistry.withFirst");
    }

    private Codec encoderFor(Class<?> type) {
        for (Codec codec : codecs) {
            if (codec.canEncode(type)) {
                return codec;
            }
        }
        throw new IllegalArgumentException("No codec binds values of " + type.getName()
                + ": bind one of the closed scalar set's Java types, or register a Codec with CodecRegistry.withFirst");
    }
}
