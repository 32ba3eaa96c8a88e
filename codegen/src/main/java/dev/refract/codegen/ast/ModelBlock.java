package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A {@code model} block, or a {@code type} block (a composite type, embedded in MongoDB documents),
 * which has the same syntax.
 */
public record ModelBlock(Kind kind, Identifier name, String doc, List<Member> members, Span span) implements Block {

    /** Which keyword opened the block. */
    public enum Kind {
        MODEL("model"),
        COMPOSITE_TYPE("type");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword as written in the schema. */
        public String keyword() {
            return keyword;
        }
    }

    public ModelBlock {
        members = List.copyOf(members);
    }

    /** The fields, in source order. */
    public List<Field> fields() {
        return members.stream().filter(Field.class::isInstance).map(Field.class::cast).toList();
    }

    /** The block attributes ({@code @@id}, {@code @@map}, …), in source order. */
    public List<Attribute> attributes() {
        return members.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast).toList();
    }

    /** The field named {@code name}. */
    public Optional<Field> field(String name) {
        return fields().stream().filter(f -> f.name().name().equals(name)).findFirst();
    }

    /** The block attributes named {@code name} (without the {@code @@}), in source order. */
    public List<Attribute> attributes(String name) {
        return attributes().stream().filter(a -> a.name().equals(name)).toList();
    }
}
