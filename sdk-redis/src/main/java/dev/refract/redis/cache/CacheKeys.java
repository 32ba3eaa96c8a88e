package dev.refract.redis.cache;

import dev.refract.cache.CacheKey;
import dev.refract.meta.SchemaMeta;

/**
 * Where the cache keeps its entries and tags in Redis, in one place. Every key carries the hash tag
 * {@code {cache}}, so that a script can change an entry and its tags together on a Redis Cluster too;
 * the cost is that a cache datasource's entries live on one master.
 *
 * <ul>
 *   <li>{@code <prefix>:{cache}:e:<Model>:<look-up>}: a hash, the record in the adapter's stored form
 *       and its freshness</li>
 *   <li>{@code <prefix>:{cache}:t:<tag>}: a set, the keys of the entries filed under the tag</li>
 * </ul>
 */
final class CacheKeys {

    private final SchemaMeta schema;
    private final String prefix;

    CacheKeys(SchemaMeta schema, String prefix) {
        this.schema = schema;
        this.prefix = prefix;
    }

    String entry(CacheKey key) {
        return prefix + ":{cache}:e:" + schema.model(key.model()).dbName() + ":" + key.lookup();
    }

    String tag(String tag) {
        return prefix + ":{cache}:t:" + tag;
    }
}
