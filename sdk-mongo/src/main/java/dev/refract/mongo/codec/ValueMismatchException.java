package dev.refract.mongo.codec;

import org.bson.BsonType;

/**
 * A stored value whose BSON type cannot be read as the field's declared type. Raised while a
 * document is decoded; the row codec turns it into a typed error naming the model, the field and
 * the document's {@code _id}.
 */
public final class ValueMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient BsonType stored;
    private final String expected;

    /** A value stored as {@code stored} where {@code expected} (a schema type name) is declared. */
    public ValueMismatchException(BsonType stored, String expected) {
        super("a value stored as BSON " + stored + " cannot be read as " + expected);
        this.stored = stored;
        this.expected = expected;
    }

    /** The BSON type found. */
    public BsonType stored() {
        return stored;
    }

    /** The schema type declared. */
    public String expected() {
        return expected;
    }
}
