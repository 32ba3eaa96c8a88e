package dev.refract.conformance;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.test.isolation.RedisNamespace;

/**
 * The server the conformance kit runs against in this module: Redis, each test class under a key
 * prefix of its own, which the datasource URL hands to the adapter. Redis needs nothing made before
 * records are written: a model's keys come into being with its first record.
 */
final class ConformanceServer extends ConformanceStore {

    private final RedisNamespace namespace;

    private ConformanceServer(RedisNamespace namespace) {
        this.namespace = namespace;
    }

    /** A new key prefix named after {@code label} on this JVM's Redis server. */
    static ConformanceServer create(String label) {
        return new ConformanceServer(RedisNamespace.create(label));
    }

    @Override
    public Provider provider() {
        return Provider.REDIS;
    }

    /** The server's URL with the namespace's prefix (without its final colon) as the datasource's key prefix. */
    @Override
    public String url() {
        String prefix = namespace.prefix();
        String server = namespace.redisUrl();
        return server + (server.contains("?") ? "&" : "?") + "prefix=" + prefix.substring(0, prefix.length() - 1);
    }

    @Override
    public void prepare(SchemaMeta schema) {
        // Nothing to make: the adapter writes a model's keys with its records, and checks uniques itself.
    }

    @Override
    public void close() {
        namespace.close();
    }
}
