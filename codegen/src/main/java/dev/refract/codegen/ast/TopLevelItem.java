package dev.refract.codegen.ast;

/** Something at the top level of a schema file: a block, a comment line or a blank line. */
public sealed interface TopLevelItem permits Block, CommentLine, BlankLine {}
