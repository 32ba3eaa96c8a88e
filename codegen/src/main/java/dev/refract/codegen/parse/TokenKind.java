package dev.refract.codegen.parse;

/** The kinds of token of the schema language. */
enum TokenKind {
    /** A name, dotted names kept whole ({@code db.VarChar}). */
    IDENTIFIER,
    /** A quoted string; the token's value has its escapes resolved. */
    STRING,
    /** An integer or decimal number, possibly negative, possibly with an exponent. */
    NUMBER,
    LEFT_BRACE,
    RIGHT_BRACE,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_BRACKET,
    RIGHT_BRACKET,
    EQUALS,
    COLON,
    COMMA,
    QUESTION,
    /** {@code @}, before a field attribute. */
    AT,
    /** {@code @@}, before a block attribute. */
    AT_AT,
    /** {@code // text}; the value is the text after the slashes and one space. */
    COMMENT,
    /** {@code /// text}; the value is the text after the slashes and one space. */
    DOC_COMMENT,
    /** A line break; lines are significant in the schema language. */
    NEWLINE,
    /** The end of the text; always the last token. */
    END_OF_FILE
}
