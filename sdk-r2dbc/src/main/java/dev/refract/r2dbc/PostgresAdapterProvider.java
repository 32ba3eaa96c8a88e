package dev.refract.r2dbc;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import java.util.Objects;
import java.util.function.Function;

/** Makes {@link PostgresAdapter}s for datasources of {@link Provider#POSTGRESQL}, each with its own renderer. */
public final class PostgresAdapterProvider implements AdapterProvider {

    private final Function<AdapterConfig, StatementRenderer> renderers;

    /**
     * The provider {@link java.util.ServiceLoader} makes: each datasource's operations rendered by
     * a {@link SqlRenderer} of the PostgreSQL dialect over the schema.
     */
    public PostgresAdapterProvider() {
        this(config -> new SqlRenderer(config.schema(), PostgresDialect.INSTANCE)::render);
    }

    /** A provider rendering each datasource's operations with the renderer {@code renderers} makes for it. */
    public PostgresAdapterProvider(Function<AdapterConfig, StatementRenderer> renderers) {
        this.renderers = Objects.requireNonNull(renderers, "renderers");
    }

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.POSTGRESQL;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        if (!supports(config.datasource().provider())) {
            throw new IllegalArgumentException("Datasource '" + config.datasource().name() + "' uses provider "
                    + config.datasource().provider().schemaName() + ", which the PostgreSQL adapter does not serve");
        }
        return new PostgresAdapter(config, renderers.apply(config));
    }
}
