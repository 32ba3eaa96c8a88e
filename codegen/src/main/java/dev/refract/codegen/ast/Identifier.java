package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;

/** A name as written in the source, with where it was written. */
public record Identifier(String name, Span span) {

    @Override
    public String toString() {
        return name;
    }
}
