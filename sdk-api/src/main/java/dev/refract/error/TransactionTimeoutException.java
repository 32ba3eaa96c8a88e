package dev.refract.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A transaction was still running when its timeout ran out; it was rolled back, so none of its
 * writes is stored. Raise the timeout with {@code TransactionOptions.timeout(...)} or do less in
 * one transaction.
 */
public final class TransactionTimeoutException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String datasource;
    private final Duration timeout;

    /** A transaction of {@code datasource} outlived {@code timeout}. */
    public TransactionTimeoutException(String datasource, Duration timeout) {
        super(ErrorCode.TRANSACTION_TIMEOUT, null, List.of(), "The transaction on datasource '" + datasource
                + "' ran longer than its timeout of " + timeout.toMillis() + " ms and was rolled back: raise it with"
                + " TransactionOptions.defaults().timeout(...), or do less in one transaction", null);
        this.datasource = Objects.requireNonNull(datasource, "datasource");
        this.timeout = timeout;
    }

    /** The datasource of the transaction. */
    public String datasource() {
        return datasource;
    }

    /** The timeout that ran out. */
    public Duration timeout() {
        return timeout;
    }
}
