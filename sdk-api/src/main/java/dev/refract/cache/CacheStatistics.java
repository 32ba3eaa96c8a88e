package dev.refract.cache;

/**
 * What a client's cache did since the client was built.
 *
 * @param hits          reads answered by a fresh cached record
 * @param staleHits     reads answered by a stale record while a fresh one was loaded
 * @param misses        reads that found nothing cached and loaded from the primary database
 * @param invalidations invalidations sent after writes, or asked for by tag
 * @param errors        store operations that failed (the read went to the primary database)
 */
public record CacheStatistics(long hits, long staleHits, long misses, long invalidations, long errors) {

    /** No activity. */
    public static final CacheStatistics NONE = new CacheStatistics(0, 0, 0, 0, 0);
}
