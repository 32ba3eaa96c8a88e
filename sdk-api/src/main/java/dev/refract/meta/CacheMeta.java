package dev.refract.meta;

/**
 * A read-through cache of a model's unique look-ups.
 *
 * @param datasource the index of the cache datasource in {@link SchemaMeta#datasources()}
 * @param ttlSeconds how long an entry lives
 */
public record CacheMeta(int datasource, long ttlSeconds) {

    public CacheMeta {
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("cache ttl must be positive, was " + ttlSeconds);
        }
    }
}
