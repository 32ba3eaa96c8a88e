package dev.refract.codegen.format;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.TypeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the small pieces of syntax back as text in their canonical spelling: expressions,
 * attributes, field types and comments.
 */
final class SyntaxPrinter {

    private SyntaxPrinter() {}

    /** {@code String?}, {@code Post[]}, {@code Unsupported("circle")?}. */
    static String type(TypeRef type) {
        String base = type.isUnsupported()
                ? type.name().name() + "(" + quote(type.unsupported()) + ")"
                : type.name().name();
        return base + type.arity().suffix();
    }

    /** {@code @id}, {@code @default(now())}, {@code @@index([a, b], map: "i")}. */
    static String attribute(Attribute attribute) {
        StringBuilder out = new StringBuilder(attribute.displayName());
        if (attribute.hasParentheses() || !attribute.arguments().isEmpty()) {
            out.append('(');
            appendArguments(out, attribute.arguments());
            out.append(')');
        }
        return out.toString();
    }

    /** The attributes separated by single spaces, in the order written. */
    static String attributes(List<Attribute> attributes) {
        List<String> parts = new ArrayList<>(attributes.size());
        for (Attribute attribute : attributes) {
            parts.add(attribute(attribute));
        }
        return String.join(" ", parts);
    }

    /** An expression as it should be written in a schema. */
    static String expression(Expression expression) {
        StringBuilder out = new StringBuilder();
        appendExpression(out, expression);
        return out.toString();
    }

    private static void appendExpression(StringBuilder out, Expression expression) {
        // Java 17 has no pattern matching for switch, hence the chain.
        if (expression instanceof Expression.StringLiteral string) {
            out.append(quote(string.value()));
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

    private static void appendArguments(StringBuilder out, List<Argument> arguments) {
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

    /** A {@code //} comment line from its text (the text excludes the slashes and one space). */
    static String comment(String text) {
        return text.isEmpty() ? "//" : "// " + text;
    }

    /** A trailing {@code //} comment; accepts the text with or without its slashes. */
    static String trailingComment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.startsWith("//") ? stripped : comment(stripped);
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
