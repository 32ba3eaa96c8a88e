package dev.refract.codegen.definition;

import java.util.List;

/**
 * A primary key, unique constraint or index over one or more fields.
 *
 * @param name               the name given in the schema ({@code name:} or {@code map:}), or {@code null}
 * @param fields             field names (not column names), in key order
 * @param expireAfterSeconds the {@code expireAfterSeconds:} of a MongoDB TTL index, or {@code null}
 */
public record KeyDefinition(String name, List<String> fields, Long expireAfterSeconds) {

    public KeyDefinition {
        fields = List.copyOf(fields);
    }

    /** A key that expires nothing. */
    public KeyDefinition(String name, List<String> fields) {
        this(name, fields, null);
    }

    /** True when the key spans more than one field. */
    public boolean isCompound() {
        return fields.size() > 1;
    }
}
