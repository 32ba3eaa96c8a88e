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
        this(datasource, timeout, "Timed out after " + timeout.toMillis() + " ms waiting for a connection of datasource '"
                + datasource + "' (pool size " + poolSize + "): raise poolSize or poolAcquireTimeout of the datasource,"
                + " or release connections sooner", cause);
    }

    private ConnectionAcquireTimeoutException(String datasource, Duration timeout, String message, Throwable cause) {
        super(ErrorCode.CONNECTION_ACQUIRE_TIMEOUT, null, List.of(), message, cause);
        this.datasource = Objects.requireNonNull(datasource, "datasource");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** No connection of {@code datasource}'s pool of {@code poolSize} became free within a transaction's {@code maxWait}. */
    public static ConnectionAcquireTimeoutException transactionWait(String datasource, Duration maxWait, int poolSize) {
        return new ConnectionAcquireTimeoutException(datasource, maxWait, "Timed out after " + maxWait.toMillis()
                + " ms waiting for a connection of datasource '" + datasource + "' (pool size " + poolSize + ") to begin"
                + " a transaction: raise its maxWait (TransactionOptions.defaults().maxWait(...)) or the pool size, or"
                + " release connections sooner", null);
    }

    /** Always true: no connection was had, so nothing of the call reached the database. */
    @Override
    public boolean retrySafe() {
        return true;
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
