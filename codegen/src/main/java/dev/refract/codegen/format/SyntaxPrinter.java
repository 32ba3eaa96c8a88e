package dev.refract.codegen.format;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.CommentLine;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.TypeRef;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the small pieces of syntax back as text in their canonical spelling: expressions,
 * attributes, field types and comments.
 */
final class SyntaxPrinter {

    private final SourceFile file;

    /** A printer for a tree parsed from {@code file}, or built by hand when it is {@code null}. */
    SyntaxPrinter(SourceFile file) {
        this.file = file;
    }

    /** {@code String?}, {@code Post[]}, {@code Unsupported("circle")?}. */
    String type(TypeRef type) {
        String base = type.isUnsupported()
                ? type.name().name() + "(" + quote(type.unsupported()) + ")"
                : type.name().name();
        return base + type.arity().suffix();
    }

    /** {@code @id}, {@code @default(now())}, {@code @@index([a, b], map: "i")}. */
    String attribute(Attribute attribute) {
        StringBuilder out = new StringBuilder(attribute.displayName());
        if (attribute.hasParentheses() || !attribute.arguments().isEmpty()) {
            out.append('(');
            appendArguments(out, attribute.arguments());
            out.append(')');
        }
        return out.toString();
    }

    /** The attributes separated by single spaces, in the order written. */
    String attributes(List<Attribute> attributes) {
        List<String> parts = new ArrayList<>(attributes.size());
        for (Attribute attribute : attributes) {
            parts.add(attribute(attribute));
        }
        return String.join(" ", parts);
    }

    /** An expression as it should be written in a schema. */
    String expression(Expression expression) {
        StringBuilder out = new StringBuilder();
        appendExpression(out, expression);
        return out.toString();
    }

    private void appendExpression(StringBuilder out, Expression expression) {
        // Java 17 has no pattern matching for switch, hence the chain.
        if (expression instanceof Expression.StringLiteral string) {
            out.append(stringAsWritten(string));
        } else if (expression instanceof Expression.NumberLiteral number) {
            out.append(number.text());
        } else if (expression instanceof Expression.BooleanLiteral bool) {
            out.append(bool.value());
        } else if (expression instanceof Expression.ConstantRef constant) {
            out.append(constant.name());
        } else if (expression instanceof Expression.FunctionCall call) {
            out.append(call.name()).append('(');
            appendArguments(out, call.arguments());
            out.append(')');
        } else if (expression instanceof Expression.ArrayLiteral array) {
            out.append('[');
            for (int i = 0; i < array.elements().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendExpression(out, array.elements().get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("unknown expression " + expression);
        }
    }

    private void appendArguments(StringBuilder out, List<Argument> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Argument argument = arguments.get(i);
            if (argument.name() != null) {
                out.append(argument.name().name()).append(": ");
            }
            appendExpression(out, argument.value());
        }
    }

    /**
     * A string as the author wrote it, escapes included ({@code "caf\\u00e9"} stays so), when the
     * source is at hand; else its value quoted.
     */
    private String stringAsWritten(Expression.StringLiteral string) {
        Span span = string.span();
        if (file != null && span.end() <= file.text().length() && span.length() >= 2) {
            String written = file.text().substring(span.start(), span.end());
            if (written.startsWith("\"") && written.endsWith("\"") && written.indexOf('\n') < 0) {
                return written;
            }
        }
        return quote(string.value());
    }

    /** A string literal with quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * A comment line. Its text excludes the slashes and one space, except for a {@code ///} line
     * that documents nothing, whose text keeps the third slash; the source tells the two apart
     * where the text alone cannot ({@code // /x} and {@code ///x} both have the text {@code /x}).
     */
    String comment(CommentLine comment) {
        String text = comment.text();
        if (text.startsWith("/") && !isSlashes(comment.span(), 3)) {
            return "// " + text;
        }
        return comment(text);
    }

    /** A comment from its text, as the parser gives it for comment lines and trailing comments. */
    static String comment(String text) {
        if (text.isEmpty()) {
            return "//";
        }
        // A text that starts with a slash is an undocumenting "///" line: keep it that way.
        return text.startsWith("/") ? "//" + text : "// " + text;
    }

    /** A trailing comment, or {@code null} when there is none. */
    static String trailingComment(String text) {
        return text == null ? null : comment(text.strip());
    }

    private boolean isSlashes(Span span, int count) {
        String source = file == null ? "" : file.text();
        if (span.end() > source.length() || span.length() < count) {
            // A tree built without source: trust the text.
            return true;
        }
        return source.startsWith("/".repeat(count), span.start());
    }

    /** The {@code ///} lines of a documentation comment, one per line of {@code doc}. */
    static List<String> docLines(String doc) {
        if (doc == null || doc.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : doc.split("\n", -1)) {
            lines.add(line.isEmpty() ? "///" : "/// " + line);
        }
        return lines;
    }
}
