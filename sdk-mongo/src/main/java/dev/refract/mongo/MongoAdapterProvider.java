package dev.refract.mongo;

import dev.refract.meta.Provider;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import java.util.Objects;

/** Makes {@link MongoAdapter}s for datasources of {@link Provider#MONGODB}, each with its own client and pool. */
public final class MongoAdapterProvider implements AdapterProvider {

    private final MongoAdapterOptions options;

    /** The provider {@link java.util.ServiceLoader} makes, with the default options. */
    public MongoAdapterProvider() {
        this(MongoAdapterOptions.defaults());
    }

    /** A provider making adapters with {@code options}. */
    public MongoAdapterProvider(MongoAdapterOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.MONGODB;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        if (!supports(config.datasource().provider())) {
            throw new IllegalArgumentException("Datasource '" + config.datasource().name() + "' uses provider "
                    + config.datasource().provider().schemaName() + ", which the MongoDB adapter does not serve: it"
                    + " serves mongodb");
        }
        return new MongoAdapter(config, options);
    }
}
