package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * An attribute: {@code @name(args)} on a field or enum value, {@code @@name(args)} on a block.
 *
 * @param name            without the at-signs, dotted names kept whole ({@code "db.VarChar"})
 * @param blockLevel      true for {@code @@}
 * @param arguments       as written, positional and named
 * @param hasParentheses  whether parentheses were written ({@code @id} vs {@code @id()})
 * @param trailingComment for a block attribute, a {@code //} comment at the end of its line, or
 *                        {@code null}
 */
public record Attribute(String name, boolean blockLevel, List<Argument> arguments, boolean hasParentheses,
        String trailingComment, Span span) implements Member {

    public Attribute {
        arguments = List.copyOf(arguments);
    }

    /** The argument named {@code name}. */
    public Optional<Argument> argument(String name) {
        return arguments.stream().filter(a -> a.name() != null && a.name().name().equals(name)).findFirst();
    }

    /** The first unnamed argument, or the one named {@code fallbackName}. */
    public Optional<Argument> positionalOr(String fallbackName) {
        Optional<Argument> first = arguments.stream().filter(a -> a.name() == null).findFirst();
        return first.isPresent() ? first : argument(fallbackName);
    }

    /** The spelling in the source: {@code @id} or {@code @@map}. */
    public String displayName() {
        return (blockLevel ? "@@" : "@") + name;
    }
}
