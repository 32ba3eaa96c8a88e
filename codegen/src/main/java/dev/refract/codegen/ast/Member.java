package dev.refract.codegen.ast;

/**
 * Something inside the braces of a block: a field, a block attribute, a config property, an enum
 * value, a comment line or a blank line.
 */
public sealed interface Member permits Field, Attribute, ConfigProperty, EnumValue, CommentLine, BlankLine {}
