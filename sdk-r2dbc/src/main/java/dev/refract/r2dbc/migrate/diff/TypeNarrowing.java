package dev.refract.r2dbc.migrate.diff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a change of a column's canonical type keeps every value: a longer or unbounded text, a
 * wider integer, a decimal with at least as many digits on each side of the point. Anything else
 * may lose or refuse values, so it counts as narrowing.
 */
final class TypeNarrowing {

    private static final Pattern TEXT = Pattern.compile(
            "(character varying|varchar|character|char|text|tinytext|mediumtext|longtext)(?:\\((\\d+)\\))?");

    private static final Pattern DECIMAL = Pattern.compile("(?:numeric|decimal)\\((\\d+),(\\d+)\\)");

    private TypeNarrowing() {
    }

    /** The hazard of changing column {@code column} of {@code table} from {@code from} to {@code to}, or {@code null} when every value fits. */
    static Hazard of(String table, String column, String from, String to) {
        Integer toLength = textLength(to);
        if (toLength != null) {
            Integer fromLength = textLength(from);
            boolean fits = toLength < 0 || fromLength != null && fromLength >= 0 && fromLength <= toLength;
            return fits ? null : new Hazard.NarrowedType(table, column, from, to, toLength);
        }
        if (widerInteger(from, to) || widerDecimal(from, to)) {
            return null;
        }
        return new Hazard.NarrowedType(table, column, from, to, null);
    }

    /** The length of a text type: its bound, -1 when unbounded, {@code null} for another type. */
    private static Integer textLength(String type) {
        Matcher matcher = TEXT.matcher(type);
        if (!matcher.matches()) {
            return null;
        }
        if (matcher.group(2) != null) {
            return Integer.parseInt(matcher.group(2));
        }
        return switch (matcher.group(1)) {
            case "tinytext" -> 255;
            case "character", "char" -> 1;
            default -> -1;
        };
    }

    private static boolean widerInteger(String from, String to) {
        boolean unsigned = from.endsWith(" unsigned");
        int a = integerRank(from.replace(" unsigned", ""));
        int b = integerRank(to.replace(" unsigned", ""));
        return unsigned == to.endsWith(" unsigned") && a >= 0 && b >= a;
    }

    /** The width of an integer type, smallest first, or -1 for another type. */
    private static int integerRank(String type) {
        return switch (type) {
            case "tinyint", "tinyint(1)" -> 0;
            case "smallint" -> 1;
            case "mediumint" -> 2;
            case "int", "integer" -> 3;
            case "bigint" -> 4;
            default -> -1;
        };
    }

    private static boolean widerDecimal(String from, String to) {
        Matcher a = DECIMAL.matcher(from);
        Matcher b = DECIMAL.matcher(to);
        if (!a.matches() || !b.matches()) {
            return false;
        }
        int fromScale = Integer.parseInt(a.group(2));
        int toScale = Integer.parseInt(b.group(2));
        return toScale >= fromScale
                && Integer.parseInt(b.group(1)) - toScale >= Integer.parseInt(a.group(1)) - fromScale;
    }
}
