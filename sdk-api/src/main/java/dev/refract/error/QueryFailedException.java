package dev.refract.error;

import java.util.List;

/** The database rejected a statement for a reason no more specific error describes; {@link #sqlState()} says which. */
public final class QueryFailedException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * @param model    the model involved, or {@code null}
     * @param sqlState the SQLSTATE or native code the database reported, or {@code null}
     * @param message  what went wrong; must already be redacted of passwords
     */
    public QueryFailedException(String model, String sqlState, String message, Throwable cause) {
        super(ErrorCode.QUERY_FAILED, model, List.of(), message, cause);
        this.sqlState = sqlState;
    }

    /** The SQLSTATE or native code the database reported, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }
}
