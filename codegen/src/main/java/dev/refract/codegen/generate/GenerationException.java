package dev.refract.codegen.generate;

/** The schema cannot be turned into Java; the message says what to change. */
public final class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public GenerationException(String message) {
        super(message);
    }
}
