package dev.refract.meta;

import java.util.List;
import java.util.Objects;

/**
 * An enum of the schema, for adapters that create or check native enum types.
 *
 * @param name     the enum's name in the schema
 * @param dbName   the native type's name
 * @param dbValues the values as the database stores them, in declaration order
 */
public record EnumMeta(String name, String dbName, List<String> dbValues) {

    public EnumMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dbName, "dbName");
        dbValues = List.copyOf(dbValues);
    }
}
