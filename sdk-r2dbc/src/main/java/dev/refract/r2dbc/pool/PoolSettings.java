package dev.refract.r2dbc.pool;

import dev.refract.meta.PoolMeta;
import java.time.Duration;
import java.util.Objects;

/**
 * The effective pool settings of a datasource: what the schema or builder set, defaults elsewhere.
 *
 * @param size           the most connections open at once (default {@value #DEFAULT_SIZE})
 * @param minIdle        connections kept open while idle (default 0)
 * @param acquireTimeout how long a caller waits for a free connection (default 10 s)
 * @param maxIdleTime    how long an unused connection stays open (default 30 min)
 */
public record PoolSettings(int size, int minIdle, Duration acquireTimeout, Duration maxIdleTime) {

    /** Connections of a pool whose size is not set. */
    public static final int DEFAULT_SIZE = 10;
    /** The wait for a free connection when none is set. */
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);
    /** The idle time of a connection when none is set. */
    public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofMinutes(30);

    public PoolSettings {
        Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        Objects.requireNonNull(maxIdleTime, "maxIdleTime");
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + size);
        }
        if (minIdle < 0 || minIdle > size) {
            throw new IllegalArgumentException("pool minIdle must lie between 0 and the pool size " + size
                    + ", was " + minIdle);
        }
        if (acquireTimeout.isNegative() || acquireTimeout.isZero()) {
            throw new IllegalArgumentException("pool acquire timeout must be positive, was " + acquireTimeout);
        }
    }

    /** {@code pool}'s settings, each unset one replaced by its default. */
    public static PoolSettings of(PoolMeta pool) {
        int size = pool.size() == null ? DEFAULT_SIZE : pool.size();
        int minIdle = pool.minIdle() == null ? 0 : Math.min(pool.minIdle(), size);
        return new PoolSettings(size, minIdle,
                pool.acquireTimeout() == null ? DEFAULT_ACQUIRE_TIMEOUT : pool.acquireTimeout(),
                pool.maxIdleTime() == null ? DEFAULT_MAX_IDLE_TIME : pool.maxIdleTime());
    }
}
