package dev.refract.mongo.codec;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonNull;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Converts the values of one field of a model or composite type: a scalar through its
 * {@link ScalarCodec}, an enum as its database name (a string), a composite value as an embedded
 * document of its {@link DocumentLayout}, and a list as an array of those.
 */
public final class FieldCodec {

    private final FieldMeta field;
    private final ScalarCodec scalar;
    private final DocumentLayout composite;

    private FieldCodec(FieldMeta field, ScalarCodec scalar, DocumentLayout composite) {
        this.field = field;
        this.scalar = scalar;
        this.composite = composite;
    }

    /** The codec of a scalar field. */
    static FieldCodec scalar(FieldMeta field, ScalarCodec codec) {
        return new FieldCodec(field, codec, null);
    }

    /** The codec of an enum field. */
    static FieldCodec enumeration(FieldMeta field) {
        return new FieldCodec(field, null, null);
    }

    /** The codec of a composite field, whose embedded documents {@code layout} describes. */
    static FieldCodec composite(FieldMeta field, DocumentLayout layout) {
        return new FieldCodec(field, null, layout);
    }

    /** The field this codec converts. */
    public FieldMeta field() {
        return field;
    }

    /** The layout of the embedded documents of a composite field, or {@code null}. */
    public DocumentLayout composite() {
        return composite;
    }

    /**
     * The BSON form of the field's value: {@code null} as BSON null, a list as an array.
     *
     * @throws IllegalArgumentException when the value does not fit the field
     */
    public BsonValue encode(Object value) {
        if (value == null) {
            return BsonNull.VALUE;
        }
        if (field.isList() && value instanceof List<?> list) {
            BsonArray array = new BsonArray(new ArrayList<>(list.size()));
            for (Object element : list) {
                array.add(encodeOne(element));
            }
            return array;
        }
        return encodeOne(value);
    }

    /** The BSON form of one value (one element of a list field). */
    public BsonValue encodeOne(Object value) {
        if (value == null) {
            return BsonNull.VALUE;
        }
        if (composite != null) {
            if (!(value instanceof Row row)) {
                throw new IllegalArgumentException("a value of the composite type " + field.typeName()
                        + " must be given as a row of its fields");
            }
            return composite.encode(row);
        }
        if (scalar == null) {
            if (value instanceof String text) {
                return new BsonString(text);
            }
            throw new IllegalArgumentException("an enum value must be given by its database name");
        }
        return scalar.encode(value);
    }

    /**
     * True for a {@code Json} field that is not a list, where BSON null is the JSON null value and
     * only a missing key means no value.
     */
    public boolean holdsJson() {
        return !field.isList() && isJson();
    }

    /** True when the values (the elements, for a list) are {@code Json}, where BSON null is the JSON null value. */
    private boolean isJson() {
        return scalar != null && field.scalarType() == ScalarType.JSON;
    }

    /**
     * Reads the current value of {@code reader}, of BSON type {@code type}: null as {@code null}
     * (in a {@code Json} field and as an element of a {@code Json} list, as the JSON null value), an
     * array of a list field as a list.
     *
     * @throws ValueMismatchException when the stored value does not fit the field
     */
    public Object decode(BsonReader reader, BsonType type) {
        if (type == BsonType.NULL && !holdsJson()) {
            reader.readNull();
            return null;
        }
        if (type == BsonType.UNDEFINED) {
            reader.readUndefined();
            return null;
        }
        if (field.isList()) {
            if (type != BsonType.ARRAY) {
                reader.skipValue();
                throw new ValueMismatchException(type, "a list");
            }
            List<Object> values = new ArrayList<>();
            reader.readStartArray();
            BsonType element;
            while ((element = reader.readBsonType()) != BsonType.END_OF_DOCUMENT) {
                values.add(decodeOne(reader, element));
            }
            reader.readEndArray();
            return values;
        }
        return decodeOne(reader, type);
    }

    private Object decodeOne(BsonReader reader, BsonType type) {
        if (type == BsonType.NULL && !isJson()) {
            reader.readNull();
            return null;
        }
        if (composite != null) {
            if (type != BsonType.DOCUMENT) {
                reader.skipValue();
                throw new ValueMismatchException(type, "the composite type " + field.typeName());
            }
            return composite.decode(reader);
        }
        if (scalar == null) {
            if (type != BsonType.STRING) {
                reader.skipValue();
                throw new ValueMismatchException(type, "the enum " + field.typeName());
            }
            return reader.readString();
        }
        return scalar.decode(reader, type);
    }
}
