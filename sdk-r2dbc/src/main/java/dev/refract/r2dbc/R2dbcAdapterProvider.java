package dev.refract.r2dbc;

import dev.refract.meta.Provider;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes {@link R2dbcAdapter}s for datasources of {@link Provider#POSTGRESQL} and {@link Provider#MYSQL}
 * (MySQL and MariaDB), each with its own pool and renderer.
 */
public final class R2dbcAdapterProvider implements AdapterProvider {

    private final Function<AdapterConfig, StatementRenderer> renderers;

    /**
     * The provider {@link java.util.ServiceLoader} makes: each datasource's operations rendered by
     * its database's own renderer ({@link R2dbcDatabase#renderer}).
     */
    public R2dbcAdapterProvider() {
        this(config -> null);
    }

    /**
     * A provider rendering each datasource's operations with the renderer {@code renderers} makes for
     * it ({@code null} for the database's own).
     */
    public R2dbcAdapterProvider(Function<AdapterConfig, StatementRenderer> renderers) {
        this.renderers = Objects.requireNonNull(renderers, "renderers");
    }

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.POSTGRESQL || provider == Provider.MYSQL;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        if (!supports(config.datasource().provider())) {
            throw new IllegalArgumentException("Datasource '" + config.datasource().name() + "' uses provider "
                    + config.datasource().provider().schemaName() + ", which the R2DBC adapter does not serve: it serves"
                    + " postgresql and mysql");
        }
        return new R2dbcAdapter(config, renderers.apply(config), AdapterOptions.defaults());
    }
}
