/**
 * Turns the text of a schema file into its syntax tree ({@code dev.refract.codegen.ast}): a lexer
 * that yields tokens with spans, and a recursive-descent parser that recovers from errors line by
 * line so that every syntax error of a file is reported at once. The entry point is
 * {@link dev.refract.codegen.parse.SchemaParser#parse(dev.refract.codegen.source.SourceFile)}.
 *
 * <p>The grammar, line breaks being significant ({@code NL}) and spaces, tabs and carriage returns
 * not:
 *
 * <pre>
 * schema     = { block | comment | NL }
 * block      = ( "datasource" | "generator" ) NAME "{" { property | comment | NL } "}"
 *            | ( "model" | "type" ) NAME "{" { field | blockAttr | comment | NL } "}"
 *            | "enum" NAME "{" { value | blockAttr | comment | NL } "}"
 * property   = NAME "=" expression                  (several may share a line)
 * field      = NAME fieldType { attribute } [ comment ] NL
 * fieldType  = ( NAME | "Unsupported" "(" STRING ")" ) [ "?" | "[" "]" ]
 * value      = NAME { attribute } [ comment ] NL
 * attribute  = "@" NAME [ arguments ]               (NAME may be dotted: db.VarChar)
 * blockAttr  = "@@" NAME [ arguments ] [ comment ] NL
 * arguments  = "(" [ argument { "," argument } [ "," ] ] ")"
 * argument   = [ NAME ":" ] expression
 * expression = STRING | NUMBER | "true" | "false" | NAME | NAME arguments
 *            | "[" [ expression { "," expression } [ "," ] ] "]"
 * comment    = "//" text | "///" text               ("///" above a block, field or value documents it)
 * </pre>
 *
 * <p>Lists and argument lists close on the line they open. Strings take the escapes
 * {@code \" \\ \n \t \r} and <code>&#92;uXXXX</code>; numbers are {@code -?digits(.digits)?([eE][+-]?digits)?}.
 */
package dev.refract.codegen.parse;
