package dev.refract.raw;

import dev.refract.error.InvalidQueryException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Converts a value of the closed scalar set into the type of a record component, only where no
 * information is lost:
 * <ul>
 *   <li>a value the type already holds, and boxing into primitives ({@code null} into a primitive is
 *       an error);</li>
 *   <li>whole numbers into wider ones and into {@code float}, {@code double} and
 *       {@code BigDecimal} (Java's widening); into narrower ones, and a {@code BigDecimal} into a whole
 *       number, only when the value fits exactly — so {@code count(*)}, a {@code bigint}, fills an
 *       {@code int};</li>
 *   <li>{@code float} into {@code double}, and any floating number into {@code BigDecimal};</li>
 *   <li>an {@code Instant} into {@code OffsetDateTime} and {@code LocalDateTime} at UTC, and into
 *       {@code LocalDate} when it is midnight UTC (what a {@code date} column reads as); an
 *       {@code OffsetDateTime} into {@code Instant};</li>
 *   <li>a {@code String} into a Java enum by constant name, into {@code UUID}, and a one-character
 *       one into {@code char}.</li>
 * </ul>
 * Anything else, such as a {@code BigDecimal} average into a {@code double}, is an error saying to
 * cast in the SQL or change the component's type.
 */
final class ValueConversions {

    private ValueConversions() {}

    /**
     * {@code value} as {@code target}.
     *
     * @param what      describes the column and component, for error messages
     * @param component the component's name, for the error's fields
     * @throws InvalidQueryException when the value does not convert without loss
     */
    static Object convert(Object value, Class<?> target, Supplier<String> what, String component) {
        if (value == null) {
            if (target.isPrimitive()) {
                throw failure(component, "Cannot read a null from " + what.get() + ", whose type " + target.getName()
                        + " has no null: declare the component as " + boxed(target).getSimpleName()
                        + ", or filter or coalesce the nulls in the SQL");
            }
            return null;
        }
        Class<?> boxed = boxed(target);
        if (boxed.isInstance(value)) {
            return value;
        }
        Object converted = value instanceof Number number ? number(number, boxed)
                : value instanceof Instant instant ? instant(instant, boxed)
                : value instanceof OffsetDateTime offset && boxed == Instant.class ? offset.toInstant()
                : value instanceof String text ? text(text, boxed)
                : null;
        if (converted == null) {
            throw failure(component, "Cannot read " + what.get() + ": the column holds " + describe(value)
                    + " that does not convert to " + target.getName() + " without loss (a whole number must fit,"
                    + " a string must name an enum constant or be a UUID); cast it in the SQL (e.g. ::float8 for a"
                    + " double) or change the component's type");
        }
        return converted;
    }

    private static Object number(Number number, Class<?> target) {
        boolean whole = number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger;
        try {
            if (target == BigDecimal.class) {
                return whole ? new BigDecimal(number.toString()) : BigDecimal.valueOf(number.doubleValue());
            }
            BigDecimal exact = number instanceof BigDecimal decimal ? decimal
                    : whole ? new BigDecimal(number.toString()) : null;
            if (target == Double.class && (whole || number instanceof Float)) {
                return number.doubleValue();
            }
            if (target == Float.class && whole) {
                return number.floatValue();
            }
            if (exact == null) {
                return null;
            }
            if (target == Long.class) {
                return exact.longValueExact();
            }
            if (target == Integer.class) {
                return exact.intValueExact();
            }
            if (target == Short.class) {
                return exact.shortValueExact();
            }
            if (target == Byte.class) {
                return exact.byteValueExact();
            }
            if (target == BigInteger.class) {
                return exact.toBigIntegerExact();
            }
        } catch (ArithmeticException doesNotFit) {
            return null;
        }
        return null;
    }

    private static Object instant(Instant instant, Class<?> target) {
        if (target == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (target == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (target == LocalDate.class) {
            LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate() : null;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object text(String text, Class<?> target) {
        if (target.isEnum()) {
            for (Object constant : target.getEnumConstants()) {
                if (((Enum) constant).name().equals(text)) {
                    return constant;
                }
            }
            return null;
        }
        if (target == UUID.class) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException notUuid) {
                return null;
            }
        }
        if (target == Character.class && text.length() == 1) {
            return text.charAt(0);
        }
        return null;
    }

    /** The value's kind, never the value: a row may hold personal data, and errors end up in logs. */
    private static String describe(Object value) {
        return "a " + value.getClass().getName();
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }

    private static InvalidQueryException failure(String component, String message) {
        return new InvalidQueryException(null, List.of(component), message);
    }
}
