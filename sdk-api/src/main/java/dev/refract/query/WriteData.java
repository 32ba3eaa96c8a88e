package dev.refract.query;

import java.util.List;
import java.util.Objects;

/**
 * The values of one create or update: per field, what to do with it. Fields not mentioned keep
 * their value (update) or get their default (create).
 */
public record WriteData(List<FieldWrite> writes) {

    public WriteData {
        writes = List.copyOf(writes);
    }

    /**
     * One field's change. {@code value} is in stored form and may be {@code null} only for
     * {@link WriteOp#SET} of an optional field.
     */
    public record FieldWrite(int field, WriteOp op, Object value) {
        public FieldWrite {
            Objects.requireNonNull(op, "op");
            if (value == null && op != WriteOp.SET) {
                throw new IllegalArgumentException(op + " needs a value");
            }
        }
    }

    /** What a write does with the field's current value. */
    public enum WriteOp {
        SET, INCREMENT, DECREMENT, MULTIPLY, DIVIDE
    }
}
