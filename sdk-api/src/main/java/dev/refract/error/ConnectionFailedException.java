package dev.refract.error;

import java.util.List;
import java.util.Objects;

/**
 * A datasource's database could not be reached, refused the login, or dropped the connection.
 *
 * <p>{@link #retrySafe()} says whether the call may be made again as it is: true when no connection
 * was had (nothing was sent), when the call only read, or when the transaction it belonged to died
 * before its commit was sent (the database rolls it back); false when a write or a commit was in
 * flight as the connection died, whose outcome is unknown. The connection is not given back to the
 * pool for reuse; later calls get another.
 */
public final class ConnectionFailedException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String datasource;
    private final String detail;
    private final boolean retrySafe;

    /**
     * A failure whose call may have reached the database ({@link #retrySafe()} false).
     *
     * @param datasource the datasource's name
     * @param message    what went wrong and how to fix it; must already be redacted of passwords
     */
    public ConnectionFailedException(String datasource, String message, Throwable cause) {
        this(datasource, message, cause, false);
    }

    /**
     * @param datasource the datasource's name
     * @param message    what went wrong and how to fix it; must already be redacted of passwords
     * @param retrySafe  true when making the call again cannot apply it twice
     */
    public ConnectionFailedException(String datasource, String message, Throwable cause, boolean retrySafe) {
        super(ErrorCode.CONNECTION_FAILED, null, List.of(), message, cause);
        this.datasource = Objects.requireNonNull(datasource, "datasource");
        this.detail = message;
        this.retrySafe = retrySafe;
    }

    /** The datasource whose database failed. */
    public String datasource() {
        return datasource;
    }

    @Override
    public boolean retrySafe() {
        return retrySafe;
    }

    /**
     * This failure, said to be safe to retry: by the one who knows that the call could not have
     * applied anything (a read, work that never got a connection). Returns this when it already is.
     */
    public ConnectionFailedException asRetrySafe() {
        if (retrySafe) {
            return this;
        }
        ConnectionFailedException safe = new ConnectionFailedException(datasource, detail, getCause(), true);
        safe.setStackTrace(getStackTrace());
        return safe;
    }
}
