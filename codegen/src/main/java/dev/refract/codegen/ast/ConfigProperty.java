package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;

/**
 * {@code key = value} inside a datasource or generator block.
 *
 * @param trailingComment a {@code //} comment after the property on the same line, or {@code null}
 */
public record ConfigProperty(Identifier key, Expression value, String trailingComment, Span span) implements Member {}
