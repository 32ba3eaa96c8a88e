package dev.refract.cache;

import java.util.Objects;

/**
 * Where one cached record lives: the model it belongs to and the look-up it answers (a unique key's
 * values and the fields read), as text that two equal look-ups spell the same.
 *
 * @param model  the index of the model in {@link dev.refract.meta.SchemaMeta#models()}
 * @param lookup the look-up, unique within the model
 */
public record CacheKey(int model, String lookup) {

    public CacheKey {
        Objects.requireNonNull(lookup, "lookup");
    }
}
