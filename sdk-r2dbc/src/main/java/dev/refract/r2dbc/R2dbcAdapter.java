package dev.refract.r2dbc;

import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.ConnectionFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.StatementTimeoutException;
import dev.refract.error.TransactionTimeoutException;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.error.ErrorTranslator;
import dev.refract.r2dbc.execute.RawStatementExecutor;
import dev.refract.r2dbc.execute.StatementExecutor;
import dev.refract.r2dbc.log.QueryLog;
import dev.refract.r2dbc.pool.DatasourcePool;
import dev.refract.r2dbc.pool.PoolSettings;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.r2dbc.sql.SqlPlan;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.PoolUsage;
import dev.refract.spi.RawStatement;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.spi.WriteOutcomes;
import dev.refract.transaction.IsolationLevel;
import dev.refract.transaction.TransactionOptions;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The adapter of one PostgreSQL, MySQL or MariaDB datasource ({@link R2dbcDatabase}): renders each
 * operation to a statement (or, where the dialect needs several, a {@link SqlPlan} run on one
 * connection in one transaction), runs it on a connection of the datasource's own pool (started on
 * first use) and translates errors into the typed family. On MySQL the server is asked which one it
 * is once, on first use, and the SQL written for it. Streams fetch {@link AdapterOptions#fetchSize()}
 * rows at a time as the subscriber requests; cancelling one gives its connection back to the pool.
 *
 * <p>Faults fail only the calls they touch, each with a typed error that says whether the call may be
 * made again ({@link dev.refract.error.RefractException#retrySafe()}):
 * <ul>
 *   <li>a connection lost under a statement (the server restarted, killed the backend, the network
 *       reset it) fails that statement with {@link ConnectionFailedException}, retry-safe for a read and
 *       for a statement of a transaction (which the server rolls back), not for a write on its own,
 *       which may have been applied; no connection had at all is always retry-safe;</li>
 *   <li>with a {@code statementTimeout} in the datasource's URL, a statement (for a stream, its first
 *       row) that gets no answer in that time fails with {@link StatementTimeoutException}, as does a
 *       commit or rollback; a transaction's end is otherwise bounded by the acquire timeout;</li>
 *   <li>a connection that failed either way is discarded, not reused; the pool drops it and opens
 *       another for the next call, so service returns with the server without a restart.</li>
 * </ul>
 */
public final class R2dbcAdapter implements Adapter {

    private static final Capabilities MYSQL_CAPABILITIES = new Capabilities(true, true, true, true, true, false,
            true, true);

    private final AdapterConfig config;
    private final R2dbcDatabase database;
    /** The renderer once known: from the start, or after the server has said which it is. */
    private final AtomicReference<StatementRenderer> renderer;
    private final AdapterOptions options;
    private final DatasourcePool pool;
    private final StatementExecutor executor;
    private final ErrorTranslator errors;
    private final QueryLog log;
    private final RawStatementExecutor raw;
    private final ConnectionExecutor onPool;

    /** An adapter with the default options, rendering with its database's own renderer. */
    public R2dbcAdapter(AdapterConfig config) {
        this(config, AdapterOptions.defaults());
    }

    /**
     * An adapter for {@code config}'s datasource rendering with its database's own renderer; it opens
     * no connection yet.
     *
     * @throws IllegalArgumentException when the URL is not an R2DBC URL (the message hides its password),
     *                                  or the datasource's provider is not served
     */
    public R2dbcAdapter(AdapterConfig config, AdapterOptions options) {
        this(config, null, options);
    }

    /** An adapter with the default options, rendering with {@code renderer}. */
    public R2dbcAdapter(AdapterConfig config, StatementRenderer renderer) {
        this(config, Objects.requireNonNull(renderer, "renderer"), AdapterOptions.defaults());
    }

    /**
     * An adapter for {@code config}'s datasource; it opens no connection yet.
     *
     * @param renderer what renders operations, or {@code null} for the database's own renderer
     * @throws IllegalArgumentException when the URL is not an R2DBC URL (the message hides its password),
     *                                  or the datasource's provider is not served
     */
    public R2dbcAdapter(AdapterConfig config, StatementRenderer renderer, AdapterOptions options) {
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
        this.database = R2dbcDatabase.of(config.datasource().provider());
        this.renderer = new AtomicReference<>(renderer != null ? renderer : database.fixedRenderer(config.schema()));
        String datasource = config.datasource().name();
        this.pool = new DatasourcePool(datasource, config.url(), PoolSettings.of(config.pool()), database::complete);
        CodecRegistry codecs = options.codecs() != null ? options.codecs() : database.codecs();
        this.executor = new StatementExecutor(config.schema(), codecs);
        this.errors = new ErrorTranslator(config.schema(), datasource);
        this.log = new QueryLog(datasource, options.showParameters());
        this.raw = new RawStatementExecutor(config.schema(), codecs, database.placeholders(), errors, log);
        this.onPool = new ConnectionExecutor(new PooledConnections());
    }

    /** The database this adapter's datasource is. */
    public R2dbcDatabase database() {
        return database;
    }

    @Override
    public Mono<Result> execute(Operation operation) {
        return onPool.execute(operation);
    }

    @Override
    public Flux<Row> stream(Operation operation) {
        return onPool.stream(operation);
    }

    /**
     * Runs SQL written by the user, with {@code $1, $2, …} placeholders on PostgreSQL and {@code ?} on
     * MySQL; rows stream as {@link #stream}'s do.
     */
    @Override
    public Flux<Row> queryRaw(RawStatement statement) {
        return onPool.queryRaw(statement);
    }

    @Override
    public Mono<Long> executeRaw(RawStatement statement) {
        return onPool.executeRaw(statement);
    }

    /**
     * Runs {@code work} on one connection of the pool, taken on subscription and given back when the
     * work ends, fails or is cancelled; its statements run without a transaction of their own.
     */
    @Override
    public <T> Flux<T> onOneConnection(Function<Executor, ? extends Publisher<T>> work) {
        return onPool.onOneConnection(work);
    }

    /**
     * Runs {@code work} on one connection inside {@code BEGIN … COMMIT}; rolls back when the work
     * signals an error or its subscriber cancels, and gives the connection back either way.
     *
     * <ul>
     *   <li>{@code BEGIN} states the options' isolation level, when they give one.</li>
     *   <li>A connection not acquired within {@code maxWait} signals
     *       {@link ConnectionAcquireTimeoutException}; the work never runs.</li>
     *   <li>A connection lost before or during {@code BEGIN}, or a {@code BEGIN} without an answer
     *       within the statement timeout, fails with a retry-safe error; the work never runs.</li>
     *   <li>A connection lost under the work fails it with a {@link ConnectionFailedException} that is
     *       retry-safe (the server rolls back the transaction of a connection that ends), and the
     *       connection is discarded without a rollback; one lost under the commit is not retry-safe,
     *       as the commit may have been applied.</li>
     *   <li>Work still running {@code timeout} after {@code BEGIN} is cancelled and rolled back, and the
     *       flux signals {@link TransactionTimeoutException}. A statement then under way finishes on the
     *       server before the rollback runs, so the error comes once the rollback is done.</li>
     * </ul>
     */
    @Override
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(work, "work");
        String datasource = config.datasource().name();
        Mono<Connection> acquired = acquire().timeout(options.maxWait(), Mono.error(() ->
                ConnectionAcquireTimeoutException.transactionWait(datasource, options.maxWait(), pool.settings().size())));
        Mono<Connection> begun = acquired.flatMap(connection -> bounded(Mono.from(begin(connection,
                        options.isolation())), null, true)
                // nothing of the work has run: whatever broke BEGIN, running the transaction again is safe
                .onErrorResume(e -> release(connection, e)
                        .then(Mono.error(() -> retrySafe(errors.translate(e, null)))))
                // cancelled while BEGIN is under way: the connection is nobody's, so give it back
                .doOnCancel(() -> Mono.from(connection.close()).subscribe(null, e -> { }))
                .thenReturn(connection));
        Mono<T> expired = Mono.delay(options.timeout())
                .then(Mono.error(() -> new TransactionTimeoutException(datasource, options.timeout())));
        return Flux.<T, OneConnection>usingWhen(begun.map(connection -> new OneConnection(connection, true)),
                        scope -> Flux.<T>from(work.apply(new ConnectionExecutor(scope))).takeUntilOther(expired),
                        scope -> scope.end(scope.connection.commitTransaction(), true),
                        (scope, error) -> broken(error) ? scope.discard()
                                : scope.end(scope.connection.rollbackTransaction(), false),
                        scope -> scope.end(scope.connection.rollbackTransaction(), false))
                .onErrorMap(error -> errors.translate(error, null));
    }

    /** {@code BEGIN}, stating {@code isolation} unless it is {@code null}. */
    private static Publisher<Void> begin(Connection connection, IsolationLevel isolation) {
        if (isolation == null) {
            return connection.beginTransaction();
        }
        return connection.beginTransaction(switch (isolation) {
            case READ_UNCOMMITTED -> io.r2dbc.spi.IsolationLevel.READ_UNCOMMITTED;
            case READ_COMMITTED -> io.r2dbc.spi.IsolationLevel.READ_COMMITTED;
            case REPEATABLE_READ -> io.r2dbc.spi.IsolationLevel.REPEATABLE_READ;
            case SERIALIZABLE -> io.r2dbc.spi.IsolationLevel.SERIALIZABLE;
        });
    }

    /**
     * Every ability, but scalar lists on MySQL, which stores none (a schema cannot declare them there).
     * The MySQL dialect writes what else MySQL lacks (e.g. nulls ordering) another way.
     */
    @Override
    public Capabilities capabilities() {
        return config.datasource().provider() == Provider.MYSQL ? MYSQL_CAPABILITIES : Capabilities.ALL;
    }

    /** Disposes the pool; later calls fail with {@link dev.refract.error.ClientClosedException}. */
    @Override
    public Mono<Void> close() {
        return pool.close();
    }

    /**
     * Takes a connection from the pool, has the server answer a round trip on it
     * ({@link ValidationDepth#REMOTE}) and gives it back at once, also when the caller cancels.
     */
    @Override
    public Mono<Void> ping() {
        String datasource = config.datasource().name();
        return Mono.usingWhen(pool.acquire(),
                connection -> Mono.from(connection.validate(ValidationDepth.REMOTE))
                        .flatMap(valid -> valid ? Mono.<Void>empty() : Mono.error(new ConnectionFailedException(
                                datasource, "The database of datasource '" + datasource + "' did not answer a"
                                        + " validation round trip: check that the server is up", null))),
                Connection::close, (connection, error) -> connection.close(), Connection::close)
                .onErrorMap(error -> errors.translate(error, null));
    }

    /** The pool's acquired, idle and pending connections and its most; zeros but the most before it starts. */
    @Override
    public Optional<PoolUsage> poolUsage() {
        PoolStatistics statistics = pool.statistics();
        return Optional.of(new PoolUsage(statistics.acquired(), statistics.idle(), statistics.pending(),
                statistics.maxSize()));
    }

    /** The pool's current metrics, for monitoring and leak checks. */
    public PoolStatistics poolStatistics() {
        return pool.statistics();
    }

    /** The effective pool settings. */
    public PoolSettings poolSettings() {
        return pool.settings();
    }

    /**
     * A connection of the pool; a failure to get one is translated, and retry-safe, as nothing of the
     * call has reached the database.
     */
    private Mono<Connection> acquire() {
        return pool.acquire().onErrorMap(error -> retrySafe(errors.translate(error, null)));
    }

    /** {@code error}, said to be retry-safe when it is a lost connection. */
    private static RefractException retrySafe(RefractException error) {
        return error instanceof ConnectionFailedException failed ? failed.asRetrySafe() : error;
    }

    /**
     * True when {@code error} leaves its connection unusable or in an unknown state (lost, or stalled
     * past the statement timeout), so that it must be discarded rather than reused.
     */
    private boolean broken(Throwable error) {
        RefractException translated = errors.translate(error, null);
        return translated instanceof ConnectionFailedException || translated instanceof StatementTimeoutException;
    }

    /** Gives {@code connection} back after {@code error}: discarded when the error broke it. */
    private Mono<Void> release(Connection connection, Throwable error) {
        return broken(error) ? pool.discard(connection) : Mono.from(connection.close());
    }

    /**
     * {@code statement} bounded by the datasource's statement timeout, if it has one; past it, a
     * {@link StatementTimeoutException}, retry-safe when {@code retrySafe}.
     */
    private <T> Mono<T> bounded(Mono<T> statement, String model, boolean retrySafe) {
        Duration timeout = pool.statementTimeout().orElse(null);
        return timeout == null ? statement : statement.timeout(timeout, Mono.error(() ->
                new StatementTimeoutException(config.datasource().name(), model, timeout, retrySafe, null)));
    }

    /** {@code rows} whose first row (or end) must come within the statement timeout, if there is one. */
    private <T> Flux<T> boundedFirst(Flux<T> rows, String model) {
        Duration timeout = pool.statementTimeout().orElse(null);
        return timeout == null ? rows : rows.timeout(Mono.delay(timeout), row -> Mono.never(), Flux.error(() ->
                new StatementTimeoutException(config.datasource().name(), model, timeout, true, null)));
    }

    /** Where the connection of one statement comes from. */
    private interface ConnectionSource {
        <T> Flux<T> with(Function<Connection, Publisher<T>> work);

        /** {@link #with} for work that ends in one value, without turning it into a stream and back. */
        <T> Mono<T> withOne(Function<Connection, Mono<T>> work);

        /** True when the connection already runs a transaction, which a plan then joins. */
        boolean inTransaction();
    }

    /** A pooled connection per statement, given back on completion, error and cancel. */
    private final class PooledConnections implements ConnectionSource {
        @Override
        public <T> Flux<T> with(Function<Connection, Publisher<T>> work) {
            return Flux.usingWhen(acquire(), work, Connection::close, R2dbcAdapter.this::release, Connection::close);
        }

        @Override
        public <T> Mono<T> withOne(Function<Connection, Mono<T>> work) {
            return Mono.usingWhen(acquire(), work, Connection::close, R2dbcAdapter.this::release, Connection::close);
        }

        @Override
        public boolean inTransaction() {
            return false;
        }
    }

    /**
     * The one connection of a transaction, or of a call made of several statements
     * ({@link #onOneConnection}): every statement of the work runs on it, and none after the work
     * has ended.
     */
    private final class OneConnection implements ConnectionSource {

        private final Connection connection;
        private final boolean transaction;
        private volatile boolean ended;

        private OneConnection(Connection connection, boolean transaction) {
            this.connection = connection;
            this.transaction = transaction;
        }

        @Override
        public <T> Flux<T> with(Function<Connection, Publisher<T>> work) {
            return Flux.defer(() -> ended ? Flux.error(ended()) : work.apply(connection));
        }

        @Override
        public <T> Mono<T> withOne(Function<Connection, Mono<T>> work) {
            return Mono.defer(() -> ended ? Mono.error(ended()) : work.apply(connection));
        }

        @Override
        public boolean inTransaction() {
            return transaction;
        }

        private IllegalStateException ended() {
            return new IllegalStateException(transaction
                    ? "This transaction has ended: run the statement inside the work given to inTransaction, or on"
                            + " the adapter"
                    : "This connection went back to the pool when the work given to onOneConnection ended: run the"
                            + " statement inside that work, or on the adapter");
        }

        /** Gives the shared connection back to the pool; statements run after it fail. */
        Mono<Void> release() {
            ended = true;
            return Mono.from(connection.close());
        }

        /** Gives the shared connection back after {@code error}: discarded when the error broke it. */
        Mono<Void> release(Throwable error) {
            ended = true;
            return R2dbcAdapter.this.release(connection, error);
        }

        /**
         * Discards the connection of a transaction whose connection broke: no rollback is sent (the
         * server rolls back the transaction of a connection that ends).
         */
        Mono<Void> discard() {
            ended = true;
            return pool.discard(connection);
        }

        /**
         * Commits or rolls back, then closes; a failed commit signals its error, a failed rollback is
         * dropped, as the error that caused it matters more. A connection the failure broke is
         * discarded. The end waits no longer than the statement timeout, else the acquire timeout: a
         * commit without an answer in that time fails with a {@link StatementTimeoutException}.
         */
        Mono<Void> end(Publisher<Void> end, boolean propagate) {
            ended = true;
            Duration timeout = pool.statementTimeout().orElse(pool.settings().acquireTimeout());
            return Mono.from(end)
                    .timeout(timeout, Mono.error(() -> new StatementTimeoutException(config.datasource().name(), null,
                            timeout, false, null)))
                    .thenReturn(Boolean.TRUE)
                    .onErrorResume(e -> Mono.defer(() -> R2dbcAdapter.this.release(connection, e))
                            .then(propagate ? Mono.error(e) : Mono.just(Boolean.FALSE)))
                    // the connection goes back once: closed after a clean end, released above after a failed one
                    .flatMap(clean -> clean ? Mono.from(connection.close()) : Mono.empty());
        }
    }

    /** Runs operations on connections of one source: rendering, logging, error translation. */
    private final class ConnectionExecutor implements Executor {

        private final ConnectionSource connections;

        ConnectionExecutor(ConnectionSource connections) {
            this.connections = connections;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.defer(() -> {
                StatementRenderer known = renderer.get();
                return known != null ? execute(known, operation)
                        : connections.withOne(R2dbcAdapter.this::detectRenderer).flatMap(found -> execute(found, operation));
            });
        }

        private Mono<Result> execute(StatementRenderer renderer, Operation operation) {
            SqlPlan plan = renderer.plan(operation);
            ModelMeta model = config.schema().model(operation.model());
            boolean inTransaction = connections.inTransaction();
            // a read applies nothing, and a statement of a transaction is rolled back with it
            boolean retrySafe = !(operation instanceof Operation.Write) || inTransaction;
            Mono<Result> result = connections.withOne(connection ->
                    bounded(executor.run(connection, plan, inTransaction), model.name(), retrySafe));
            result = log.observe(result, model.name(), name(operation), logged(plan), Result::count)
                    .onErrorMap(error -> errors.translate(error, model));
            if (retrySafe) {
                result = result.onErrorMap(ConnectionFailedException.class, ConnectionFailedException::asRetrySafe);
            }
            if (operation instanceof Operation.Upsert upsert) {
                return result.map(found -> WriteOutcomes.requireUpserted(upsert, model, found));
            }
            return WriteOutcomes.mustFind(operation) ? result.map(found -> WriteOutcomes.requireFound(operation, model, found)) : result;
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.defer(() -> {
                StatementRenderer known = renderer.get();
                return known != null ? stream(known, operation)
                        : connections.withOne(R2dbcAdapter.this::detectRenderer)
                                .flatMapMany(found -> stream(found, operation));
            });
        }

        private Flux<Row> stream(StatementRenderer renderer, Operation operation) {
            SqlPlan plan = renderer.plan(operation);
            if (plan instanceof SqlPlan.Steps) {
                // a write returning records through several statements: its rows come once all have run
                return execute(renderer, operation).flatMapIterable(Result::rows);
            }
            SqlStatement statement = ((SqlPlan.Single) plan).statement();
            if (!(statement.result() instanceof ResultShape.Rows
                    || statement.result() instanceof ResultShape.Aggregated)) {
                return Flux.error(new IllegalArgumentException(name(operation)
                        + " does not return records and cannot be streamed: use execute"));
            }
            ModelMeta model = config.schema().model(operation.model());
            Flux<Row> rows = connections.with(connection ->
                    boundedFirst(executor.stream(connection, statement, options.fetchSize()), model.name()));
            return log.observe(rows, model.name(), name(operation), statement)
                    .onErrorMap(error -> errors.translate(error, model))
                    .onErrorMap(ConnectionFailedException.class, ConnectionFailedException::asRetrySafe);
        }

        @Override
        public Flux<Row> queryRaw(RawStatement statement) {
            return raw.query(statement, connections::with, options.fetchSize());
        }

        /** On a connection of the pool, one taken for the work; on the one connection already used, that one. */
        @Override
        public <T> Flux<T> onOneConnection(Function<Executor, ? extends Publisher<T>> work) {
            if (connections instanceof OneConnection) {
                return Flux.defer(() -> work.apply(this));
            }
            Mono<OneConnection> acquired = acquire().map(connection -> new OneConnection(connection, false));
            return Flux.usingWhen(acquired,
                    shared -> work.apply(new ConnectionExecutor(shared)), OneConnection::release,
                    OneConnection::release, OneConnection::release);
        }

        @Override
        public Mono<Long> executeRaw(RawStatement statement) {
            return raw.execute(statement, connections::with);
        }
    }

    /**
     * Learns the renderer from the server behind {@code connection}, once: when several operations
     * ask at the same time, the first answer is kept.
     */
    private Mono<StatementRenderer> detectRenderer(Connection connection) {
        StatementRenderer known = renderer.get();
        if (known != null) {
            return Mono.just(known);
        }
        return database.renderer(config.schema(), connection)
                .map(found -> renderer.compareAndSet(null, found) ? found : renderer.get())
                .onErrorMap(error -> errors.translate(error, null));
    }

    /** What the query log shows of {@code plan}: its statement, or the purposes of its steps. */
    private static SqlStatement logged(SqlPlan plan) {
        if (plan instanceof SqlPlan.Single single) {
            return single.statement();
        }
        SqlPlan.Steps steps = (SqlPlan.Steps) plan;
        StringJoiner purposes = new StringJoiner("; ", "-- in one transaction: ", "");
        for (SqlPlan.Step step : steps.steps()) {
            purposes.add(step instanceof SqlPlan.Run run ? run.purpose() : "check the warnings");
        }
        return new SqlStatement(purposes.toString(), List.of(), steps.result());
    }

    private static String name(Operation operation) {
        return operation.getClass().getSimpleName();
    }
}
