package dev.refract.spi;

/**
 * How an adapter's connection pool is used at one moment (see {@link Adapter#poolUsage()}): what the
 * pool gauges of a metrics registry show. All zero but {@code maxSize} before the pool starts.
 *
 * @param acquired connections handed out and not yet given back
 * @param idle     open connections waiting in the pool
 * @param pending  callers waiting for a connection
 * @param maxSize  the most connections the pool opens
 */
public record PoolUsage(int acquired, int idle, int pending, int maxSize) {

    public PoolUsage {
        if (acquired < 0 || idle < 0 || pending < 0 || maxSize < 0) {
            throw new IllegalArgumentException("pool usage counts must not be negative: acquired " + acquired
                    + ", idle " + idle + ", pending " + pending + ", maxSize " + maxSize);
        }
    }
}
