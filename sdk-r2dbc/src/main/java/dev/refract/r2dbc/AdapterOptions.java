package dev.refract.r2dbc;

import dev.refract.r2dbc.codec.CodecRegistry;
import java.util.Objects;

/**
 * Tuning of a {@link PostgresAdapter} beyond what the schema says.
 *
 * @param fetchSize      rows fetched per round trip while streaming (portal suspension); at least 1
 * @param showParameters true to show bound values in query events (see {@link dev.refract.r2dbc.log.QueryLog})
 * @param codecs         how values are converted
 */
public record AdapterOptions(int fetchSize, boolean showParameters, CodecRegistry codecs) {

    /** Rows per round trip when streaming, unless set. */
    public static final int DEFAULT_FETCH_SIZE = 256;

    public AdapterOptions {
        Objects.requireNonNull(codecs, "codecs");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1, was " + fetchSize);
        }
    }

    /** The defaults: {@value #DEFAULT_FETCH_SIZE} rows per fetch, parameters hidden, the built-in codecs. */
    public static AdapterOptions defaults() {
        return new AdapterOptions(DEFAULT_FETCH_SIZE, false, CodecRegistry.defaults());
    }

    /** These options with {@code fetchSize}. */
    public AdapterOptions withFetchSize(int fetchSize) {
        return new AdapterOptions(fetchSize, showParameters, codecs);
    }

    /** These options with parameter values shown or hidden in query events. */
    public AdapterOptions withShowParameters(boolean show) {
        return new AdapterOptions(fetchSize, show, codecs);
    }

    /** These options with {@code codecs}. */
    public AdapterOptions withCodecs(CodecRegistry codecs) {
        return new AdapterOptions(fetchSize, showParameters, codecs);
    }
}
