package dev.refract.meta;

import java.util.List;
import java.util.Objects;

/**
 * An enum of the schema, for adapters that create or check native enum types.
 *
 * @param name     the enum's name in the schema
 * @param dbName   the native type's name
 * @param dbValues the values as the database stores them, in declaration order
 * @param values   the values' names in the schema, in the same order ({@code @map} gives a value another
 *                 {@code dbValues} entry)
 */
public record EnumMeta(String name, String dbName, List<String> dbValues, List<String> values) {

    public EnumMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dbName, "dbName");
        dbValues = List.copyOf(dbValues);
        values = List.copyOf(values);
        if (values.size() != dbValues.size()) {
            throw new IllegalArgumentException("enum " + name + ": " + values.size() + " value names for "
                    + dbValues.size() + " database values");
        }
    }

    /** An enum whose values are stored under their own names. */
    public EnumMeta(String name, String dbName, List<String> dbValues) {
        this(name, dbName, dbValues, dbValues);
    }

    /** This enum with {@code values} as the schema names of its values, where {@code @map} renamed them. */
    public EnumMeta withValueNames(List<String> values) {
        return new EnumMeta(name, dbName, dbValues, values);
    }

    /**
     * How the database stores the value named {@code value} in the schema.
     *
     * @throws IllegalArgumentException when the enum has no such value
     */
    public String dbValue(String value) {
        int position = values.indexOf(value);
        if (position < 0) {
            throw new IllegalArgumentException("enum " + name + " has no value " + value);
        }
        return dbValues.get(position);
    }
}
