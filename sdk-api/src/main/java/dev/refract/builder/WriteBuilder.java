package dev.refract.builder;

import dev.refract.error.MissingRequiredFieldException;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import java.util.Map;
import java.util.TreeMap;

/**
 * The base of generated create and update builders: one write per field, the last one given
 * winning, in field order.
 *
 * @param <B> the generated builder itself
 */
public abstract class WriteBuilder<B extends WriteBuilder<B>> {

    private final Map<Integer, FieldWrite> writes = new TreeMap<>();

    /** For subclasses. */
    protected WriteBuilder() {}

    /** {@code this}, typed as the generated builder. */
    protected abstract B self();

    /** Sets the field at {@code index} to {@code value} (already in stored form). */
    protected final B set(int index, Object value) {
        return write(index, WriteOp.SET, value);
    }

    /**
     * Sets a required field; {@code null} is refused with a message naming the field.
     *
     * @param name the field's name, for the message
     */
    protected final B setRequired(int index, String name, Object value) {
        if (value == null) {
            throw new NullPointerException("Field '" + name + "' is required and cannot be set to null");
        }
        return set(index, value);
    }

    B write(int index, WriteOp op, Object value) {
        writes.put(index, new FieldWrite(index, op, value));
        return self();
    }

    /**
     * Checks that the field at {@code index} was given.
     *
     * @throws MissingRequiredFieldException naming {@code model} and {@code field} when it was not
     */
    protected final void require(int index, String model, String field) {
        if (!writes.containsKey(index)) {
            throw new MissingRequiredFieldException(model, field);
        }
    }

    /** The writes given so far. */
    protected final WriteData data() {
        return new WriteData(writes.values().stream().toList());
    }

    /** An atomic update of the number field at {@code index}, for a generated accessor. */
    protected final <T extends Number> NumberUpdate<B, T> number(int index, String name) {
        return new NumberUpdate<>(self(), index, name);
    }
}
