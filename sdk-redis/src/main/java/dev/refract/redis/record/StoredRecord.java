package dev.refract.redis.record;

import java.util.Objects;

/**
 * One record read from Redis: its id text (what its key ends with), its values by position, and
 * the texts they were stored as (what a compare-and-set expects to find).
 *
 * @param id     the id text
 * @param values the values by position; relation fields and fields holding nothing {@code null}
 * @param texts  the stored texts by position, {@code null} where {@code values} is
 */
public record StoredRecord(String id, Object[] values, String[] texts) {

    public StoredRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(texts, "texts");
    }

    /** The value at {@code field}. */
    public Object get(int field) {
        return values[field];
    }
}
