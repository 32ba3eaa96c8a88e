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
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;

/**
 * The r2dbc-pool {@link ConnectionPool} of one datasource. The URL is checked when the pool is
 * made, but no connection is opened before the first {@link #acquire()}; {@link #close()}
 * disposes the pool, after which {@code acquire} fails.
 */
public final class DatasourcePool {

    private final String datasource;
    private final PoolSettings settings;
    private final ConnectionFactoryOptions options;
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
     * A connection from the pool, started on the first call; the subscriber must close it. Signals
     * {@link ConnectionAcquireTimeoutException} when none becomes free within the acquire timeout
     * and {@link ClientClosedException} after {@link #close()}.
     */
    public Mono<Connection> acquire() {
        return Mono.defer(() -> Mono.from(started().create()))
                .doOnNext(connection -> acquisitions.increment())
                .onErrorMap(DatasourcePool::isTimeout, e -> new ConnectionAcquireTimeoutException(datasource,
                        settings.acquireTimeout(), settings.size(), e));
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
                .maxIdleTime(settings.maxIdleTime())
                .build();
    }

    private static boolean isTimeout(Throwable error) {
        return error instanceof R2dbcTimeoutException || error instanceof TimeoutException;
    }

    private static PoolStatistics toStatistics(PoolMetrics metrics, long acquisitions) {
        return new PoolStatistics(metrics.acquiredSize(), metrics.idleSize(), metrics.allocatedSize(),
                metrics.pendingAcquireSize(), metrics.getMaxAllocatedSize(), acquisitions);
    }
}
