package dev.refract.cache;

import dev.refract.spi.Row;
import java.util.Objects;

/**
 * A record as the cache holds it: its row (a field not read is {@code null}) and the instant, in
 * milliseconds since the epoch, after which it is stale. A stale record may still be served while a
 * fresh one is loaded (stale-while-revalidate) until the store drops it.
 *
 * @param row          the record's values by field position
 * @param freshUntilMs the end of its freshness, in epoch milliseconds
 */
public record CachedRecord(Row row, long freshUntilMs) {

    public CachedRecord {
        Objects.requireNonNull(row, "row");
    }

    /** True when the record is still fresh at {@code nowMs}. */
    public boolean freshAt(long nowMs) {
        return nowMs < freshUntilMs;
    }
}
