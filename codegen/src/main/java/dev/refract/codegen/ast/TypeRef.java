package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;

/**
 * The type of a field as written: a name, an arity, and for {@code Unsupported("...")} the quoted
 * native type.
 *
 * @param unsupported the argument of {@code Unsupported("...")}, or {@code null} for any other type
 */
public record TypeRef(Identifier name, Arity arity, String unsupported, Span span) {

    /** How many values a field holds. */
    public enum Arity {
        /** {@code Type}: exactly one. */
        REQUIRED(""),
        /** {@code Type?}: zero or one. */
        OPTIONAL("?"),
        /** {@code Type[]}: a list. */
        LIST("[]");

        private final String suffix;

        Arity(String suffix) {
            this.suffix = suffix;
        }

        /** The suffix written after the type name. */
        public String suffix() {
            return suffix;
        }
    }

    /** True for {@code Unsupported("...")}. */
    public boolean isUnsupported() {
        return unsupported != null;
    }
}
