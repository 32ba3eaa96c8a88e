package dev.refract.r2dbc.codec;

import dev.refract.meta.FieldMeta;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ordered codecs of one adapter, for one database's driver ({@link #postgres()} or
 * {@link #mysql()}): the first codec that can handle a value or a column does.
 * Immutable; {@link #withFirst} gives a registry that asks a user's codec before the built-in ones.
 * The encoder found for a bound class is remembered, so binding a value costs one map look-up
 * rather than a question to every codec.
 */
public final class CodecRegistry {

    private final List<Codec> codecs;
    /** What a {@code null} of no known type is bound as, so that the database infers its type. */
    private final Object untypedNull;
    /** How a column that holds no field is read. */
    private final ColumnTypeDecoder byColumnType;
    /** The encoder of each class bound so far; the codecs' answers depend on the class alone. */
    private final Map<Class<?>, Codec> encoders = new ConcurrentHashMap<>();

    private CodecRegistry(List<Codec> codecs, Object untypedNull, ColumnTypeDecoder byColumnType) {
        this.codecs = List.copyOf(codecs);
        this.untypedNull = untypedNull;
        this.byColumnType = byColumnType;
    }

    /** The built-in codecs for the closed scalar set on PostgreSQL (r2dbc-postgresql). */
    public static CodecRegistry postgres() {
        return new CodecRegistry(List.of(new TextCodec(true), new BooleanCodec(), new IntegerCodec(), new BigIntCodec(),
                new FloatCodec(), new DecimalCodec(), new DateTimeCodec(), new JsonCodec(), new BytesCodec(),
                new JavaEnumCodec(), new ListCodec()), Parameters.in(PostgresqlObjectId.UNSPECIFIED),
                ColumnTypeDecoder.POSTGRES);
    }

    /**
     * The built-in codecs for the closed scalar set on MySQL and MariaDB (r2dbc-mysql): {@code DateTime}
     * as {@code DATETIME(3)} in UTC, {@code Json} as text (native {@code JSON} or {@code LONGTEXT}),
     * {@code Boolean} from {@code TINYINT(1)}; MySQL has no scalar lists.
     */
    public static CodecRegistry mysql() {
        return new CodecRegistry(List.of(new TextCodec(false), new BooleanCodec(), new IntegerCodec(),
                new BigIntCodec(), new FloatCodec(), new DecimalCodec(), new MySqlDateTimeCodec(), new MySqlJsonCodec(),
                new BytesCodec(), new JavaEnumCodec()), Parameters.in(R2dbcType.VARCHAR), ColumnTypeDecoder.MYSQL);
    }

    /** A registry that asks {@code codec} before every codec of this one. */
    public CodecRegistry withFirst(Codec codec) {
        List<Codec> all = new ArrayList<>(codecs.size() + 1);
        all.add(codec);
        all.addAll(codecs);
        return new CodecRegistry(all, untypedNull, byColumnType);
    }

    /**
     * What a {@code null} is bound as when its type is unknown ({@link #nullType} answered {@code null},
     * or a raw argument): a parameter the database infers the type of.
     */
    public Object untypedNull() {
        return untypedNull;
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
    public Object decode(Readable row, Column column, FieldMeta field) {
        return decoderFor(field).decode(row, column, field);
    }

    /**
     * The value of a column that holds no field, e.g. an aggregate, read by its database type into
     * the closed scalar set; used when no field says what the column holds.
     */
    public Object decodeByColumnType(Readable row, Column column) {
        return byColumnType.decode(row, column);
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
        Codec known = encoders.get(type);
        if (known != null) {
            return known;
        }
        for (Codec codec : codecs) {
            if (codec.canEncode(type)) {
                encoders.putIfAbsent(type, codec);
                return codec;
            }
        }
        throw new IllegalArgumentException("No codec binds values of " + type.getName()
                + ": bind one of the closed scalar set's Java types, or register a Codec with CodecRegistry.withFirst");
    }
}
