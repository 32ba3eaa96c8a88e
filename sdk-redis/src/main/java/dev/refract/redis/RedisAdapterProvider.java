package dev.refract.redis;

import dev.refract.meta.Provider;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;

/** Makes {@link RedisAdapter}s for datasources of {@link Provider#REDIS}, registered with {@link java.util.ServiceLoader}. */
public final class RedisAdapterProvider implements AdapterProvider {

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.REDIS;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        if (!supports(config.datasource().provider())) {
            throw new IllegalArgumentException("Datasource '" + config.datasource().name() + "' uses provider "
                    + config.datasource().provider().schemaName() + ", which the Redis adapter does not serve: it"
                    + " serves redis");
        }
        return new RedisAdapter(config);
    }
}
