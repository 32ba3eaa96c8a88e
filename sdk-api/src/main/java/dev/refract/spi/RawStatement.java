package dev.refract.spi;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * One SQL statement written by the caller, and the values bound to its placeholders: what
 * {@code queryRaw} and {@code executeRaw} hand an executor.
 *
 * <p>The text uses the datasource's own placeholders ({@code $1, $2, …} on PostgreSQL, {@code ?} on
 * MySQL) and goes to the database exactly as given; argument {@code i} is bound to placeholder
 * {@code i + 1}, never spliced into the text. An executor checks, before anything is sent, that the
 * text has as many placeholders as there are arguments.
 *
 * <p>Arguments are {@code null} (bound as an untyped SQL {@code NULL}) or of the closed set
 * {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code Float},
 * {@code BigDecimal}, {@code Instant}, {@code LocalDate}, {@code LocalDateTime},
 * {@code OffsetDateTime}, {@code UUID}, {@code byte[]}, {@link Json}, a Java enum (bound as its
 * name) or a {@link List} of those (bound as an array); anything else is refused when the statement
 * is made.
 *
 * @param sql       the text, exactly as the database receives it
 * @param arguments the values bound by position; may hold {@code null}s; unmodifiable
 * @param unsafe    true when made by an {@code …Unsafe} call, whose text the caller may have assembled
 *                  at run time; it runs the same way (its arguments are bound too) and is logged under
 *                  the {@code Unsafe} name, so that such calls stand out in a review or a log
 * @param model     for a read whose rows are records of a model, that model's index in the schema:
 *                  the executor then returns positional rows of the model; empty for rows as
 *                  labelled columns ({@link RawRow})
 */
public record RawStatement(String sql, List<Object> arguments, boolean unsafe, OptionalInt model) {

    /** The argument types bound as they are; enums and lists are checked apart. */
    private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Double.class, Float.class, BigDecimal.class, Instant.class, LocalDate.class, LocalDateTime.class,
            OffsetDateTime.class, UUID.class, byte[].class, Json.class);

    /**
     * @throws InvalidQueryException when an argument is of a type outside the closed set, naming its
     *         position and class
     */
    public RawStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(model, "model");
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        for (int i = 0; i < arguments.size(); i++) {
            checkArgument(i + 1, arguments.get(i), false);
        }
    }

    /**
     * A statement of {@code sql} with {@code arguments} bound to its placeholders in order.
     *
     * @throws NullPointerException when {@code arguments} itself is {@code null}; bind one
     *         {@code null} by passing {@code (Object) null}
     */
    public static RawStatement of(String sql, Object... arguments) {
        return new RawStatement(sql, argumentList(arguments), false, OptionalInt.empty());
    }

    /**
     * A statement made by an {@code …Unsafe} call: its text may have been assembled by the caller,
     * which Refract cannot check; its arguments are still bound, never spliced.
     */
    public static RawStatement unsafe(String sql, Object... arguments) {
        return new RawStatement(sql, argumentList(arguments), true, OptionalInt.empty());
    }

    /** This statement, read as records of the model at {@code modelIndex}. */
    public RawStatement readingModel(int modelIndex) {
        return new RawStatement(sql, arguments, unsafe, OptionalInt.of(modelIndex));
    }

    private static List<Object> argumentList(Object[] arguments) {
        Objects.requireNonNull(arguments, "arguments: to bind a single null, pass (Object) null");
        return Arrays.asList(arguments);
    }

    private static void checkArgument(int position, Object argument, boolean inList) {
        if (argument == null || SCALARS.contains(argument.getClass()) || argument instanceof Enum<?>) {
            return;
        }
        if (argument instanceof List<?> list && !inList) {
            for (Object element : list) {
                checkArgument(position, element, true);
            }
            return;
        }
        String what = inList ? "holds a " + argument.getClass().getName() + " in its list"
                : "is a " + argument.getClass().getName();
        throw new InvalidQueryException(null, List.of(), "Argument " + position + " of the raw statement " + what
                + ", which Refract does not bind: pass a String, Boolean, Integer, Long, Double, Float, BigDecimal,"
                + " Instant, LocalDate, LocalDateTime, OffsetDateTime, UUID, byte[], Json, a Java enum,"
                + (inList ? "" : " a List of these,") + " or null");
    }
}
