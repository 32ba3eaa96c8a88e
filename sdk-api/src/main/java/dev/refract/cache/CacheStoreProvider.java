package dev.refract.cache;

import dev.refract.meta.Provider;
import dev.refract.spi.AdapterConfig;

/**
 * The factory a cache store artifact registers with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.refract.cache.CacheStoreProvider}. The client looks providers up once,
 * when it is built.
 */
public interface CacheStoreProvider {

    /** True when this factory serves cache datasources of {@code provider}. */
    boolean supports(Provider provider);

    /**
     * A new store on the cache datasource {@code config} describes. It must not connect yet: the first
     * cached read does.
     *
     * @throws IllegalArgumentException when the configuration is unusable, e.g. a malformed URL
     */
    CacheStore create(AdapterConfig config);
}
