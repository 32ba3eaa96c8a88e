package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;
import java.util.List;

/**
 * One value of an enum, with its attributes (e.g. {@code @map("in_progress")}).
 *
 * @param doc             {@code ///} lines above it, joined by newlines; empty when none
 * @param trailingComment a {@code //} comment at the end of the line, or {@code null}
 */
public record EnumValue(Identifier name, List<Attribute> attributes, String doc, String trailingComment, Span span)
        implements Member {

    public EnumValue {
        attributes = List.copyOf(attributes);
    }
}
