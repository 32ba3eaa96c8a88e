package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;

/** One or more empty lines between items; kept so the formatter can keep a single one. */
public record BlankLine(Span span) implements TopLevelItem, Member {}
