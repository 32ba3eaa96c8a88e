package dev.refract.error;

import java.util.List;

/** A write or delete would leave a foreign key pointing at no record; {@code fields} names the foreign key. */
public final class ForeignKeyViolationException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** An error about {@code model} and {@code fields}, caused by {@code cause} (may be {@code null}). */
    public ForeignKeyViolationException(String model, List<String> fields, String message, Throwable cause) {
        super(ErrorCode.FOREIGN_KEY_VIOLATION, model, fields, message, cause);
    }
}
