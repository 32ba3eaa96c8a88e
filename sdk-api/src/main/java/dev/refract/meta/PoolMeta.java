package dev.refract.meta;

import java.time.Duration;

/**
 * Pool settings of a datasource written in the schema; each is {@code null} when not written, and
 * the adapter then uses its own default.
 */
public record PoolMeta(Integer size, Integer minIdle, Duration acquireTimeout, Duration maxIdleTime) {

    /** No setting written. */
    public static final PoolMeta DEFAULTS = new PoolMeta(null, null, null, null);

    public PoolMeta {
        if (size != null && size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + size);
        }
        if (minIdle != null && minIdle < 0) {
            throw new IllegalArgumentException("pool minIdle must not be negative, was " + minIdle);
        }
    }

    /** These settings with {@code size} as the pool size. */
    public PoolMeta withSize(int size) {
        return new PoolMeta(size, minIdle, acquireTimeout, maxIdleTime);
    }
}
