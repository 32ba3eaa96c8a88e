package dev.refract.error;

import java.util.List;

/** A create was built without a value for a field that has no default. */
public final class MissingRequiredFieldException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** {@code field} of {@code model} was not given. */
    public MissingRequiredFieldException(String model, String field) {
        super(ErrorCode.MISSING_REQUIRED_FIELD, model, List.of(field),
                "Missing required field '" + field + "' when creating a " + model
                        + ": give it a value with ." + field + "(...) before build()", null);
    }

    /** Foreign-key field {@code field} of {@code model} was not given, nor was its relation {@code relation}. */
    public MissingRequiredFieldException(String model, String field, String relation) {
        super(ErrorCode.MISSING_REQUIRED_FIELD, model, List.of(field),
                "Missing required field '" + field + "' when creating a " + model + ": give it a value with ." + field
                        + "(...), or relate the record with ." + relation + "(...), before build()", null);
    }
}
