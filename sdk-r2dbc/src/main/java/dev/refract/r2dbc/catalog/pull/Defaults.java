package dev.refract.r2dbc.catalog.pull;

import dev.refract.r2dbc.catalog.Catalog.Column;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A column's default as the schema writes it: {@code autoincrement()} for identity, serial and
 * {@code AUTO_INCREMENT} columns, {@code now()} for the current timestamp, a literal where the
 * column's schema type takes one, and {@code dbgenerated("…")} with the database's own expression
 * for anything else.
 */
final class Defaults {

    private static final Set<String> NUMBERS = Set.of("Int", "BigInt", "Float", "Decimal");

    private Defaults() {
    }

    /**
     * The {@code @default(…)} attribute of {@code column}, or {@code null} when it has no default.
     *
     * @param enumValues for an enum column, its value names by database label; otherwise {@code null}
     */
    static String attribute(Column column, PulledType type, Map<String, String> enumValues) {
        String value = value(column, type, enumValues);
        return value == null ? null : "@default(" + value + ")";
    }

    private static String value(Column column, PulledType type, Map<String, String> enumValues) {
        String expression = column.defaultExpression();
        if (column.autoincrement() || expression != null && expression.startsWith("nextval(")
                && (type.is("Int") || type.is("BigInt"))) {
            return "autoincrement()";
        }
        if (expression == null) {
            return null;
        }
        String lower = expression.toLowerCase(Locale.ROOT);
        if (type.is("DateTime") && (lower.matches("current_timestamp(\\(\\d\\))?") || lower.matches("now\\(\\d?\\)"))) {
            return "now()";
        }
        String literal = stringLiteral(expression);
        if (literal != null && enumValues != null && enumValues.containsKey(literal)) {
            return enumValues.get(literal);
        }
        if (literal != null && type.is("String")) {
            return SchemaNames.quoted(literal);
        }
        if (NUMBERS.contains(type.name()) && expression.matches("-?\\d+(\\.\\d+)?")) {
            return expression;
        }
        if (type.is("Boolean") && (lower.equals("true") || lower.equals("1"))) {
            return "true";
        }
        if (type.is("Boolean") && (lower.equals("false") || lower.equals("0"))) {
            return "false";
        }
        return "dbgenerated(" + SchemaNames.quoted(expression) + ")";
    }

    /** The value of {@code expression} when it is one SQL string literal, else {@code null}. */
    private static String stringLiteral(String expression) {
        if (expression.length() < 2 || !expression.startsWith("'") || !expression.endsWith("'")) {
            return null;
        }
        String inner = expression.substring(1, expression.length() - 1);
        if (inner.replace("''", "").contains("'")) {
            return null;
        }
        return inner.replace("''", "'");
    }
}
