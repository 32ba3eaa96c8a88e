package dev.refract.r2dbc.pool;

/**
 * A snapshot of a pool's metrics.
 *
 * @param acquired connections handed out and not yet given back
 * @param idle     open connections waiting in the pool
 * @param allocated every open connection, acquired or idle
 * @param pending  callers waiting for a connection
 * @param maxSize  the most connections the pool opens
 * @param acquisitions how many times a connection was handed out since the pool was made
 */
public record PoolStatistics(int acquired, int idle, int allocated, int pending, int maxSize, long acquisitions) {

    /** The statistics of a pool that has not started: nothing open, nothing waiting. */
    public static PoolStatistics notStarted(int maxSize) {
        return notStarted(maxSize, 0);
    }

    /** The statistics of a pool not running (not yet, or no longer) that handed out {@code acquisitions} connections. */
    static PoolStatistics notStarted(int maxSize, long acquisitions) {
        return new PoolStatistics(0, 0, 0, 0, maxSize, acquisitions);
    }
}
