package dev.refract.r2dbc.catalog;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's canonical spelling of column types and defaults: types as {@code format_type} writes
 * them ({@code character varying(80)}, {@code timestamp(3) without time zone}, {@code numeric(65,30)}),
 * enum types as quoted names, and defaults without the casts {@code pg_get_expr} adds
 * ({@code 'DRAFT'::"Status"} is {@code 'DRAFT'}), with escape strings as standard strings and numbers
 * in their shortest form. Both the desired catalog and the reader pass what they have through here,
 * and the canonical text is itself valid SQL.
 */
final class PostgresSpelling {

    private static final Pattern TYPE = Pattern.compile(
            "([a-z][a-z0-9 ]*?)\\s*(?:\\(\\s*(\\d+(?:\\s*,\\s*\\d+)?)\\s*\\))?(\\s+with(?:out)?\\s+time\\s+zone)?");

    private static final Set<String> NUMERIC = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision");

    /** Words that continue a type name after a cast's first word, as in {@code ::character varying}. */
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");

    private PostgresSpelling() {
    }

    /** {@code type} in {@code format_type}'s spelling; a quoted (enum) type stays as it is. */
    static String type(String type) {
        String text = type.strip();
        int dimensions = 0;
        while (text.endsWith("[]")) {
            text = text.substring(0, text.length() - 2).strip();
            dimensions++;
        }
        String element = text.startsWith("\"") ? text : element(text);
        return element + "[]".repeat(dimensions);
    }

    private static String element(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        Matcher matcher = TYPE.matcher(lower);
        if (!matcher.matches()) {
            return lower;
        }
        String name = matcher.group(1).strip().replaceAll("\\s+", " ");
        String arguments = matcher.group(2) == null ? "" : "(" + matcher.group(2).replaceAll("\\s", "") + ")";
        boolean withZone = matcher.group(3) != null && !matcher.group(3).contains("without");
        return switch (name) {
            case "varchar", "character varying" -> "character varying" + arguments;
            case "char", "character", "bpchar" -> "character" + (arguments.isEmpty() ? "(1)" : arguments);
            case "bit" -> "bit" + (arguments.isEmpty() ? "(1)" : arguments);
            case "varbit", "bit varying" -> "bit varying" + arguments;
            case "decimal", "numeric" -> "numeric" + arguments;
            case "int", "int4", "integer" -> "integer";
            case "int2", "smallint" -> "smallint";
            case "int8", "bigint" -> "bigint";
            case "float8", "double precision" -> "double precision";
            case "float4", "real" -> "real";
            case "bool", "boolean" -> "boolean";
            case "timestamp" -> "timestamp" + arguments + (withZone ? " with time zone" : " without time zone");
            case "timestamptz" -> "timestamp" + arguments + " with time zone";
            case "time" -> "time" + arguments + (withZone ? " with time zone" : " without time zone");
            case "timetz" -> "time" + arguments + " with time zone";
            default -> name + arguments + (matcher.group(3) == null ? "" : withZone ? " with time zone"
                    : " without time zone");
        };
    }

    /**
     * {@code expression}, the default of a column of canonical {@code type}, in canonical spelling,
     * or {@code null} for none.
     */
    static String defaultExpression(String expression, String type) {
        if (expression == null) {
            return null;
        }
        String text = withoutCasts(expression.strip());
        while (text.startsWith("(") && text.endsWith(")") && enclosed(text)) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (NUMERIC.stream().anyMatch(type::startsWith)) {
            String number = text.length() > 1 && text.startsWith("'") && text.endsWith("'")
                    ? text.substring(1, text.length() - 1) : text;
            try {
                return new BigDecimal(number).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notANumber) {
                return text;
            }
        }
        return text;
    }

    /** True when the parenthesis opening {@code text} closes at its end. */
    private static boolean enclosed(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0 && i < text.length() - 1) {
                return false;
            }
        }
        return true;
    }

    /** {@code expression} without {@code ::type} casts, and with escape strings written as standard strings. */
    private static String withoutCasts(String expression) {
        StringBuilder out = new StringBuilder(expression.length());
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            boolean escape = (c == 'E' || c == 'e') && i + 1 < expression.length() && expression.charAt(i + 1) == '\''
                    && (i == 0 || !Character.isLetterOrDigit(expression.charAt(i - 1)));
            if (c == '\'' || escape) {
                i = copyString(expression, escape ? i + 1 : i, escape, out);
            } else if (c == ':' && i + 1 < expression.length() && expression.charAt(i + 1) == ':') {
                i = skipType(expression, i + 2);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the string literal opening at {@code start} as a standard string; returns the index after it. */
    private static int copyString(String text, int start, boolean escape, StringBuilder out) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (escape && c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                value.append('\'');
                i += 2;
            } else if (c == '\'') {
                i++;
                break;
            } else {
                value.append(c);
                i++;
            }
        }
        out.append('\'').append(value.toString().replace("'", "''")).append('\'');
        return i;
    }

    /** The index after the type name starting at {@code start}, as in {@code ::timestamp(3) without time zone[]}. */
    private static int skipType(String text, int start) {
        int i = skipWord(text, start);
        while (i < text.length()) {
            if (text.charAt(i) == '(') {
                int close = text.indexOf(')', i);
                i = close < 0 ? text.length() : close + 1;
            } else if (text.startsWith("[]", i)) {
                i += 2;
            } else if (text.charAt(i) == '.') {
                i = skipWord(text, i + 1);
            } else if (text.charAt(i) == ' ') {
                int end = skipWord(text, i + 1);
                if (end == i + 1 || !TYPE_WORDS.contains(text.substring(i + 1, end).toLowerCase(Locale.ROOT))) {
                    break;
                }
                i = end;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipWord(String text, int start) {
        int i = start;
        if (i < text.length() && text.charAt(i) == '"') {
            int close = text.indexOf('"', i + 1);
            while (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == '"') {
                close = text.indexOf('"', close + 2);
            }
            return close < 0 ? text.length() : close + 1;
        }
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }
}
