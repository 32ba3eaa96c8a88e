package dev.refract.meta;

import java.util.List;

/**
 * A primary key or unique constraint over one or more fields.
 *
 * @param name   the name given in the schema, or {@code null}
 * @param fields indexes into the model's {@link ModelMeta#fields()}, in key order
 */
public record KeyMeta(String name, List<Integer> fields) {

    public KeyMeta {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one field");
        }
    }

    /** An unnamed key over {@code fields}. */
    public static KeyMeta of(Integer... fields) {
        return new KeyMeta(null, List.of(fields));
    }
}
