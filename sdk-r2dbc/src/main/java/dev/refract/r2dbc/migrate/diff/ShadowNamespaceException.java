package dev.refract.r2dbc.migrate.diff;

/**
 * The server refused to create the {@link ShadowNamespace} that migrations are replayed into; the
 * message names it and the privilege the datasource's user needs.
 */
public final class ShadowNamespaceException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ShadowNamespaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
