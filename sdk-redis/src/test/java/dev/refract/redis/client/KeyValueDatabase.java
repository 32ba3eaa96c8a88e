package dev.refract.redis.client;

import com.example.keyvalue.db.RefractClient;
import dev.refract.test.isolation.RedisNamespace;

/** A generated client of the key-value test schema whose keys live under a test's own prefix. */
final class KeyValueDatabase {

    private KeyValueDatabase() {
    }

    /** The datasource URL of {@code namespace}: its server, and its prefix without the final colon. */
    static String url(RedisNamespace namespace) {
        String prefix = namespace.prefix();
        return namespace.redisUrl() + "?prefix=" + prefix.substring(0, prefix.length() - 1);
    }

    /** A client on {@code namespace}; the caller closes it. */
    static RefractClient open(RedisNamespace namespace) {
        return RefractClient.builder().datasource("kv", url(namespace)).build();
    }
}
