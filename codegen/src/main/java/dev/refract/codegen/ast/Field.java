package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A field of a model or composite type: {@code name Type? @attr(...) @attr2}.
 *
 * @param doc             {@code ///} lines above it, joined by newlines; empty when none
 * @param trailingComment a {@code //} comment at the end of the line, or {@code null}
 */
public record Field(Identifier name, TypeRef type, List<Attribute> attributes, String doc, String trailingComment,
        Span span) implements Member {

    public Field {
        attributes = List.copyOf(attributes);
    }

    /** The first field attribute named {@code name} (without the {@code @}), e.g. {@code "default"}. */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
