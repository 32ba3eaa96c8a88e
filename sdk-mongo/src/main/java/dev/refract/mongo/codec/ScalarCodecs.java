package dev.refract.mongo.codec;

import dev.refract.json.Json;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.DecoderContext;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The codec registry of the closed scalar set: one {@link ScalarCodec} per {@link ScalarType}, and
 * the ObjectId codec for {@code String} fields declared {@code @db.ObjectId}. The first codec
 * registered for a type wins, so a registry built with {@link #withCodec} can replace a built-in one.
 *
 * <table>
 *   <caption>The mapping</caption>
 *   <tr><th>Schema</th><th>Written as</th><th>Also read from</th></tr>
 *   <tr><td>String</td><td>string</td><td>ObjectId (its hex text), symbol</td></tr>
 *   <tr><td>String @db.ObjectId</td><td>ObjectId</td><td>string</td></tr>
 *   <tr><td>Boolean</td><td>bool</td><td></td></tr>
 *   <tr><td>Int</td><td>int32</td><td>int64, double, decimal128 holding a whole number that fits</td></tr>
 *   <tr><td>BigInt</td><td>int64</td><td>int32, double, decimal128 holding a whole number that fits</td></tr>
 *   <tr><td>Float</td><td>double</td><td>int32, int64, decimal128</td></tr>
 *   <tr><td>Decimal</td><td>decimal128</td><td>int32, int64, double</td></tr>
 *   <tr><td>DateTime</td><td>date (milliseconds; finer digits are dropped)</td><td></td></tr>
 *   <tr><td>Json</td><td>native BSON ({@link JsonBson})</td><td>anything JSON can hold</td></tr>
 *   <tr><td>Bytes</td><td>binary (subtype 0)</td><td></td></tr>
 * </table>
 */
public final class ScalarCodecs {

    /** The native type that stores a {@code String} field as an ObjectId. */
    public static final String OBJECT_ID = "ObjectId";

    private final Map<ScalarType, ScalarCodec> codecs;
    private final ScalarCodec objectIds;

    private ScalarCodecs(Map<ScalarType, ScalarCodec> codecs, ScalarCodec objectIds) {
        this.codecs = codecs;
        this.objectIds = objectIds;
    }

    /** The built-in codecs. */
    public static ScalarCodecs standard() {
        Map<ScalarType, ScalarCodec> codecs = new EnumMap<>(ScalarType.class);
        codecs.put(ScalarType.STRING, new StringCodec());
        codecs.put(ScalarType.BOOLEAN, new BooleanCodec());
        codecs.put(ScalarType.INT, new IntCodec());
        codecs.put(ScalarType.BIGINT, new BigIntCodec());
        codecs.put(ScalarType.FLOAT, new FloatCodec());
        codecs.put(ScalarType.DECIMAL, new DecimalCodec());
        codecs.put(ScalarType.DATETIME, new DateTimeCodec());
        codecs.put(ScalarType.JSON, new JsonCodec());
        codecs.put(ScalarType.BYTES, new BytesCodec());
        return new ScalarCodecs(codecs, new ObjectIdCodec());
    }

    /** These codecs with {@code codec} serving {@code type} in place of the one registered. */
    public ScalarCodecs withCodec(ScalarType type, ScalarCodec codec) {
        Map<ScalarType, ScalarCodec> replaced = new EnumMap<>(codecs);
        replaced.put(type, Objects.requireNonNull(codec, "codec"));
        return new ScalarCodecs(replaced, objectIds);
    }

    /** The codec of a scalar field: its type's, or the ObjectId codec for {@code @db.ObjectId}. */
    public ScalarCodec forField(FieldMeta field) {
        if (field.scalarType() == ScalarType.STRING && OBJECT_ID.equals(field.nativeType())) {
            return objectIds;
        }
        return forType(field.scalarType());
    }

    /** The codec of {@code type}. */
    public ScalarCodec forType(ScalarType type) {
        return codecs.get(type);
    }

    /** The codec of ObjectId strings. */
    public ScalarCodec objectIds() {
        return objectIds;
    }

    private static IllegalArgumentException wrongType(Object value, String expected) {
        return new IllegalArgumentException("a " + expected + " value must be given, not a "
                + value.getClass().getSimpleName());
    }

    /** Strings; an ObjectId stored by another writer reads as its hex text. */
    static final class StringCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (value instanceof String text) {
                return new BsonString(text);
            }
            throw wrongType(value, "String");
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            switch (type) {
                case STRING:
                    return reader.readString();
                case OBJECT_ID:
                    return reader.readObjectId().toHexString();
                case SYMBOL:
                    return reader.readSymbol();
                default:
                    reader.skipValue();
                    throw new ValueMismatchException(type, "String");
            }
        }
    }

    /** Strings holding 24 hex digits, stored as ObjectIds. */
    static final class ObjectIdCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (value instanceof ObjectId id) {
                return new BsonObjectId(id);
            }
            if (!(value instanceof String text)) {
                throw wrongType(value, "String");
            }
            if (!ObjectId.isValid(text)) {
                throw new IllegalArgumentException("'" + text + "' is not an ObjectId: give 24 hexadecimal digits,"
                        + " or leave the field out to have one made");
            }
            return new BsonObjectId(new ObjectId(text));
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            switch (type) {
                case OBJECT_ID:
                    return reader.readObjectId().toHexString();
                case STRING:
                    return reader.readString();
                default:
                    reader.skipValue();
                    throw new ValueMismatchException(type, "String @db.ObjectId");
            }
        }
    }

    /** Booleans. */
    static final class BooleanCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (value instanceof Boolean flag) {
                return BsonBoolean.valueOf(flag);
            }
            throw wrongType(value, "Boolean");
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            if (type == BsonType.BOOLEAN) {
                return reader.readBoolean();
            }
            reader.skipValue();
            throw new ValueMismatchException(type, "Boolean");
        }
    }

    /** 32-bit whole numbers; wider numbers holding a whole value that fits read too. */
    static final class IntCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (value instanceof Integer number) {
                return new BsonInt32(number);
            }
            throw wrongType(value, "Int");
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            if (type == BsonType.INT32) {
                return reader.readInt32();
            }
            BigDecimal number = Numbers.read(reader, type, "Int");
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw new ValueMismatchException(type, "Int (the stored " + number.toPlainString()
                        + " is not a 32-bit whole number)");
            }
        }
    }

    /** 64-bit whole numbers; int32 and whole doubles or decimals that fit read too. */
    static final class BigIntCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (value instanceof Long number) {
                return new BsonInt64(number);
            }
            if (value instanceof Integer number) {
                return new BsonInt64(number);
            }
            throw wrongType(value, "BigInt");
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            if (type == BsonType.INT64) {
                return reader.readInt64();
            }
            if (type == BsonType.INT32) {
                return (long) reader.readInt32();
            }
            BigDecimal number = Numbers.read(reader, type, "BigInt");
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new ValueMismatchException(type, "BigInt (the stored " + number.toPlainString()
                        + " is not a 64-bit whole number)");
            }
        }
    }

    /** Doubles; every other BSON number reads too. */
    static final class FloatCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (value instanceof Double number) {
                return new BsonDouble(number);
            }
            if (value instanceof Number number) {
                return new BsonDouble(number.doubleValue());
            }
            throw wrongType(value, "Float");
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            switch (type) {
                case DOUBLE:
                    return reader.readDouble();
                case INT32:
                    return (double) reader.readInt32();
                case INT64:
                    return (double) reader.readInt64();
                case DECIMAL128:
                    return reader.readDecimal128().doubleValue();
                default:
                    reader.skipValue();
                    throw new ValueMismatchException(type, "Float");
            }
        }
    }

    /** Exact decimals as decimal128; int32, int64 and doubles read too. */
    static final class DecimalCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (!(value instanceof BigDecimal number)) {
                throw wrongType(value, "Decimal");
            }
            try {
                return new BsonDecimal128(new Decimal128(number));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The decimal " + number.toPlainString() + " has more digits or a"
                        + " larger exponent than BSON decimal128 holds exactly (34 digits)", e);
            }
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            return Numbers.read(reader, type, "Decimal");
        }
    }

    /** Instants as BSON dates, which count milliseconds: finer digits are dropped on write. */
    static final class DateTimeCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (value instanceof Instant instant) {
                return new BsonDateTime(instant.toEpochMilli());
            }
            throw wrongType(value, "DateTime");
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            if (type == BsonType.DATE_TIME) {
                return Instant.ofEpochMilli(reader.readDateTime());
            }
            reader.skipValue();
            throw new ValueMismatchException(type, "DateTime");
        }
    }

    /** Json values as native BSON. */
    static final class JsonCodec implements ScalarCodec {
        private static final BsonValueCodec VALUES = new BsonValueCodec();

        @Override
        public BsonValue encode(Object value) {
            if (value instanceof Json json) {
                return JsonBson.toBson(json);
            }
            throw wrongType(value, "Json");
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            return JsonBson.toJson(VALUES.decode(reader, DecoderContext.builder().build()));
        }
    }

    /** Byte arrays as binary of the generic subtype. */
    static final class BytesCodec implements ScalarCodec {
        @Override
        public BsonValue encode(Object value) {
            if (value instanceof byte[] bytes) {
                return new BsonBinary(bytes.clone());
            }
            throw wrongType(value, "Bytes");
        }

        @Override
        public Object decode(BsonReader reader, BsonType type) {
            if (type == BsonType.BINARY) {
                return reader.readBinaryData().getData();
            }
            reader.skipValue();
            throw new ValueMismatchException(type, "Bytes");
        }
    }

    /** Any BSON number read exactly as a decimal. */
    static final class Numbers {
        private Numbers() {
        }

        static BigDecimal read(BsonReader reader, BsonType type, String expected) {
            switch (type) {
                case INT32:
                    return BigDecimal.valueOf(reader.readInt32());
                case INT64:
                    return BigDecimal.valueOf(reader.readInt64());
                case DOUBLE: {
                    double number = reader.readDouble();
                    if (Double.isNaN(number) || Double.isInfinite(number)) {
                        throw new ValueMismatchException(type, expected + " (the stored double is " + number + ")");
                    }
                    return BigDecimal.valueOf(number);
                }
                case DECIMAL128: {
                    Decimal128 number = reader.readDecimal128();
                    if (number.isNaN() || number.isInfinite()) {
                        throw new ValueMismatchException(type, expected + " (the stored decimal is " + number + ")");
                    }
                    try {
                        return number.bigDecimalValue();
                    } catch (ArithmeticException negativeZero) {
                        return BigDecimal.ZERO;
                    }
                }
                default:
                    reader.skipValue();
                    throw new ValueMismatchException(type, expected);
            }
        }
    }
}
