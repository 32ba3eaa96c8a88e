package dev.refract.query;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How one {@code findUnique} uses the cache of its model: the model's {@code @@cache} as declared
 * ({@link #MODEL}), no cache at all ({@link #BYPASS}), or the model's cache with its own time to live,
 * a stale-while-revalidate window and tags.
 *
 * @param bypass true to read the primary database and leave the cache alone
 * @param ttl    how long the record stays fresh; {@code null} for the model's {@code ttl}
 * @param swr    how long after that a stale record is still served while one caller refreshes it in
 *               the background; {@link Duration#ZERO} for never
 * @param tags   tags the entry is filed under, for {@code invalidateCacheTags}
 */
public record CachePolicy(boolean bypass, Duration ttl, Duration swr, Set<String> tags) {

    /** The model's cache as the schema declares it. */
    public static final CachePolicy MODEL = new CachePolicy(false, null, Duration.ZERO, Set.of());

    /** No cache: the read goes to the primary database, and nothing is cached. */
    public static final CachePolicy BYPASS = new CachePolicy(true, null, Duration.ZERO, Set.of());

    public CachePolicy {
        Objects.requireNonNull(swr, "swr");
        tags = Set.copyOf(tags);
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("A cache ttl must be positive, was " + ttl);
        }
        if (swr.isNegative()) {
            throw new IllegalArgumentException("A cache swr window must not be negative, was " + swr);
        }
        for (String tag : tags) {
            if (tag == null || tag.isEmpty()) {
                throw new IllegalArgumentException("A cache tag must be a non-empty text");
            }
        }
    }

    /**
     * Fills in a per-call strategy: {@code findUnique(q -> q.where(…).cache(c -> c.ttl(…).swr(…)))}.
     * Starts from the model's cache.
     */
    public static final class Builder {

        private Duration ttl;
        private Duration swr = Duration.ZERO;
        private final Set<String> tags = new LinkedHashSet<>();

        /** Keeps the record fresh for {@code ttl} instead of the model's {@code ttl}. */
        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** Serves a stale record for up to {@code window} after it went stale, refreshing it in the background. */
        public Builder swr(Duration window) {
            this.swr = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Files the cached record under {@code tags} too; several calls add up. */
        public Builder tags(String... tags) {
            this.tags.addAll(Set.of(tags));
            return this;
        }

        /** The strategy. */
        public CachePolicy build() {
            return new CachePolicy(false, ttl, swr, tags);
        }
    }
}
