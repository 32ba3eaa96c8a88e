package dev.refract.r2dbc.pool;

import dev.refract.error.ClientClosedException;
import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.UrlRedaction;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;

/**
 * The r2dbc-pool {@link ConnectionPool} of one datasource. The URL is checked when the pool is
 * made, but no connection is opened before the first {@link #acquire()}; {@link #close()}
 * disposes the pool, after which {@code acquire} fails.
 *
 * <p>Dead connections do not outlive a fault: the pool checks each connection as it hands it out
 * (r2dbc-pool's local validation: is it still connected?) and drops those the server closed or
 * killed, taking another; a connection its user found broken or stalled is {@link #discard discarded}
 * (its link to the server closed) so that the same check drops it. Opening a connection is bounded
 * by the acquire timeout, so a server that accepts but never answers holds no slot of the pool for
 * longer than that.
 */
public final class DatasourcePool {

    private final String datasource;
    private final PoolSettings settings;
    private final ConnectionFactoryOptions options;
    private final Duration statementTimeout;
    private final Object lock = new Object();
    private final LongAdder acquisitions = new LongAdder();
    private ConnectionPool pool;
    private boolean closed;

    /**
     * A pool for {@code datasource} at {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is not an R2DBC URL; the message names the
     *                                  datasource and does not show the URL
     */
    public DatasourcePool(String datasource, String url, PoolSettings settings) {
        this(datasource, url, settings, UnaryOperator.identity());
    }

    /**
     * A pool for {@code datasource} at {@code url}, whose parsed options {@code complete} adds
     * to (e.g. a session setting the URL does not state).
     *
     * @throws IllegalArgumentException when {@code url} is not an R2DBC URL; the message names the
     *                                  datasource and does not show the URL
     */
    public DatasourcePool(String datasource, String url, PoolSettings settings,
            UnaryOperator<ConnectionFactoryOptions> complete) {
        Objects.requireNonNull(complete, "complete");
        this.datasource = Objects.requireNonNull(datasource, "datasource");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(url, "url");
        ConnectionFactoryOptions parsed;
        try {
            parsed = ConnectionFactoryOptions.parse(url);
        } catch (RuntimeException e) {
            // a malformed URL is not shown at all: redaction relies on its form, so a password could slip through
            throw new IllegalArgumentException("The URL of datasource '" + datasource + "' is not an R2DBC URL ("
                    + UrlRedaction.redact(e.getMessage()).replace(url, "<url>") + "): write it as"
                    + " r2dbc:postgresql://user:password@host:5432/database", null);
        }
        this.options = complete.apply(parsed);
        this.statementTimeout = statementTimeout(datasource, options.getValue(ConnectionFactoryOptions.STATEMENT_TIMEOUT));
    }

    /** The datasource this pool serves. */
    public String datasource() {
        return datasource;
    }

    /** The effective settings. */
    public PoolSettings settings() {
        return settings;
    }

    /**
     * How long a statement may wait for its database's answer: the {@code statementTimeout} option of
     * the URL (ISO-8601, e.g. {@code PT5S}), empty when the URL sets none. The driver also hands it to
     * the server, which then cancels a merely slow statement itself.
     */
    public Optional<Duration> statementTimeout() {
        return Optional.ofNullable(statementTimeout);
    }

    /**
     * A connection from the pool, started on the first call; the subscriber must close it. A
     * connection found dead as it is handed out is dropped and another taken, up to the pool size
     * times. Signals {@link ConnectionAcquireTimeoutException} when none becomes free within the acquire
     * timeout and {@link ClientClosedException} after {@link #close()}.
     */
    public Mono<Connection> acquire() {
        return acquire(settings.size())
                .doOnNext(connection -> acquisitions.increment())
                .onErrorMap(DatasourcePool::isTimeout, e -> new ConnectionAcquireTimeoutException(datasource,
                        settings.acquireTimeout(), settings.size(), e));
    }

