package dev.refract.error;

import java.util.List;

/** A query was built in a way that cannot run, e.g. a unique look-up with no unique key. */
public final class InvalidQueryException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** {@code message} says what is wrong with the query on {@code model} and how to fix it. */
    public InvalidQueryException(String model, List<String> fields, String message) {
        super(ErrorCode.INVALID_QUERY, model, fields, message, null);
    }
}
