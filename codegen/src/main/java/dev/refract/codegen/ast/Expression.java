package dev.refract.codegen.ast;

import dev.refract.codegen.source.Span;
import java.util.List;

/** A value in a property or an argument. */
public sealed interface Expression {

    /** Where it was written. */
    Span span();

    /** A quoted string, with escapes resolved. */
    record StringLiteral(String value, Span span) implements Expression {}

    /** A number as written ({@code 20}, {@code -1.5}, {@code 1e3}). */
    record NumberLiteral(String text, Span span) implements Expression {}

    /** {@code true} or {@code false}. */
    record BooleanLiteral(boolean value, Span span) implements Expression {}

    /**
     * A bare name: an enum value, a field name, a referential action, a datasource name
     * ({@code cache} in {@code @@cache(cache, ttl: 60)}).
     */
    record ConstantRef(String name, Span span) implements Expression {}

    /** {@code name(args)}, e.g. {@code env("DATABASE_URL")}, {@code uuid(7)}, {@code now()}. */
    record FunctionCall(String name, List<Argument> arguments, Span span) implements Expression {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code [a, b, c]}. */
    record ArrayLiteral(List<Expression> elements, Span span) implements Expression {
        public ArrayLiteral {
            elements = List.copyOf(elements);
        }
    }
}
