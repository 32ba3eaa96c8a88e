package dev.refract.r2dbc.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's canonical spelling of column types and defaults: lower case, integer types
 * without display width ({@code int(11)} is {@code int}) except the boolean {@code tinyint(1)},
 * {@code enum('A','B')} without spaces, defaults quoted as MariaDB quotes them, booleans as
 * {@code 1}/{@code 0}, numbers in their shortest form and functions in lower case
 * ({@code current_timestamp(3)}). Both the desired catalog and the reader pass what they have
 * through here, and the canonical text is itself valid SQL.
 */
final class MySqlSpelling {

    private static final Pattern INTEGER = Pattern.compile(
            "(tinyint|smallint|mediumint|int|integer|bigint)(?:\\((\\d+)\\))?( unsigned)?(?: zerofill)?");

    private static final Pattern NUMERIC = Pattern.compile(
            "(?:tinyint|smallint|mediumint|int|bigint|decimal|float|double|year)\\b.*");

    private MySqlSpelling() {
    }

    /** {@code type} in canonical spelling. */
    static String type(String type) {
        String text = type.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("enum(") || lower.startsWith("enum (")) {
            return "enum(" + String.join(",", quotedValues(text.substring(text.indexOf('(') + 1))) + ")";
        }
        lower = lower.replaceAll("\\s+", " ").replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*,\\s*", ",")
                .replaceAll("\\s*\\)", ")");
        Matcher integer = INTEGER.matcher(lower);
        if (integer.matches()) {
            String name = integer.group(1).equals("integer") ? "int" : integer.group(1);
            boolean unsigned = integer.group(3) != null;
            if (name.equals("tinyint") && "1".equals(integer.group(2)) && !unsigned) {
                return "tinyint(1)";
            }
            return name + (unsigned ? " unsigned" : "");
        }
        return switch (lower) {
            case "boolean", "bool" -> "tinyint(1)";
            case "decimal", "numeric", "dec" -> "decimal(10,0)";
            case "char" -> "char(1)";
            case "binary" -> "binary(1)";
            case "bit" -> "bit(1)";
            case "year(4)" -> "year";
            case "double precision", "real" -> "double";
            default -> lower.startsWith("numeric(") ? "decimal" + lower.substring("numeric".length()) : lower;
        };
    }

    /** The values of an {@code enum(...)} type as written, each a quoted literal. */
    private static List<String> quotedValues(String list) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            if (list.charAt(i) != '\'') {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < list.length()) {
                if (list.charAt(end) == '\\') {
                    end += 2;
                } else if (list.charAt(end) == '\'' && end + 1 < list.length() && list.charAt(end + 1) == '\'') {
                    end += 2;
                } else if (list.charAt(end) == '\'') {
                    break;
                } else {
                    end++;
                }
            }
            values.add(list.substring(i, Math.min(end + 1, list.length())));
            i = end + 1;
        }
        return values;
    }

    /** The labels of a canonical {@code enum('A','B')} type, or {@code null} for another type. */
    static List<String> enumLabels(String type) {
        if (!type.startsWith("enum(")) {
            return null;
        }
        return quotedValues(type.substring(5)).stream()
                .map(v -> v.substring(1, v.length() - 1).replace("''", "'").replace("\\\\", "\\")).toList();
    }

    /** True for the numeric types, whose defaults are numbers. */
    static boolean numeric(String type) {
        return NUMERIC.matcher(type).matches();
    }

    /**
     * {@code expression}, the default of a column of canonical {@code type}, in canonical spelling,
     * or {@code null} for none.
     */
    static String defaultExpression(String expression, String type) {
        if (expression == null) {
            return null;
        }
        String text = expression.strip();
        if (text.equalsIgnoreCase("NULL")) {
            return null;
        }
        while (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.equalsIgnoreCase("true") ? "1" : "0";
        }
        if (numeric(type)) {
            String number = text.length() > 1 && text.startsWith("'") && text.endsWith("'")
                    ? text.substring(1, text.length() - 1) : text;
            try {
                return new BigDecimal(number).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notANumber) {
                // an expression, spelled below
            }
        }
        if (text.startsWith("'")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(quoted ? c : Character.toLowerCase(c));
        }
        return out.toString().replace("current_timestamp()", "current_timestamp").replace("now()", "current_timestamp")
                .replaceAll("\\bnow\\((\\d)\\)", "current_timestamp($1)");
    }
}
