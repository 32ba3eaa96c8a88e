package dev.refract.r2dbc;

import dev.refract.r2dbc.codec.CodecRegistry;

/**
 * Tuning of an {@link R2dbcAdapter} beyond what the schema says.
 *
 * @param fetchSize      rows fetched per round trip while streaming (portal suspension); at least 1
 * @param showParameters true to show bound values in query events (see {@link dev.refract.r2dbc.log.QueryLog})
 * @param codecs         how values are converted, or {@code null} for the built-in codecs of the
 *                       datasource's database ({@link R2dbcDatabase#codecs()})
 */
public record AdapterOptions(int fetchSize, boolean showParameters, CodecRegistry codecs) {

    /** Rows per round trip when streaming, unless set. */
    public static final int DEFAULT_FETCH_SIZE = 256;

    public AdapterOptions {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1, was " + fetchSize);
        }
    }

    /** The defaults: {@value #DEFAULT_FETCH_SIZE} rows per fetch, parameters hidden, the database's built-in codecs. */
    public static AdapterOptions defaults() {
        return new AdapterOptions(DEFAULT_FETCH_SIZE, false, null);
    }

    /** These options with {@code fetchSize}. */
    public AdapterOptions withFetchSize(int fetchSize) {
        return new AdapterOptions(fetchSize, showParameters, codecs);
    }

    /** These options with parameter values shown or hidden in query events. */
    public AdapterOptions withShowParameters(boolean show) {
        return new AdapterOptions(fetchSize, show, codecs);
    }

    /** These options with {@code codecs} (built on the database's, e.g. {@code CodecRegistry.mysql().withFirst(…)}). */
    public AdapterOptions withCodecs(CodecRegistry codecs) {
        return new AdapterOptions(fetchSize, showParameters, codecs);
    }
}
