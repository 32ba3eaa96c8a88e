package dev.refract.cache;

import dev.refract.meta.Provider;
import dev.refract.spi.AdapterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** A cache store in a map, expiring by a clock, that can be told to fail: what the core logic is tested on. */
final class InMemoryCacheStore implements CacheStore, CacheStoreProvider {

    private record Entry(CachedRecord record, long expiresAtMs, Set<String> tags) {}

    private final Clock clock;
    private final Map<CacheKey, Entry> entries = new ConcurrentHashMap<>();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();
    final AtomicInteger puts = new AtomicInteger();

    InMemoryCacheStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.REDIS;
    }

    @Override
    public CacheStore create(AdapterConfig config) {
        return this;
    }

    int size() {
        entries.values().removeIf(entry -> entry.expiresAtMs() <= clock.millis());
        return entries.size();
    }

    private <T> Mono<T> unlessDown(Mono<T> work) {
        return Mono.defer(() -> down.get() ? Mono.error(new IllegalStateException("connection refused")) : work);
    }

    @Override
    public Mono<CachedRecord> get(CacheKey key) {
        return unlessDown(Mono.fromSupplier(() -> {
            Entry entry = entries.get(key);
            return entry == null || entry.expiresAtMs() <= clock.millis() ? null : entry.record();
        }));
    }

    @Override
    public Mono<Void> put(CacheKey key, CachedRecord record, Duration ttl, Set<String> tags) {
        return unlessDown(Mono.fromRunnable(() -> {
            puts.incrementAndGet();
            entries.put(key, new Entry(record, clock.millis() + ttl.toMillis(), Set.copyOf(tags)));
        }));
    }

    @Override
    public Mono<Void> invalidate(Collection<CacheKey> keys) {
        return unlessDown(Mono.fromRunnable(() -> keys.forEach(entries::remove)));
    }

    @Override
    public Mono<Void> invalidateTags(Collection<String> tags) {
        return unlessDown(Mono.fromRunnable(() -> entries.values()
                .removeIf(entry -> entry.tags().stream().anyMatch(tags::contains))));
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> closed.set(true));
    }
}