    /**
     * A connection from the pool, taking another up to {@code others} times when the pool drops one found
     * dead as it was handed out. The next attempt is assembled only when one fails, so the usual call pays
     * for no retry operator.
     */
    private Mono<Connection> acquire(int others) {
        Mono<Connection> once = Mono.defer(() -> Mono.from(started().create()));
        return others == 0 ? once : once.onErrorResume(DatasourcePool::mayTakeAnother, e -> acquire(others - 1));
    }

    /**
     * Gives back {@code connection}, a connection of this pool found broken or stalled, closing its
     * link to the server first so that the pool drops it instead of handing it out again. Completes
     * when it is back, whatever closing the link did; never waits on the server for longer than the
     * acquire timeout.
     */
    public Mono<Void> discard(Connection connection) {
        Connection physical = connection instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof Connection inner
                ? inner : connection;
        Mono<Void> cut = physical == connection ? Mono.empty() : Mono.from(physical.close())
                .timeout(settings.acquireTimeout()).onErrorResume(e -> Mono.empty());
        return cut.then(Mono.defer(() -> Mono.from(connection.close()))
                .timeout(settings.acquireTimeout()).onErrorResume(e -> Mono.empty()));
    }

    /** The current metrics; all zero before the pool started. */
    public PoolStatistics statistics() {
        ConnectionPool current;
        synchronized (lock) {
            current = pool;
        }
        long acquired = acquisitions.sum();
        if (current == null) {
            return PoolStatistics.notStarted(settings.size(), acquired);
        }
        return current.getMetrics().map(metrics -> toStatistics(metrics, acquired))
                .orElseGet(() -> PoolStatistics.notStarted(settings.size(), acquired));
    }

    /** Disposes the pool and closes its connections; idempotent. */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            ConnectionPool current;
            synchronized (lock) {
                closed = true;
                current = pool;
                pool = null;
            }
            return current == null ? Mono.empty() : current.disposeLater();
        });
    }

    private ConnectionPool started() {
        synchronized (lock) {
            if (closed) {
                throw new ClientClosedException(null);
            }
            if (pool == null) {
                pool = new ConnectionPool(configuration(ConnectionFactories.get(options)));
            }
            return pool;
        }
    }

    private ConnectionPoolConfiguration configuration(ConnectionFactory factory) {
        return ConnectionPoolConfiguration.builder(factory)
                .name("refract-" + datasource)
                .initialSize(settings.minIdle())
                .minIdle(settings.minIdle())
                .maxSize(settings.size())
                .maxAcquireTime(settings.acquireTimeout())
                .maxCreateConnectionTime(settings.acquireTimeout())
                // retried in acquire(), where a wait that timed out is not waited again
                .acquireRetry(0)
                .maxIdleTime(settings.maxIdleTime())
                .build();
    }

    /** True when a failed acquisition may be tried again: not a timeout, nor a closed pool. */
    private static boolean mayTakeAnother(Throwable error) {
        return !isTimeout(error) && !(error instanceof ClientClosedException);
    }

    /** The statement timeout an URL option gives, or {@code null}; a clear error when it is no duration. */
    private static Duration statementTimeout(String datasource, Object value) {
        if (value == null) {
            return null;
        }
        Duration timeout;
        if (value instanceof Duration duration) {
            timeout = duration;
        } else {
            String text = value.toString().trim();
            try {
                timeout = Duration.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The statementTimeout of datasource '" + datasource + "' is '"
                        + text + "', which is no duration: write it in ISO-8601, e.g. statementTimeout=PT5S for five"
                        + " seconds", null);
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The statementTimeout of datasource '" + datasource + "' must be"
                    + " positive, was " + timeout);
        }
        return timeout;
    }

    private static boolean isTimeout(Throwable error) {
        return error instanceof R2dbcTimeoutException || error instanceof TimeoutException;
    }

    private static PoolStatistics toStatistics(PoolMetrics metrics, long acquisitions) {
        return new PoolStatistics(metrics.acquiredSize(), metrics.idleSize(), metrics.allocatedSize(),
                metrics.pendingAcquireSize(), metrics.getMaxAllocatedSize(), acquisitions);
    }
}
