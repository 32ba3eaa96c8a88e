package dev.refract.benchmarks.compare;

/**
 * Signalled by a contender whose result is not what the workload asked for, for example a parent
 * without its children; the harness reports the contender as failed, with this message, instead of
 * timing it.
 */
public final class WrongResultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A wrong result described by {@code message}. */
    public WrongResultException(String message) {
        super(message);
    }
}
