package dev.refract.codegen.definition;

import java.util.List;

/**
 * An enum.
 *
 * @param dbName the native enum's name: {@code @@map} or the enum name
 */
public record EnumDefinition(String name, String dbName, String doc, List<Value> values) {

    /** One value; {@code dbName} is its {@code @map} or its name. */
    public record Value(String name, String dbName, String doc) {}

    public EnumDefinition {
        values = List.copyOf(values);
    }
}
