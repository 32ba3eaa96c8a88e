/**
 * Turns the text of a schema file into its syntax tree ({@code dev.refract.codegen.ast}): a lexer
 * that yields tokens with spans, and a recursive-descent parser that recovers from errors line by
 * line so that every syntax error of a file is reported at once. The entry point is
 * {@link dev.refract.codegen.parse.SchemaParser#parse(dev.refract.codegen.source.SourceFile)}.
 */
package dev.refract.codegen.parse;
