package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;
import java.util.List;

/**
 * A top-level block: {@code datasource}, {@code generator}, {@code model}, {@code enum} or
 * {@code type}.
 */
public sealed interface Block extends TopLevelItem permits ConfigBlock, ModelBlock, EnumBlock {

    /** The block's name. */
    Identifier name();

    /** The {@code ///} documentation lines above the block, joined by newlines; empty when none. */
    String doc();

    /** Everything between the braces, in source order. */
    List<Member> members();

    /** From the keyword to the closing brace. */
    Span span();
}
