package dev.refract.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The store of a read-through cache, served by a cache datasource (a {@code redis} datasource of the
 * schema). The client decides what to cache, under which key and tags, and when to invalidate; the
 * store only keeps entries. Every method is cold and non-blocking; a store that cannot be reached
 * signals an error, which the client turns into a read from the primary database and a warning.
 *
 * <p>A tag names a group of entries: invalidating it removes every entry put with it. Tags are opaque
 * to the store; the client makes them unique per schema.
 */
public interface CacheStore {

    /** The record cached under {@code key}, or empty when there is none (never cached, expired, invalidated). */
    Mono<CachedRecord> get(CacheKey key);

    /**
     * Caches {@code record} under {@code key} for {@code ttl}, after which the store drops it, and
     * files it under each of {@code tags}. Replaces what {@code key} held.
     */
    Mono<Void> put(CacheKey key, CachedRecord record, Duration ttl, Set<String> tags);

    /** Removes the entries under {@code keys}; completes when they are gone. */
    Mono<Void> invalidate(Collection<CacheKey> keys);

    /** Removes every entry put with any of {@code tags}; completes when they are gone. */
    Mono<Void> invalidateTags(Collection<String> tags);

    /** Releases the store's connections; completes when they are released. */
    Mono<Void> close();
}
