package dev.refract.client;

import java.util.Objects;

/**
 * One model operation that has ended, as an {@link OperationListener} hears of it.
 *
 * @param datasource    the name of the model's datasource, as the schema declares it
 * @param model         the model's name, as the schema declares it
 * @param operation     the client method the operation comes from, e.g. {@code findMany} or {@code create}
 * @param outcome       how it ended
 * @param durationNanos from subscription to its end, in nanoseconds
 * @param error         what it failed with, when {@code outcome} is {@link Outcome#ERROR}; else {@code null}
 */
public record OperationEvent(String datasource, String model, String operation, Outcome outcome,
        long durationNanos, Throwable error) {

    public OperationEvent {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** How an operation ended. */
    public enum Outcome {
        /** It completed: its result, or its last row, was delivered. */
        SUCCESS,
        /** It signalled an error. */
        ERROR,
        /** Its subscriber cancelled it before it ended, e.g. a {@code take(n)} of a stream. */
        CANCELLED
    }
}
