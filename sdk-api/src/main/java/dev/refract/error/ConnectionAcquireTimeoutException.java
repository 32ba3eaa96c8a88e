package dev.refract.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every connection of a datasource's pool stayed in use for longer than the pool's acquire timeout.
 * Raise the pool size or the timeout, or look for work that holds connections too long.
 */
public final class ConnectionAcquireTimeoutException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String datasource;
    private final Duration timeout;

    /** No connection of {@code datasource}'s pool of {@code poolSize} became free within {@code timeout}. */
    public ConnectionAcquireTimeoutException(String datasource, Duration timeout, int poolSize, Throwable cause) {
        super(ErrorCode.CONNECTION_ACQUIRE_TIMEOUT, null, List.of(),
                "Timed out after " + timeout.toMillis() + " ms waiting for a connection of datasource '" + datasource
                        + "' (pool size " + poolSize + "): raise poolSize or poolAcquireTimeout of the datasource,"
                        + " or release connections sooner", cause);
        this.datasource = Objects.requireNonNull(datasource, "datasource");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The datasource whose pool was exhausted. */
    public String datasource() {
        return datasource;
    }

    /** How long the caller waited. */
    public Duration timeout() {
        return timeout;
    }
}
