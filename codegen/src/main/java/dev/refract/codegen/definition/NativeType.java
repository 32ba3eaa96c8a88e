package dev.refract.codegen.definition;

import java.util.List;

/**
 * A native database type from {@code @db.Name(args)}, e.g. {@code VarChar(255)} or
 * {@code Timestamptz(3)}. Arguments are kept as written.
 */
public record NativeType(String name, List<String> arguments) {

    public NativeType {
        arguments = List.copyOf(arguments);
    }
}
