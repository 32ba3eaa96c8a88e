package dev.refract.error;

import java.util.List;
import java.util.Objects;

/** A datasource's database could not be reached, refused the login, or dropped the connection. */
public final class ConnectionFailedException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String datasource;

    /**
     * @param datasource the datasource's name
     * @param message    what went wrong and how to fix it; must already be redacted of passwords
     */
    public ConnectionFailedException(String datasource, String message, Throwable cause) {
        super(ErrorCode.CONNECTION_FAILED, null, List.of(), message, cause);
        this.datasource = Objects.requireNonNull(datasource, "datasource");
    }

    /** The datasource whose database failed. */
    public String datasource() {
        return datasource;
    }
}
