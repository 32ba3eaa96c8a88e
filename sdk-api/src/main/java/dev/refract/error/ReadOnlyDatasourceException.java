package dev.refract.error;

import java.util.List;
import java.util.Objects;

/**
 * A write reached a datasource that the schema marks {@code readOnly = true}: the client refuses it
 * before it reaches the database. Such a datasource is one the application reads but does not own,
 * e.g. a legacy database brought in with {@code db pull}; migrations leave it alone too.
 */
public final class ReadOnlyDatasourceException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String datasource;

    /**
     * A write named {@code what} (e.g. {@code create}) on {@code model}, or, when {@code model} is
     * {@code null}, a raw SQL statement, refused on the read-only {@code datasource}.
     */
    public ReadOnlyDatasourceException(String datasource, String model, String what) {
        super(ErrorCode.READ_ONLY_DATASOURCE, model, List.of(), "Datasource '" + datasource + "' is read-only,"
                + " so the client does not run " + what + (model == null ? "" : " on " + model) + ". Remove"
                + " readOnly = true from the datasource block of the schema (and regenerate the client) if the"
                + " application may change its data", null);
        this.datasource = Objects.requireNonNull(datasource, "datasource");
    }

    /** The name of the read-only datasource. */
    public String datasource() {
        return datasource;
    }
}
