package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;

/**
 * A line holding only a {@code //} comment. {@code text} excludes the slashes and one leading
 * space (so {@code // hello} has text {@code hello}).
 */
public record CommentLine(String text, Span span) implements TopLevelItem, Member {}
