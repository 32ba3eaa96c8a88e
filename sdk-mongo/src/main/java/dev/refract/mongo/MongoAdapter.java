package dev.refract.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.refract.error.ClientClosedException;
import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.TransactionTimeoutException;
import dev.refract.error.TransactionsUnsupportedException;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.mongo.codec.ModelCodecs;
import dev.refract.mongo.codec.ScalarCodecs;
import dev.refract.mongo.error.ErrorTranslator;
import dev.refract.mongo.execute.CommandExecutor;
import dev.refract.mongo.log.QueryLog;
import dev.refract.mongo.pool.PoolGauge;
import dev.refract.mongo.render.CommandRenderer;
import dev.refract.mongo.render.MongoCommand;
import dev.refract.query.Operation;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.PoolUsage;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.spi.WriteOutcomes;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.bson.Document;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The adapter of one MongoDB datasource: renders each operation to a {@link MongoCommand}, runs it
 * on the datasource's own driver client and pool (created on the first operation, so nothing
 * connects before), and translates errors into the typed family.
 *
 * <p>The URL is a {@code mongodb://} or {@code mongodb+srv://} connection string naming the
 * database. The schema's pool settings become the driver's: {@code poolSize} its
 * {@code maxPoolSize}, {@code poolMinIdle} its {@code minPoolSize}, {@code poolAcquireTimeout} its
 * {@code maxWaitTime}, and the idle time its {@code maxConnectionIdleTime}.
 *
 * <p>Transactions run in a client session; MongoDB runs them only on a replica set or a sharded
 * cluster, so on a standalone server {@link #inTransaction} signals
 * {@link TransactionsUnsupportedException}, saying how to start a replica set.
 */
public final class MongoAdapter implements Adapter {

    /**
     * Transactions, case-insensitive matching, distinct, group-by and scalar lists; no explicit nulls
     * ordering, as MongoDB sorts missing values first ascending and last descending.
     */
    private static final Capabilities CAPABILITIES = new Capabilities(true, true, false, true, true, true, true, true);

    private final AdapterConfig config;
    private final MongoAdapterOptions options;
    private final MongoClientSettings settings;
    private final String database;
    private final CommandRenderer renderer;
    private final ModelCodecs codecs;
    private final ErrorTranslator errors;
    private final QueryLog log;
    private final PoolGauge pool;
    private final AtomicReference<Started> started = new AtomicReference<>();
    private final AtomicReference<Boolean> replicated = new AtomicReference<>();
    private volatile boolean closed;

    /** The driver client and the executor on its database, made on first use. */
    private static final Document PING = new Document("ping", 1);

    private record Started(MongoClient client, CommandExecutor executor) {}

    /**
     * An adapter for {@code config}'s datasource; it connects nowhere yet.
     *
     * @throws IllegalArgumentException when the URL is not a MongoDB connection string or names no database
     *                                  (the message names the datasource and hides the password)
     */
    public MongoAdapter(AdapterConfig config, MongoAdapterOptions options) {
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
        String name = config.datasource().name();
        ConnectionString connection = connectionString(name, config.url());
        this.database = connection.getDatabase();
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("The URL of datasource '" + name + "' (" + UrlRedaction.redact(config.url())
                    + ") names no database: add it after the hosts, e.g. mongodb://localhost:27017/app");
        }
        MongoClientSettings configured = settings(connection, config.pool(), options);
        this.pool = new PoolGauge(configured.getConnectionPoolSettings().getMaxSize());
        this.settings = MongoClientSettings.builder(configured)
                .applyToConnectionPoolSettings(poolSettings -> poolSettings.addConnectionPoolListener(pool))
                .build();
        this.codecs = new ModelCodecs(config.schema(), ScalarCodecs.standard());
        this.renderer = new CommandRenderer(codecs);
        int poolSize = settings.getConnectionPoolSettings().getMaxSize();
        Duration wait = Duration.ofMillis(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS));
        this.errors = new ErrorTranslator(name, poolSize, wait);
        this.log = new QueryLog(name, options.showParameters());
    }

    private static ConnectionString connectionString(String datasource, String url) {
        if (!url.startsWith("mongodb://") && !url.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("The URL of datasource '" + datasource + "' (" + UrlRedaction.redact(url)
                    + ") is not a MongoDB connection string: it must start with mongodb:// or mongodb+srv://");
        }
        try {
            return new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The URL of datasource '" + datasource + "' (" + UrlRedaction.redact(url)
                    + ") is not a valid MongoDB connection string: " + UrlRedaction.redact(e.getMessage()), null);
        }
    }

    /** The driver settings: the URL's, the schema's pool over them, then the options' changes. */
    static MongoClientSettings settings(ConnectionString connection, PoolMeta pool, MongoAdapterOptions options) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(connection);
        builder.applyToConnectionPoolSettings(poolSettings -> {
            if (pool.size() != null) {
                poolSettings.maxSize(pool.size());
            }
            if (pool.minIdle() != null) {
                poolSettings.minSize(pool.minIdle());
            }
            if (pool.acquireTimeout() != null) {
                poolSettings.maxWaitTime(pool.acquireTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (pool.maxIdleTime() != null) {
                poolSettings.maxConnectionIdleTime(pool.maxIdleTime().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        options.settings().accept(builder);
        return builder.build();
    }

    /** The driver settings this adapter's client is made with. */
    public MongoClientSettings settings() {
        return settings;
    }

    /** The database this adapter's datasource names. */
    public String database() {
        return database;
    }

    private Started started() {
        if (closed) {
            throw new ClientClosedException(null);
        }
        Started known = started.get();
        if (known != null) {
            return known;
        }
        MongoClient client = MongoClients.create(settings);
        Started made = new Started(client, new CommandExecutor(client.getDatabase(database), codecs, options.fetchSize()));
        if (started.compareAndSet(null, made)) {
            if (closed) {
                client.close();
            }
            return made;
        }
        client.close();
        return started.get();
    }

    @Override
    public Mono<Result> execute(Operation operation) {
        return execute(operation, null);
    }

    /** Runs the server's {@code ping} command on the datasource's database (starting the client if need be). */
    @Override
    public Mono<Void> ping() {
        return Mono.defer(() -> Mono.from(started().client().getDatabase(database).runCommand(PING))).then()
                .onErrorMap(error -> errors.translate(error, null));
    }

    @Override
    public Flux<Row> stream(Operation operation) {
        return stream(operation, null);
    }

    /**
     * The driver's connection pools, as its pool events tell: connections checked out, open ones idle
     * in a pool, check-outs waiting, and the most connections (per server, times the servers' pools).
     * All zero but the maximum before the first operation.
     */
    @Override
    public Optional<PoolUsage> poolUsage() {
        return Optional.of(pool.usage());
    }

    private Mono<Result> execute(Operation operation, ClientSession session) {
        return Mono.defer(() -> {
            ModelMeta model = config.schema().model(operation.model());
            MongoCommand command = renderer.render(operation);
            Mono<Result> result = started().executor().execute(command, model, session);
            result = log.observe(result, model.name(), name(operation), command.collection(), logged(command),
                    Result::count).onErrorMap(error -> errors.translate(error, model));
            if (operation instanceof Operation.Upsert upsert) {
                return result.map(found -> WriteOutcomes.requireUpserted(upsert, model, found));
            }
            if (WriteOutcomes.mustFind(operation)) {
                return result.map(found -> WriteOutcomes.requireFound(operation, model, found));
            }
            return result;
        }).onErrorMap(error -> errors.translate(error, config.schema().model(operation.model())));
    }

    private Flux<Row> stream(Operation operation, ClientSession session) {
        return Flux.defer(() -> {
            ModelMeta model = config.schema().model(operation.model());
            MongoCommand command = renderer.render(operation);
            if (!(command instanceof MongoCommand.Read read) || read.fanOut() != null) {
                if (command instanceof MongoCommand.Read || command instanceof MongoCommand.WithCounts) {
                    return execute(operation, session).flatMapIterable(Result::rows);
                }
                if (command instanceof MongoCommand.Aggregated || operation instanceof Operation.CreateManyAndReturn
                        || operation instanceof Operation.UpdateManyAndReturn) {
                    return execute(operation, session).flatMapIterable(Result::rows);
                }
                return Flux.error(new IllegalArgumentException(name(operation)
                        + " does not return records and cannot be streamed: use execute"));
            }
            Flux<Row> rows = started().executor().stream(read, model, session);
            return log.observe(rows, model.name(), name(operation), command.collection(), read.pipeline());
        }).onErrorMap(error -> error instanceof IllegalArgumentException ? error
                : errors.translate(error, config.schema().model(operation.model())));
    }

    private static Object logged(MongoCommand command) {
        if (command instanceof MongoCommand.WithCounts counted) {
            return logged(counted.write());
        }
        if (command instanceof MongoCommand.Read read) {
            return read.pipeline();
        }
        if (command instanceof MongoCommand.Count count) {
            return count.pipeline();
        }
        if (command instanceof MongoCommand.Aggregated aggregated) {
            return aggregated.pipeline();
        }
        if (command instanceof MongoCommand.Insert insert) {
            return insert.documents();
        }
        if (command instanceof MongoCommand.UpdateOne update) {
            return List.of(update.filter(), String.valueOf(update.update().driverForm()));
        }
        if (command instanceof MongoCommand.UpdateMany update) {
            return List.of(update.filter(), String.valueOf(update.update().driverForm()));
        }
        if (command instanceof MongoCommand.Upsert upsert) {
            return List.of(upsert.filter(), upsert.insert());
        }
        if (command instanceof MongoCommand.DeleteOne delete) {
            return delete.filter();
        }
        return ((MongoCommand.DeleteMany) command).filter();
    }

    /**
     * Runs {@code work} in one MongoDB transaction of a client session: committed when the work
     * completes, aborted when it fails or is cancelled, and aborted with
     * {@link TransactionTimeoutException} once {@code options.timeout()} has passed. The session is
     * started within {@code options.maxWait()} or the call signals
     * {@link ConnectionAcquireTimeoutException}. The isolation level is MongoDB's snapshot isolation
     * whatever the options say. On a standalone server it signals {@link TransactionsUnsupportedException}.
     */
    @Override
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(work, "work");
        String datasource = config.datasource().name();
        return Flux.defer(() -> {
            Started client = started();
            Mono<ClientSession> session = requireReplicaSet(client)
                    .then(Mono.from(client.client().startSession()))
                    .timeout(options.maxWait(), Mono.error(() -> ConnectionAcquireTimeoutException.transactionWait(
                            datasource, options.maxWait(), settings.getConnectionPoolSettings().getMaxSize())));
            Mono<T> expired = Mono.delay(options.timeout())
                    .then(Mono.error(() -> new TransactionTimeoutException(datasource, options.timeout())));
            return Flux.<T, ClientSession>usingWhen(session,
                    started -> {
                        started.startTransaction(com.mongodb.TransactionOptions.builder()
                                .readConcern(ReadConcern.SNAPSHOT).writeConcern(WriteConcern.MAJORITY)
                                .maxCommitTime(options.timeout().toMillis(), TimeUnit.MILLISECONDS).build());
                        return Flux.<T>from(work.apply(new SessionExecutor(started))).takeUntilOther(expired);
                    },
                    started -> Mono.from(started.commitTransaction()).doFinally(signal -> started.close()),
                    (started, error) -> abort(started),
                    MongoAdapter::abort);
        }).onErrorMap(error -> errors.translate(error, null));
    }

    private static Mono<Void> abort(ClientSession session) {
        if (!session.hasActiveTransaction()) {
            session.close();
            return Mono.empty();
        }
        return Mono.from(session.abortTransaction()).onErrorResume(e -> Mono.empty())
                .doFinally(signal -> session.close());
    }

    /** Asks the server once whether it is a replica set member or a router; a standalone server cannot run transactions. */
    private Mono<Void> requireReplicaSet(Started client) {
        Boolean known = replicated.get();
        Mono<Boolean> answer = known != null ? Mono.just(known)
                : Mono.from(client.client().getDatabase("admin").runCommand(new Document("isMaster", 1)))
                        .map(hello -> hello.containsKey("setName") || "isdbgrid".equals(hello.get("msg")))
                        .doOnNext(replicated::set);
        return answer.flatMap(yes -> yes ? Mono.empty() : Mono.error(new TransactionsUnsupportedException(
                config.datasource().name(), "Datasource '" + config.datasource().name() + "' points at a standalone"
                        + " MongoDB server, and MongoDB runs transactions only on a replica set or a sharded cluster:"
                        + " start the server as a replica set (mongod --replSet rs0, then rs.initiate() once) and add"
                        + " replicaSet=rs0 to the URL; nested writes then run in transactions too")));
    }

    /** Every statement of a transaction runs in its session. */
    private final class SessionExecutor implements Executor {

        private final ClientSession session;

        SessionExecutor(ClientSession session) {
            this.session = session;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.defer(() -> session.hasActiveTransaction() ? MongoAdapter.this.execute(operation, session)
                    : Mono.error(ended()));
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.defer(() -> session.hasActiveTransaction() ? MongoAdapter.this.stream(operation, session)
                    : Flux.error(ended()));
        }

        private IllegalStateException ended() {
            return new IllegalStateException("This transaction has ended: run the operation inside the work given to"
                    + " inTransaction, or on the adapter");
        }
    }

    /**
     * Every ability but explicit nulls ordering. Transactions are declared as MongoDB has them; a
     * standalone server, which has none, is found out on the first transaction, which then signals
     * {@link TransactionsUnsupportedException}, as nested writes (run in transactions) then do too.
     */
    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** Closes the driver client and its pool, if it was made. Idempotent. */
    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            closed = true;
            Started made = started.getAndSet(null);
            if (made != null) {
                made.client().close();
            }
        });
    }

    private static String name(Operation operation) {
        return operation.getClass().getSimpleName();
    }
}
