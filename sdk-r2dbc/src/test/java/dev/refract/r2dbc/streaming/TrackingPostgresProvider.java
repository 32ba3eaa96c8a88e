package dev.refract.r2dbc.streaming;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.AdapterOptions;
import dev.refract.r2dbc.R2dbcAdapter;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the same adapters as the ServiceLoader's provider, with chosen {@link AdapterOptions}, and
 * keeps a handle on the one it made so a test can read its pool's metrics.
 */
final class TrackingPostgresProvider implements AdapterProvider {

    private final AdapterOptions options;
    private final AtomicReference<R2dbcAdapter> created = new AtomicReference<>();

    TrackingPostgresProvider(AdapterOptions options) {
        this.options = options;
    }

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.POSTGRESQL;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        R2dbcAdapter adapter = new R2dbcAdapter(config,
                new SqlRenderer(config.schema(), PostgresDialect.INSTANCE)::render, options);
        created.set(adapter);
        return adapter;
    }

    /** The adapter made for the datasource; fails when the client has not used it yet. */
    R2dbcAdapter adapter() {
        R2dbcAdapter adapter = created.get();
        if (adapter == null) {
            throw new IllegalStateException("No adapter yet: the client starts it on its first query");
        }
        return adapter;
    }
}
