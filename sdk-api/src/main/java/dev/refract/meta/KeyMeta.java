package dev.refract.meta;

import java.util.List;

/**
 * A primary key, unique constraint or index over one or more fields.
 *
 * @param name               the name given in the schema, or {@code null}
 * @param fields             indexes into the model's {@link ModelMeta#fields()}, in key order
 * @param expireAfterSeconds for a MongoDB TTL index ({@code @@index([expiresAt], expireAfterSeconds: 3600)}),
 *                           how many seconds after the date in its one field a document is deleted;
 *                           {@code null} for every other key
 */
public record KeyMeta(String name, List<Integer> fields, Long expireAfterSeconds) {

    public KeyMeta {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one field");
        }
        if (expireAfterSeconds != null && (expireAfterSeconds < 0 || fields.size() != 1)) {
            throw new IllegalArgumentException("a TTL index has one field and zero or more seconds, not "
                    + fields.size() + " fields and " + expireAfterSeconds + " seconds");
        }
    }

    /** A key over {@code fields} that expires nothing. */
    public KeyMeta(String name, List<Integer> fields) {
        this(name, fields, null);
    }

    /** An unnamed key over {@code fields}. */
    public static KeyMeta of(Integer... fields) {
        return new KeyMeta(null, List.of(fields));
    }

    /** This key as a TTL index deleting a document {@code seconds} after the date its field holds. */
    public KeyMeta expiringAfter(long seconds) {
        return new KeyMeta(name, fields, seconds);
    }

    /** True for a TTL index. */
    public boolean expires() {
        return expireAfterSeconds != null;
    }
}
