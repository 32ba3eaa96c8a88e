package dev.refract.redis.filter;

import dev.refract.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Equality and order of stored values as SQL has them: numbers by value whatever their Java type
 * ({@code 1} equals {@code 1.0}), text by code point, instants by time, Json by JSON value (object
 * key order aside), bytes by content and then unsigned byte order.
 */
public final class Values {

    private Values() {
    }

    /** True when {@code a} and {@code b}, neither {@code null}, are the same value. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * The order of {@code a} and {@code b}, neither {@code null}.
     *
     * @throws IllegalArgumentException when the two cannot be ordered, e.g. Json values
     */
    public static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        throw new IllegalArgumentException("Values of type " + a.getClass().getSimpleName() + " and "
                + b.getClass().getSimpleName() + " have no order");
    }

    /** {@code value} lower-cased, where it is text; anything else as it is. */
    public static Object folded(Object value) {
        return value instanceof String text ? text.toLowerCase(Locale.ROOT) : value;
    }

    /** A number as a decimal, exactly. */
    public static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof Double || number instanceof Float) {
            return new BigDecimal(Double.toString(number.doubleValue()));
        }
        return BigDecimal.valueOf(number.longValue());
    }

    /** A key for grouping and distinct: equal for {@link #same} values. */
    public static Object groupKey(Object value) {
        if (value instanceof Number number) {
            BigDecimal decimal = decimal(number);
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        if (value instanceof Json json) {
            return json.toString();
        }
        return value;
    }
}
