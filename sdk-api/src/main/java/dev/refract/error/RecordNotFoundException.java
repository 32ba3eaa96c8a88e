package dev.refract.error;

import java.util.List;

/** No record was found for an operation that needs one (update, delete, findUniqueOrThrow, findFirstOrThrow). */
public final class RecordNotFoundException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** An error about {@code model} and {@code fields}, caused by {@code cause} (may be {@code null}). */
    public RecordNotFoundException(String model, List<String> fields, String message, Throwable cause) {
        super(ErrorCode.RECORD_NOT_FOUND, model, fields, message, cause);
    }
}
