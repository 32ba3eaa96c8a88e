package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;

/**
 * One argument of an attribute or function call: positional ({@code name} is {@code null}) or
 * named ({@code fields: [a, b]}).
 */
public record Argument(Identifier name, Expression value, Span span) {}
