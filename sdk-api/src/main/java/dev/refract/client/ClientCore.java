package dev.refract.client;

import dev.refract.cache.CacheStatistics;
import dev.refract.cache.CacheStoreProvider;
import dev.refract.cache.ReadThroughCache;
import dev.refract.error.ClientClosedException;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.ReadOnlyDatasourceException;
import dev.refract.id.IdGenerators;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.raw.RecordMapper;
import dev.refract.saga.Saga;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Executor;
import dev.refract.spi.PoolUsage;
import dev.refract.spi.RawRow;
import dev.refract.spi.RawStatement;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The engine a generated client delegates to: routes each operation to its model's datasource,
 * starts adapters lazily, and closes them all on {@link #close()}.
 *
 * <p>Every call is cold: nothing is routed, started or sent until subscription, and each
 * subscription runs the operation again. After {@code close()}, every call signals
 * {@link ClientClosedException}.
 *
 * <p>Before a write reaches its adapter, the core fills in the values the client supplies: generated
 * ids and {@code now()} on create, {@code @updatedAt} on create and update (see the options'
 * {@link ClientOptions#clock() clock} and {@link ClientOptions#idGenerators() id generators}).
 *
 * <p>Relations a selection includes are loaded after the operation's own statement, one batched
 * statement per included relation whatever the number of records; operations without includes go
 * to their adapter as they are.
 *
 * <p>A create, update or upsert with nested writes runs as several operations in one transaction of
 * its model's datasource (see {@code NestedWrites}); every other write is one operation.
 *
 * <p>Inside the work of a {@link #transaction(TransactionOptions, Supplier) transaction}, operations
 * run in it (see {@code Transactions}); outside one, each call costs one look-up in an empty Reactor
 * context.
 *
 * <p>A condition on a relation to a model of another datasource ({@code some}, {@code every},
 * {@code none}, {@code is}, {@code isNot}), in the where of any operation or of an included relation,
 * is resolved before the operation is routed: one look-up on the other datasource reads the link keys
 * of the related records that match, and the condition becomes one on the model's own link fields (see
 * {@code CrossDatasourceFilters}). The look-up runs on that datasource's adapter, outside any
 * transaction: inside one, the keys it reads are not part of the transaction's snapshot. At most
 * {@link ClientOptions#crossDatasourceKeyLimit()} keys are held per condition.
 *
 * <p>A {@code findUnique} of a model declaring {@code @@cache} reads through its cache, and writes
 * invalidate what they changed once they have committed (see {@link ReadThroughCache}).
 *
 * <p>With {@link ClientOptions#readRetries() read retries}, a read outside a transaction whose
 * connection was lost or whose statement timed out is made again (see {@link ReadRetry}).
 *
 * <p>With an {@link ClientOptions#listener() operation listener}, every model operation is timed from
 * subscription to its end and reported to it; without one, nothing is timed. The subscriber's Reactor
 * context reaches the adapter unchanged, so what it carries (a trace, with Micrometer Context
 * Propagation the thread-locals of a logging context) travels with the operation into the driver.
 */
public final class ClientCore implements AutoCloseable {

    private final SchemaMeta schema;
    private final DatasourceSlot[] slots;
    private final Router router;
    private final Clock clock;
    private final IdGenerators idGenerators;
    private final WriteDefaults defaults;
    private final IncludeLoader includes;
    private final NestedWrites nested;
    private final Transactions transactions;
    private final ReadThroughCache cache;
    private final CrossDatasourceFilters crossFilters;
    /** Times operations for the options' listener; {@code null} when there is none. */
    private final OperationTimer timer;
    private final ReadRetry reads;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Per model: true when its datasource is read-only, so that writes to it are refused. */
    private final boolean[] readOnlyModels;
    /** Per model: true when its datasource expires records (Redis), so that a write may give a time to live. */
    private final boolean[] expiringModels;

    private ClientCore(SchemaMeta schema, DatasourceSlot[] slots, Clock clock, IdGenerators idGenerators,
            OperationListener listener, ReadThroughCache cache, int crossDatasourceKeyLimit, ReadRetry reads) {
        this.schema = schema;
        this.reads = reads;
        this.cache = cache;
        this.timer = listener == null ? null : new OperationTimer(schema, listener);
        this.slots = slots;
        this.router = new Router(schema, slots);
        this.clock = clock;
        this.idGenerators = idGenerators;
        this.defaults = new WriteDefaults(schema, idGenerators, clock);
        this.includes = new IncludeLoader(schema, router);
        this.nested = new NestedWrites(schema, router, defaults, includes);
        this.transactions = new Transactions(schema, router, defaults, includes, nested);
        this.crossFilters = new CrossDatasourceFilters(schema, crossDatasourceKeyLimit, lookup ->
                router.route(lookup.model()).adapter(schema.model(lookup.model()).name())
                        .flatMapMany(adapter -> adapter.stream(lookup)));
        this.readOnlyModels = new boolean[schema.models().size()];
        for (int i = 0; i < readOnlyModels.length; i++) {
            readOnlyModels[i] = schema.datasource(schema.model(i).datasource()).readOnly();
        }
        this.expiringModels = new boolean[schema.models().size()];
        for (int i = 0; i < expiringModels.length; i++) {
            expiringModels[i] = schema.datasource(schema.model(i).datasource()).provider() == Provider.REDIS;
        }
    }

    /**
     * A client core for {@code schema}. Adapter providers are looked up here, once; no adapter is
     * started and nothing connects.
     *
     * @throws IllegalArgumentException when {@code options} name a datasource the schema lacks
     */
    public static ClientCore create(SchemaMeta schema, ClientOptions options) {
        DatasourceSettings.checkNames(schema, options);
        List<AdapterProvider> providers = new ArrayList<>(options.providers());
        ServiceLoader.load(AdapterProvider.class, ClientCore.class.getClassLoader()).forEach(providers::add);
        DatasourceSlot[] slots = new DatasourceSlot[schema.datasources().size()];
        for (DatasourceMeta datasource : schema.datasources()) {
            AdapterProvider provider = providers.stream()
                    .filter(p -> p.supports(datasource.provider()))
                    .findFirst()
                    .orElse(null);
            slots[datasource.index()] = new DatasourceSlot(schema, datasource, provider, options);
        }
        IdGenerators ids = options.idGenerators().apply(options.clock());
        if (ids == null) {
            throw new IllegalArgumentException("The id generator factory of the client options returned null;"
                    + " return IdGenerators.standard(clock) or a variation of it");
        }
        List<CacheStoreProvider> cacheStores = new ArrayList<>(options.cacheStores());
        ServiceLoader.load(CacheStoreProvider.class, ClientCore.class.getClassLoader()).forEach(cacheStores::add);
        ReadThroughCache cache = new ReadThroughCache(schema, cacheStores, datasource -> new AdapterConfig(schema,
                datasource, DatasourceSettings.url(datasource, options), DatasourceSettings.pool(datasource, options)),
                options.clock());
        return new ClientCore(schema, slots, options.clock(), ids, options.listener(), cache,
                options.crossDatasourceKeyLimit(), new ReadRetry(options.readRetries()));
    }

    /** The schema this client serves. */
    public SchemaMeta schema() {
        return schema;
    }

    /** The clock of {@code now()}, {@code @updatedAt} and time-based ids. */
    public Clock clock() {
        return clock;
    }

    /** The id generators this client fills generated ids with. */
    public IdGenerators idGenerators() {
        return idGenerators;
    }

    /**
     * Runs {@code operation} on its model's datasource and collects the result. Cold: generated ids
     * and the call's time are drawn anew at each subscription.
     */
    public Mono<Result> execute(Operation operation) {
        String model = schema.model(operation.model()).name();
        Mono<Result> call = Mono.deferContextual(context -> {
            if (closed.get()) {
                return Mono.error(new ClientClosedException(model));
            }
            if (readOnlyModels[operation.model()] && operation instanceof Operation.Write) {
                return Mono.error(new ReadOnlyDatasourceException(
                        schema.datasource(schema.model(operation.model()).datasource()).name(), model,
                        operationName(operation)));
            }
            if (!expiringModels[operation.model()] && operation instanceof Operation.Write write
                    && write.givesTimeToLive()) {
                DatasourceMeta datasource = schema.datasource(schema.model(operation.model()).datasource());
                return Mono.error(new InvalidQueryException(model, List.of(), "The " + operationName(operation)
                        + " of " + model + " gives a time to live, but " + model + " lives in datasource \""
                        + datasource.name() + "\" (" + datasource.provider().schemaName() + "), which does not expire"
                        + " records: only Redis models take a ttl; leave it out"));
            }
            TransactionScope transaction = transactions.scopeIn(context);
            if (crossFilters.applies(operation)) {
                return crossFilters.resolve(operation).flatMap(resolved -> dispatch(resolved, model, transaction));
            }
            return dispatch(operation, model, transaction);
        });
        return timer == null ? call : timer.time(call, operation);
    }

    /**
     * Runs {@code operation}, whose filters no longer cross datasources, in {@code transaction} if there
     * is one, else through the cache or on its model's adapter.
     */
    private Mono<Result> dispatch(Operation operation, String model, TransactionScope transaction) {
        if (transaction != null) {
            Mono<Result> inTransaction = transaction.execute(operation);
            return cache.enabled() && operation instanceof Operation.Write write
                    ? inTransaction.doOnNext(result -> transaction.afterCommit(
                            cache.invalidate(cache.invalidation(write, result, NestedWrites.applies(write)))))
                    : inTransaction;
        }
        if (operation instanceof Operation.FindUnique read && cache.enabled()) {
            return cache.read(read, reads.mono(Mono.defer(() -> run(operation, model))));
        }
        if (operation instanceof Operation.Read && reads.enabled()) {
            return reads.mono(Mono.defer(() -> run(operation, model)));
        }
        Mono<Result> run = run(operation, model);
        return cache.enabled() && operation instanceof Operation.Write write
                ? run.flatMap(result -> cache.invalidate(cache.invalidation(write, result,
                        NestedWrites.applies(write))).thenReturn(result))
                : run;
    }

    /** Runs {@code operation} outside a transaction, on its model's adapter or as nested writes. */
    private Mono<Result> run(Operation operation, String model) {
        if (NestedWrites.applies(operation)) {
            return nested.execute(operation);
        }
        Operation complete = defaults.apply(operation);
        Adapter adapter = router.route(operation.model()).started(model);
        return IncludeLoader.hasIncludes(complete) ? includes.execute(adapter, complete) : adapter.execute(complete);
    }

    // The cache of models declaring @@cache.

    /** What the cache of this client's {@code @@cache} models did since the client was built. */
    public CacheStatistics cacheStatistics() {
        return cache.statistics();
    }

    /**
     * What the cache did for the model named {@code model} since the client was built: its reads, the
     * invalidations that reached its entries and the failures of either. All zero for a model without
     * {@code @@cache}.
     *
     * @throws IllegalArgumentException when the schema has no model of that name
     */
    public CacheStatistics cacheStatistics(String model) {
        for (ModelMeta meta : schema.models()) {
            if (meta.name().equals(model)) {
                return cache.statistics(meta.index());
            }
        }
        throw new IllegalArgumentException("No model '" + model + "' in this schema: its models are "
                + schema.models().stream().map(ModelMeta::name).collect(Collectors.joining(", ")));
    }

    /** {@link #cacheStatistics(String)} of every model declaring {@code @@cache}, by model name in schema order. */
    public Map<String, CacheStatistics> cacheStatisticsByModel() {
        Map<String, CacheStatistics> figures = new LinkedHashMap<>();
        for (ModelMeta meta : schema.models()) {
            if (meta.cache() != null) {
                figures.put(meta.name(), cache.statistics(meta.index()));
            }
        }
        return Collections.unmodifiableMap(figures);
    }

    /**
     * Removes every cached record a {@code findUnique} filed under one of {@code tags} (its
     * {@code cache(c -> c.tags(…))}), in every cache datasource. Cold; completes when done, also when a
     * cache could not be reached (counted in {@link #cacheStatistics()} as an error).
     */
    public Mono<Void> invalidateCacheTags(String... tags) {
        List<String> named = List.of(tags);
        return Mono.defer(() -> closed.get() ? Mono.error(new ClientClosedException(null))
                : cache.invalidateTags(named));
    }

    /**
     * Runs a read of many records on its model's datasource and streams the rows. Cold. With
     * includes, rows are gathered in chunks whose relations are loaded before the chunk's rows go on:
     * on the read's own connection when every row fits the first chunk, else while the read still
     * streams, on other connections of the datasource's pool. Inside a transaction, whose one
     * connection the statements share, the rows are read in full before they are emitted.
     */
    public Flux<Row> stream(Operation operation) {
        String model = schema.model(operation.model()).name();
        Flux<Row> call = Flux.deferContextual(context -> {
            if (closed.get()) {
                return Flux.error(new ClientClosedException(model));
            }
            TransactionScope transaction = transactions.scopeIn(context);
            if (crossFilters.applies(operation)) {
                return crossFilters.resolve(operation)
                        .flatMapMany(resolved -> dispatchStream(resolved, model, transaction));
            }
            return dispatchStream(operation, model, transaction);
        });
        return timer == null ? call : timer.time(call, operation);
    }

    /** Streams {@code operation}, whose filters no longer cross datasources, in {@code transaction} or not. */
    private Flux<Row> dispatchStream(Operation operation, String model, TransactionScope transaction) {
        if (transaction != null) {
            return transaction.stream(operation);
        }
        Adapter adapter = router.route(operation.model()).started(model);
        Flux<Row> rows = IncludeLoader.hasIncludes(operation) ? includes.stream(adapter, operation)
                : adapter.stream(operation);
        return operation instanceof Operation.Read ? reads.flux(rows) : rows;
    }

    // Health and metrics: what frameworks managing the client read of its datasources.

    /**
     * Asks the database of {@code datasource} whether it answers (see {@link Adapter#ping()}), starting
     * its adapter if it has not started. Cold; completes empty when it answers.
     *
     * @throws IllegalArgumentException (signalled) when the schema has no datasource of that name
     */
    public Mono<Void> ping(String datasource) {
        return Mono.defer(() -> {
            if (closed.get()) {
                return Mono.error(new ClientClosedException(null));
            }
            return slot(datasource).adapter(null).flatMap(Adapter::ping);
        });
    }

    /**
     * How the connection pool of {@code datasource} is used now (see {@link Adapter#poolUsage()}); empty
     * when its adapter has not started, has no pool to report, or the client is closed. Starts nothing.
     *
     * @throws IllegalArgumentException when the schema has no datasource of that name
     */
    public Optional<PoolUsage> poolUsage(String datasource) {
        return slot(datasource).ifStarted().flatMap(Adapter::poolUsage);
    }

    private DatasourceSlot slot(String datasource) {
        for (DatasourceSlot slot : slots) {
            if (slot.datasource().name().equals(datasource)) {
                return slot;
            }
        }
        throw new IllegalArgumentException("No datasource '" + datasource + "' in this schema: its datasources are "
                + schema.datasources().stream().map(DatasourceMeta::name).collect(Collectors.joining(", ")));
    }

    // Raw SQL: statements written by the caller, run on a named datasource.

    /**
     * Runs a read written in SQL on {@code datasource} and streams its rows as unmodifiable maps from
     * column label to value, in column order. Cold: {@code statement} is made at each subscription,
     * so an argument it refuses is signalled, not thrown.
     *
     * @see #executeRaw
     */
    public Flux<Map<String, Object>> queryRaw(String datasource, Supplier<RawStatement> statement) {
        return rawRows(datasource, statement).map(ClientCore::labelled).map(RawRow::toMap);
    }

    /**
     * Runs a read written in SQL on {@code datasource} and streams its rows as records of
     * {@code type}, a record class of the caller's whose components are matched to the columns by
     * name (see {@link RecordMapper}).
     */
    public <R> Flux<R> queryRaw(String datasource, Class<R> type, Supplier<RawStatement> statement) {
        return Flux.defer(() -> {
            Function<Row, R> reader = RecordMapper.of(type).reader();
            return rawRows(datasource, statement).map(reader);
        });
    }

    /**
     * Runs a read written in SQL on {@code datasource} and streams its rows as records of the model at
     * {@code model}: the adapter matches the columns to the model's fields by column name and reads
     * them as it reads the model's rows, and {@code mapper}, the generated one, builds the records.
     */
    public <M> Flux<M> queryRaw(String datasource, int model, Function<Row, M> mapper,
            Supplier<RawStatement> statement) {
        return rawRows(datasource, () -> statement.get().readingModel(model)).map(mapper);
    }

    /**
     * Runs a statement written in SQL on {@code datasource} and returns the number of rows it changed.
     * Cold, like {@link #queryRaw(String, Supplier)}.
     */
    public Mono<Long> executeRaw(String datasource, Supplier<RawStatement> statement) {
        return Mono.deferContextual(context -> {
            RawStatement made = statement.get();
            return rawExecutor(datasource, transactions.scopeIn(context), true)
                    .flatMap(executor -> executor.executeRaw(made));
        });
    }

    private Flux<Row> rawRows(String datasource, Supplier<RawStatement> statement) {
        return Flux.deferContextual(context -> {
            RawStatement made = statement.get();
            TransactionScope transaction = transactions.scopeIn(context);
            Flux<Row> rows = rawExecutor(datasource, transaction, false)
                    .flatMapMany(executor -> executor.queryRaw(made));
            // a transaction's statements share its one connection: read in full before the work goes on
            return transaction == null ? rows : rows.collectList().flatMapIterable(all -> all);
        });
    }

    /**
     * The executor a raw statement on {@code datasource} runs on: the one place that picks it. Inside a
     * transaction of this client ({@code transaction}, else {@code null}) it is the transaction's,
     * otherwise the datasource's adapter. A statement run for its changes ({@code write}) is refused on
     * a read-only datasource.
     */
    private Mono<? extends Executor> rawExecutor(String datasource, TransactionScope transaction, boolean write) {
        if (closed.get()) {
            return Mono.error(new ClientClosedException(null));
        }
        DatasourceMeta found = null;
        for (DatasourceMeta candidate : schema.datasources()) {
            if (candidate.name().equals(datasource)) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            return Mono.error(new InvalidQueryException(null, List.of(), "No datasource '" + datasource
                    + "' in this schema to run raw SQL on: its datasources are " + schema.datasources().stream()
                            .map(DatasourceMeta::name).collect(Collectors.joining(", "))));
        }
        if (found.provider().family() != Provider.Family.RELATIONAL) {
            return Mono.error(new UnsupportedOperationException("Datasource '" + found.name() + "' (provider "
                    + found.provider().schemaName() + ") does not run SQL: raw queries run on postgresql and mysql"
                    + " datasources"));
        }
        if (write && found.readOnly()) {
            return Mono.error(new ReadOnlyDatasourceException(found.name(), null, "executeRaw"));
        }
        DatasourceSlot slot = slots[found.index()];
        return transaction != null ? transaction.rawExecutor(found.index(), slot) : slot.adapter(null);
    }

    /** The client method a write operation comes from, as the user calls it: {@code Create} is {@code create}. */
    private static String operationName(Operation operation) {
        String type = operation.getClass().getSimpleName();
        return Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    private static RawRow labelled(Row row) {
        if (row instanceof RawRow raw) {
            return raw;
        }
        throw new IllegalStateException("A raw read without a model must return RawRows, got a "
                + row.getClass().getName() + ": the adapter breaks the Executor.queryRaw contract");
    }

    /**
     * Runs the publisher {@code work} supplies in one transaction of one datasource: committed when it
     * completes, rolled back when it errors or its subscriber cancels. Every operation of this client
     * subscribed inside the work runs in the transaction, on its connection; the transaction travels in
     * the Reactor context, not in a thread. Emits the work's elements once the commit has succeeded.
     *
     * <p>The transaction belongs to the datasource {@code options} name, else to the schema's only
     * relational datasource, else to the datasource of its first operation; an operation on a model of
     * another datasource signals {@link dev.refract.error.CrossDatasourceTransactionException}. Called
     * inside the work of a transaction of this client, it joins that transaction (whose options hold).
     * Cold: each subscription runs the work in a new transaction.
     */
    public <T> Flux<T> transaction(TransactionOptions options, Supplier<? extends Publisher<T>> work) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(work, "work");
        Flux<T> transaction = transactions.run(options, work);
        return Flux.defer(() -> closed.get() ? Flux.error(new ClientClosedException(null)) : transaction);
    }

    /**
     * Runs {@code operations}, cold publishers of this client such as {@code db.user().create(...)},
     * one after the other in one transaction, as {@link #transaction(TransactionOptions, Supplier)} does.
     * Emits, once the transaction has committed, one result per operation in their order: the value of
     * a {@code Mono} ({@code null} when it completed empty), the elements of a {@code Flux} as a list.
     */
    public Mono<List<Object>> transaction(TransactionOptions options, List<? extends Publisher<?>> operations) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(operations, "operations");
        Mono<List<Object>> transaction = transactions.batch(options, operations);
        return Mono.defer(() -> closed.get() ? Mono.error(new ClientClosedException(null)) : transaction);
    }

    /**
     * A new saga without steps, for work across datasources that one transaction cannot cover: add steps
     * with their compensations and {@link Saga#run() run} it. Its steps are calls of this client; a step
     * made after {@link #close()} fails with {@link ClientClosedException} and the saga compensates.
     */
    public Saga saga() {
        return Saga.create();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes every started adapter and cache store; completes when all are released. Calls made afterwards signal
     * {@link ClientClosedException}. Idempotent.
     */
    public Mono<Void> closeAsync() {
        return Mono.defer(() -> {
            closed.set(true);
            List<Mono<Void>> closing = new ArrayList<>(slots.length);
            for (DatasourceSlot slot : slots) {
                closing.add(slot.close());
            }
            closing.add(cache.close());
            return Mono.when(closing);
        });
    }

    /**
     * Marks the client closed at once and releases the adapters in the background, without
     * blocking the caller.
     */
    @Override
    public void close() {
        // Nobody waits for this release, so a failing adapter close has no one to report to; the
        // adapter is gone either way and later calls already fail with ClientClosedException.
        closeAsync().subscribe(null, error -> { });
    }
}
