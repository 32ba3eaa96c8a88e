package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A {@code datasource} or {@code generator} block: a list of {@code key = value} properties.
 * Several properties may stand on one line.
 */
public record ConfigBlock(Kind kind, Identifier name, String doc, List<Member> members, Span span) implements Block {

    /** Which keyword opened the block. */
    public enum Kind {
        DATASOURCE("datasource"),
        GENERATOR("generator");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword as written in the schema. */
        public String keyword() {
            return keyword;
        }
    }

    public ConfigBlock {
        members = List.copyOf(members);
    }

    /** The properties, in source order. */
    public List<ConfigProperty> properties() {
        return members.stream().filter(ConfigProperty.class::isInstance).map(ConfigProperty.class::cast).toList();
    }

    /** The first property named {@code key}. */
    public Optional<ConfigProperty> property(String key) {
        return properties().stream().filter(p -> p.key().name().equals(key)).findFirst();
    }
}
