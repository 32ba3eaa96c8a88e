package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;
import java.util.List;

/** An {@code enum} block: values, and block attributes such as {@code @@map}. */
public record EnumBlock(Identifier name, String doc, List<Member> members, Span span) implements Block {

    public EnumBlock {
        members = List.copyOf(members);
    }

    /** The values, in source order. */
    public List<EnumValue> values() {
        return members.stream().filter(EnumValue.class::isInstance).map(EnumValue.class::cast).toList();
    }

    /** The block attributes, in source order. */
    public List<Attribute> attributes() {
        return members.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast).toList();
    }
}
