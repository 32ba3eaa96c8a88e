package dev.refract.benchmarks.compare.r2dbc;

import dev.refract.r2dbc.pool.PoolSettings;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;

/**
 * The r2dbc-pool of a contender that is not Refract, configured as Refract configures its own
 * (no connection opened ahead, the same size, acquire timeout and idle time), so that the pools
 * differ in nothing but who uses them.
 */
final class Pools {

    private Pools() {
    }

    /** A pool of {@code size} connections to {@code url}, named after {@code owner}. */
    static ConnectionPool create(String url, int size, String owner) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(url))
                .name("compare-" + owner)
                .initialSize(0)
                .minIdle(0)
                .maxSize(size)
                .maxAcquireTime(PoolSettings.DEFAULT_ACQUIRE_TIMEOUT)
                .maxIdleTime(PoolSettings.DEFAULT_MAX_IDLE_TIME)
                .build());
    }
}
