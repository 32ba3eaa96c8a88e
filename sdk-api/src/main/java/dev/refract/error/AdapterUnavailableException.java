package dev.refract.error;

import dev.refract.meta.Provider;
import java.util.List;

/** A datasource's provider has no adapter on the classpath, or its adapter could not start. */
public final class AdapterUnavailableException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String datasource;
    private final Provider provider;

    /**
     * @param datasource the datasource's name
     * @param model      the model whose call needed it, or {@code null}
     * @param message    what went wrong and how to fix it; must already be redacted of passwords
     */
    public AdapterUnavailableException(String datasource, Provider provider, String model, String message,
            Throwable cause) {
        super(ErrorCode.ADAPTER_UNAVAILABLE, model, List.of(), message, cause);
        this.datasource = datasource;
        this.provider = provider;
    }

    /** No adapter on the classpath serves {@code provider}. */
    public static AdapterUnavailableException missing(String datasource, Provider provider, String model) {
        return new AdapterUnavailableException(datasource, provider, model,
                "No adapter for datasource '" + datasource + "' (provider " + provider.schemaName()
                        + ") is on the classpath: add the dependency dev.refract:" + artifactFor(provider),
                null);
    }

    /** The artifact that holds the adapter of {@code provider}. */
    public static String artifactFor(Provider provider) {
        return switch (provider.family()) {
            case RELATIONAL -> "refract-sdk-r2dbc";
            case DOCUMENT -> "refract-sdk-mongo";
            case KEY_VALUE -> "refract-sdk-redis";
        };
    }

    /** The datasource's name. */
    public String datasource() {
        return datasource;
    }

    /** The datasource's provider. */
    public Provider provider() {
        return provider;
    }
}
