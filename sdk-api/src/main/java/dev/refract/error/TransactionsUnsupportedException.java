package dev.refract.error;

import java.util.List;
import java.util.Objects;

/**
 * A transaction was asked of a datasource whose server cannot run one, e.g. a standalone MongoDB
 * server: MongoDB runs transactions only on a replica set or a sharded cluster.
 */
public final class TransactionsUnsupportedException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String datasource;

    /**
     * @param datasource the datasource's name
     * @param message    why the server cannot run transactions and how to make it; must already be redacted of passwords
     */
    public TransactionsUnsupportedException(String datasource, String message) {
        super(ErrorCode.TRANSACTIONS_UNSUPPORTED, null, List.of(), message, null);
        this.datasource = Objects.requireNonNull(datasource, "datasource");
    }

    /** The datasource whose server cannot run transactions. */
    public String datasource() {
        return datasource;
    }
}
