package dev.refract.redis.cache;

import dev.refract.cache.CacheStore;
import dev.refract.cache.CacheStoreProvider;
import dev.refract.meta.Provider;
import dev.refract.redis.codec.CodecRegistry;
import dev.refract.redis.connect.RedisConnection;
import dev.refract.redis.connect.RedisEndpoint;
import dev.refract.spi.AdapterConfig;
import java.time.Duration;

/**
 * Makes the cache store of a {@code redis} datasource (registered with {@link java.util.ServiceLoader}).
 * The store reads the datasource's URL as the key-value adapter does: its key prefix, its cluster
 * nodes, and {@code poolAcquireTimeout} as the bound of connecting and of each command; and the bounds of
 * the cache's own operations, its {@code cacheReadTimeout} and {@code cacheWriteTimeout} (see {@link
 * RedisEndpoint}).
 */
public final class RedisCacheStoreProvider implements CacheStoreProvider {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.REDIS;
    }

    @Override
    public CacheStore create(AdapterConfig config) {
        Duration timeout = config.pool().acquireTimeout() != null ? config.pool().acquireTimeout() : DEFAULT_TIMEOUT;
        RedisEndpoint endpoint = RedisEndpoint.parse(config.url(), config.datasource().name(), timeout);
        return new RedisCacheStore(config.schema(), config.datasource().name(), endpoint,
                new RedisConnection(endpoint, timeout), CodecRegistry.defaults());
    }
}
