package dev.refract.error;

import java.util.List;

/** The database refused a write that left a required column without a value; {@code fields} names the field. */
public final class NullConstraintViolationException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** An error about {@code field} of {@code model}, caused by {@code cause} (may be {@code null}). */
    public NullConstraintViolationException(String model, String field, String message, Throwable cause) {
        super(ErrorCode.NULL_CONSTRAINT_VIOLATION, model, field == null ? List.of() : List.of(field), message, cause);
    }
}
