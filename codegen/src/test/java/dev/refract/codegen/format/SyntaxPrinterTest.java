package dev.refract.codegen.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.CommentLine;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.TypeRef;
import dev.refract.codegen.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printer on trees built by hand, without a source to copy from. */
class SyntaxPrinterTest {

    private final SyntaxPrinter printer = new SyntaxPrinter(null);

    private static Expression string(String value) {
        return new Expression.StringLiteral(value, Span.NONE);
    }

    @Test
    void quotesStringsWithEscapesTheParserReadsBack() {
        assertThat(SyntaxPrinter.quote("say \"hi\"\\n\n\t\r\u0001é"))
                .isEqualTo("\"say \\\"hi\\\"\\\\n\\n\\t\\r\\u0001é\"");
    }

    @Test
    void printsNestedExpressionsInCanonicalSpacing() {
        Expression call = new Expression.FunctionCall("env", List.of(new Argument(null, string("URL"), Span.NONE)),
                Span.NONE);
        Expression array = new Expression.ArrayLiteral(List.of(new Expression.ConstantRef("a", Span.NONE),
                new Expression.NumberLiteral("-1.5e3", Span.NONE), new Expression.BooleanLiteral(false, Span.NONE),
                call), Span.NONE);

        assertThat(printer.expression(array)).isEqualTo("[a, -1.5e3, false, env(\"URL\")]");
    }

    @Test
    void printsAttributesWithAndWithoutParentheses() {
        Attribute bare = new Attribute("id", false, List.of(), false, null, Span.NONE);
        Attribute empty = new Attribute("ignore", true, List.of(), true, null, Span.NONE);
        Attribute named = new Attribute("db.VarChar", false, List.of(
                new Argument(new Identifier("length", Span.NONE), new Expression.NumberLiteral("20", Span.NONE),
                        Span.NONE)), false, null, Span.NONE);

        assertThat(printer.attributes(List.of(bare, empty, named))).isEqualTo("@id @@ignore() @db.VarChar(length: 20)");
    }

    @Test
    void printsTypesWithTheirArity() {
        Identifier point = new Identifier("Point", Span.NONE);
        Identifier unsupported = new Identifier("Unsupported", Span.NONE);

        assertThat(printer.type(new TypeRef(point, TypeRef.Arity.LIST, null, Span.NONE))).isEqualTo("Point[]");
        assertThat(printer.type(new TypeRef(unsupported, TypeRef.Arity.OPTIONAL, "circle", Span.NONE)))
                .isEqualTo("Unsupported(\"circle\")?");
    }

    @Test
    void printsCommentsFromTheirText() {
        assertThat(SyntaxPrinter.comment("hello")).isEqualTo("// hello");
        assertThat(SyntaxPrinter.comment("")).isEqualTo("//");
        assertThat(SyntaxPrinter.comment("/ orphan doc")).isEqualTo("/// orphan doc");
        assertThat(printer.comment(new CommentLine("x", Span.NONE))).isEqualTo("// x");
        assertThat(SyntaxPrinter.trailingComment(null)).isNull();
        assertThat(SyntaxPrinter.docLines("one\n\ntwo")).containsExactly("/// one", "///", "/// two");
    }
}
