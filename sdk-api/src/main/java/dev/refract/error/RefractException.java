package dev.refract.error;

import java.util.List;
import java.util.Objects;

/**
 * The root of every error Refract signals. Adapters translate native errors into a subclass; the
 * user never sees a driver exception unwrapped.
 */
public abstract class RefractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String model;
    private final List<String> fields;

    /**
     * @param model  the model involved, or {@code null}
     * @param fields the fields involved, empty when none
     */
    protected RefractException(ErrorCode code, String model, List<String> fields, String message, Throwable cause) {
        super("[" + code.code() + "] " + message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.model = model;
        this.fields = List.copyOf(fields);
    }

    /** The stable kind of this error. */
    public ErrorCode code() {
        return code;
    }

    /** The model involved, or {@code null} when the error concerns no single model. */
    public String model() {
        return model;
    }

    /** The fields involved, in schema terms; empty when none. */
    public List<String> fields() {
        return fields;
    }

    /**
     * True when making the same call again cannot apply it twice: nothing of it reached the database
     * (no connection was had), it only read, or the database undid all of it (a transaction it rolled
     * back). False when the outcome is unknown or the error will recur as it is (a constraint, bad
     * input): a write whose connection died in flight may have been applied, so Refract never retries
     * one on its own, and a caller retrying it must make sure that is harmless.
     *
     * <p>False unless a subclass says otherwise.
     */
    public boolean retrySafe() {
        return false;
    }
}
