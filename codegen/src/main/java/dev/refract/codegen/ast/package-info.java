/**
 * The syntax tree of a schema file, as written: blocks, fields, attributes and expressions with
 * their source spans, comments and blank lines kept so that the formatter can reproduce the file.
 * Names are not resolved here; see {@code dev.refract.codegen.definition} for the resolved form.
 */
package dev.refract.codegen.ast;
