package dev.refract.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A statement got no answer from its datasource's database within the datasource's statement timeout:
 * the server is stalled, overloaded or unreachable, or the statement is slower than the timeout
 * allows. The connection it ran on is closed rather than reused. Raise the timeout (the
 * {@code statementTimeout} option of the datasource's URL) if the statement is merely slow.
 *
 * <p>{@link #retrySafe()} is true for a read and false for a write, which the server may still apply.
 */
public final class StatementTimeoutException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String datasource;
    private final Duration timeout;
    private final boolean retrySafe;

    /**
     * @param datasource the datasource's name
     * @param model      the model of the statement, or {@code null}
     * @param timeout    the timeout that expired
     * @param retrySafe  true when the statement only read
     */
    public StatementTimeoutException(String datasource, String model, Duration timeout, boolean retrySafe,
            Throwable cause) {
        super(ErrorCode.STATEMENT_TIMEOUT, model, List.of(), "No answer from the database of datasource '"
                + Objects.requireNonNull(datasource, "datasource") + "' within the statement timeout of "
                + Objects.requireNonNull(timeout, "timeout").toMillis() + " ms" + (model == null ? "" : " (" + model
                + ")") + ": check that the server is up and reachable, or raise statementTimeout in the"
                + " datasource's URL if the statement is merely slow" + (retrySafe ? "" : "; the write may still"
                + " be applied by the server"), cause);
        this.datasource = datasource;
        this.timeout = timeout;
        this.retrySafe = retrySafe;
    }

    /** The datasource whose database did not answer. */
    public String datasource() {
        return datasource;
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean retrySafe() {
        return retrySafe;
    }
}
