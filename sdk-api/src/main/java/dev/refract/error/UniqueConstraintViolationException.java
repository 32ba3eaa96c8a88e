package dev.refract.error;

import java.util.List;

/** A write would give two records the same value of a unique key; {@code fields} names the key. */
public final class UniqueConstraintViolationException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** An error about {@code model} and {@code fields}, caused by {@code cause} (may be {@code null}). */
    public UniqueConstraintViolationException(String model, List<String> fields, String message, Throwable cause) {
        super(ErrorCode.UNIQUE_CONSTRAINT_VIOLATION, model, fields, message, cause);
    }
}
