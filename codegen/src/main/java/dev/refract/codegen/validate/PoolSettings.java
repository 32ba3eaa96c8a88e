package dev.refract.codegen.validate;

import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.definition.PoolDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pool properties of a datasource block: their names, what values they accept, and how they
 * read into a {@link PoolDefinition}. Durations are a number of seconds or a string with a unit.
 */
final class PoolSettings {

    static final String SIZE = "poolSize";
    static final String MIN_IDLE = "poolMinIdle";
    static final String ACQUIRE_TIMEOUT = "poolAcquireTimeout";
    static final String MAX_IDLE_TIME = "poolMaxIdleTime";
    static final List<String> KEYS = List.of(SIZE, MIN_IDLE, ACQUIRE_TIMEOUT, MAX_IDLE_TIME);

    static final int MAX_SIZE = 1000;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private PoolSettings() {
    }

    /**
     * What is wrong with {@code value} for the pool property {@code key}, as the end of a sentence
     * starting with the property and datasource, or empty when it is fine.
     */
    static Optional<String> problem(String key, Expression value) {
        if (key.equals(SIZE) || key.equals(MIN_IDLE)) {
            Optional<Long> number = Expressions.integer(value);
            if (number.isEmpty()) {
                return Optional.of("must be a whole number, not " + Expressions.describe(value));
            }
            long min = key.equals(SIZE) ? 1 : 0;
            if (number.get() < min || number.get() > MAX_SIZE) {
                return Optional.of("is " + number.get() + "; it must be between " + min + " and " + MAX_SIZE);
            }
            return Optional.empty();
        }
        if (Expressions.number(value).isEmpty() && Expressions.string(value).isEmpty()) {
            return Optional.of("must be a number of seconds or a string such as \"500ms\", \"30s\" or \"5m\", not "
                    + Expressions.describe(value));
        }
        Optional<Duration> duration = duration(value);
        if (duration.isEmpty()) {
            return Optional.of("is not a duration; write a number of seconds or a string such as \"500ms\", "
                    + "\"30s\" or \"5m\"");
        }
        if (key.equals(ACQUIRE_TIMEOUT) && (duration.get().isZero() || duration.get().isNegative())) {
            return Optional.of("must be longer than zero");
        }
        if (duration.get().isNegative()) {
            return Optional.of("must not be negative");
        }
        return Optional.empty();
    }

    /** A number of seconds or a string with a unit; empty when neither. */
    static Optional<Duration> duration(Expression value) {
        Optional<BigDecimal> seconds = Expressions.number(value);
        if (seconds.isPresent()) {
            BigDecimal millis = seconds.get().movePointRight(3);
            try {
                return Optional.of(Duration.ofMillis(millis.longValueExact()));
            } catch (ArithmeticException fractionOfMillisecond) {
                return Optional.empty();
            }
        }
        Optional<String> text = Expressions.string(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = DURATION.matcher(text.get().trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        return Optional.of(switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /** The pool settings written in a valid datasource block. */
    static PoolDefinition read(ConfigBlock datasource) {
        Integer size = datasource.property(SIZE).flatMap(p -> Expressions.integer(p.value())).map(Long::intValue)
                .orElse(null);
        Integer minIdle = datasource.property(MIN_IDLE).flatMap(p -> Expressions.integer(p.value()))
                .map(Long::intValue).orElse(null);
        Duration acquire = datasource.property(ACQUIRE_TIMEOUT).flatMap(p -> duration(p.value())).orElse(null);
        Duration maxIdle = datasource.property(MAX_IDLE_TIME).flatMap(p -> duration(p.value())).orElse(null);
        return new PoolDefinition(size, minIdle, acquire, maxIdle);
    }
}
