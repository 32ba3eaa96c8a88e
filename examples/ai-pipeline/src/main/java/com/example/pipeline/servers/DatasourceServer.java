package com.example.pipeline.servers;

import dev.refract.error.UrlRedaction;
import dev.refract.meta.DatasourceMeta;
import java.util.Objects;

/**
 * The server one datasource of the schema uses: the one its URL variable names, or one started here.
 *
 * @param datasource the datasource, as the schema declares it
 * @param url        the URL the client connects with (it may hold a password: print {@link #describe()})
 * @param embedded   true when the server was started here because the variable was not set
 */
public record DatasourceServer(DatasourceMeta datasource, String url, boolean embedded) {

    /** Checks that every component is present. */
    public DatasourceServer {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(url, "url");
    }

    /**
     * One line for people, never showing a password, e.g.
     * {@code db (postgresql): embedded server, r2dbc:postgresql://postgres@localhost:40213/postgres}.
     */
    public String describe() {
        String origin = embedded
                ? "embedded server (" + datasource.urlEnvironment() + " not set)"
                : "server of " + datasource.urlEnvironment();
        return datasource.name() + " (" + datasource.provider().schemaName() + "): " + origin + ", "
                + UrlRedaction.redact(url);
    }
}
