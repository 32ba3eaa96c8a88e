package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Expression.ArrayLiteral;
import dev.refract.codegen.ast.Expression.BooleanLiteral;
import dev.refract.codegen.ast.Expression.ConstantRef;
import dev.refract.codegen.ast.Expression.FunctionCall;
import dev.refract.codegen.ast.Expression.NumberLiteral;
import dev.refract.codegen.ast.Expression.StringLiteral;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads values out of expressions without throwing: an expression of another shape gives empty. */
final class Expressions {

    private Expressions() {
    }

    static Optional<String> string(Expression expression) {
        return expression instanceof StringLiteral s ? Optional.of(s.value()) : Optional.empty();
    }

    /** A whole number that fits a {@code long}. */
    static Optional<Long> integer(Expression expression) {
        if (expression instanceof NumberLiteral n) {
            try {
                return Optional.of(Long.parseLong(n.text()));
            } catch (NumberFormatException notWhole) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> number(Expression expression) {
        if (expression instanceof NumberLiteral n) {
            try {
                return Optional.of(new BigDecimal(n.text()));
            } catch (NumberFormatException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<Boolean> bool(Expression expression) {
        return expression instanceof BooleanLiteral b ? Optional.of(b.value()) : Optional.empty();
    }

    /** A bare name, with where it was written. */
    static Optional<Identifier> name(Expression expression) {
        return expression instanceof ConstantRef c ? Optional.of(new Identifier(c.name(), c.span())) : Optional.empty();
    }

    /** {@code [a, b]}: the names, or empty when it is not a list of bare names. */
    static Optional<List<Identifier>> names(Expression expression) {
        if (!(expression instanceof ArrayLiteral array)) {
            return Optional.empty();
        }
        List<Identifier> names = new ArrayList<>();
        for (Expression element : array.elements()) {
            if (!(element instanceof ConstantRef c)) {
                return Optional.empty();
            }
            names.add(new Identifier(c.name(), c.span()));
        }
        return Optional.of(names);
    }

    /**
     * The field names of a key: {@code [a, b]}, where an element may carry options as in
     * {@code at(sort: Desc)}; empty when it is not such a list. The options are checked by
     * {@link AttributeRules}.
     */
    static Optional<List<Identifier>> keyNames(Expression expression) {
        if (!(expression instanceof ArrayLiteral array)) {
            return Optional.empty();
        }
        List<Identifier> names = new ArrayList<>();
        for (Expression element : array.elements()) {
            if (element instanceof ConstantRef c) {
                names.add(new Identifier(c.name(), c.span()));
            } else if (element instanceof FunctionCall f && f.arguments().stream().allMatch(a -> a.name() != null)) {
                int start = f.span().start();
                names.add(new Identifier(f.name(), new Span(start, Math.min(f.span().end(), start + f.name().length()))));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    static Optional<FunctionCall> call(Expression expression) {
        return expression instanceof FunctionCall f ? Optional.of(f) : Optional.empty();
    }

    /** How the expression reads in a message, e.g. {@code a string}, {@code the function now()}. */
    static String describe(Expression expression) {
        if (expression instanceof StringLiteral) {
            return "a string";
        } else if (expression instanceof NumberLiteral n) {
            return "the number " + n.text();
        } else if (expression instanceof BooleanLiteral b) {
            return "the boolean " + b.value();
        } else if (expression instanceof ConstantRef c) {
            return "the name " + c.name();
        } else if (expression instanceof FunctionCall f) {
            return "the function " + f.name() + "()";
        } else {
            ArrayLiteral array = (ArrayLiteral) expression;
            return array.elements().stream().filter(e -> !(e instanceof ConstantRef)).findFirst()
                    .map(e -> "a list holding " + describe(e)).orElse("a list");
        }
    }
}
