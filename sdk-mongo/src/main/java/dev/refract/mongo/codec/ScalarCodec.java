package dev.refract.mongo.codec;

import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Converts the values of one scalar type of the schema between their Java form (see
 * {@link dev.refract.spi.Row}) and BSON. Writing always produces the one BSON type the mapping
 * names; reading also accepts what another writer may have stored where no information is lost
 * (an int32 where int64 is declared, say).
 */
public interface ScalarCodec {

    /**
     * The BSON form of {@code value}.
     *
     * @throws IllegalArgumentException when {@code value} is not of this codec's Java type, or cannot be stored as it
     */
    BsonValue encode(Object value);

    /**
     * Reads the current value of {@code reader}, of BSON type {@code type}, into its Java form.
     *
     * @throws ValueMismatchException when a value of {@code type} cannot be read as this codec's type; the
     *                                reader has then consumed the value
     */
    Object decode(BsonReader reader, BsonType type);
}
