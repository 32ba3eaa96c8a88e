package dev.refract.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * How a transaction runs. Start from {@link #defaults()} and change what differs:
 * <pre>{@code
 * TransactionOptions.defaults().isolation(IsolationLevel.SERIALIZABLE).timeout(Duration.ofSeconds(10))
 * }</pre>
 *
 * @param isolation  the isolation level, or {@code null} for the database's default (READ COMMITTED on
 *                   PostgreSQL and REPEATABLE READ on MySQL)
 * @param timeout    how long the transaction may run, counted from its start; when it runs out, the
 *                   transaction is rolled back and signals
 *                   {@link dev.refract.error.TransactionTimeoutException}
 * @param maxWait    how long to wait for a connection of the datasource's pool before the transaction
 *                   starts; when it runs out, the transaction signals
 *                   {@link dev.refract.error.ConnectionAcquireTimeoutException}
 * @param datasource the datasource the transaction belongs to, or {@code null} to take the schema's only
 *                   relational datasource, or else the datasource of the transaction's first operation
 */
public record TransactionOptions(IsolationLevel isolation, Duration timeout, Duration maxWait, String datasource) {

    /** How long a transaction may run unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** How long a transaction waits for a connection unless told otherwise. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(2);

    private static final TransactionOptions DEFAULTS = new TransactionOptions(null, DEFAULT_TIMEOUT,
            DEFAULT_MAX_WAIT, null);

    /**
     * @throws IllegalArgumentException when {@code timeout} or {@code maxWait} is not positive, or
     *                                  {@code datasource} is blank
     */
    public TransactionOptions {
        requirePositive(timeout, "timeout");
        requirePositive(maxWait, "maxWait");
        if (datasource != null && datasource.isBlank()) {
            throw new IllegalArgumentException("The datasource of a transaction is blank: name a datasource of the"
                    + " schema, or leave it unset");
        }
    }

    /** The database's isolation level, a timeout of 5 s, a wait for a connection of 2 s, no datasource named. */
    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    /** These options with {@code level}; {@code null} for the database's default. */
    public TransactionOptions isolation(IsolationLevel level) {
        return new TransactionOptions(level, timeout, maxWait, datasource);
    }

    /** These options with a timeout of {@code limit}. */
    public TransactionOptions timeout(Duration limit) {
        return new TransactionOptions(isolation, limit, maxWait, datasource);
    }

    /** These options with a wait for a connection of at most {@code limit}. */
    public TransactionOptions maxWait(Duration limit) {
        return new TransactionOptions(isolation, timeout, limit, datasource);
    }

    /** These options bound to the datasource called {@code name} in the schema. */
    public TransactionOptions datasource(String name) {
        return new TransactionOptions(isolation, timeout, maxWait, Objects.requireNonNull(name, "name"));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The " + name + " of a transaction must be positive, was " + duration);
        }
    }
}
