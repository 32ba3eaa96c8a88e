package dev.refract.redis;

import dev.refract.error.InvalidQueryException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.WriteData;
import dev.refract.redis.codec.CodecRegistry;
import dev.refract.redis.connect.RedisConnection;
import dev.refract.redis.connect.RedisEndpoint;
import dev.refract.redis.connect.RedisStore;
import dev.refract.redis.error.RedisErrors;
import dev.refract.redis.filter.Values;
import dev.refract.redis.log.OperationLog;
import dev.refract.redis.read.Aggregation;
import dev.refract.redis.read.QueryShape;
import dev.refract.redis.record.StoredModel;
import dev.refract.redis.record.StoredRecord;
import dev.refract.redis.write.WritePlanner;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.PoolUsage;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The adapter of one Redis datasource: key-value models stored as hashes (see
 * {@link dev.refract.redis.key.KeyLayout}), written atomically with their unique index keys by Lua
 * scripts, read by direct look-ups where a filter names a record by its id or a unique key, and
 * otherwise by a {@code SCAN} of the model's keys with the filter, order, paging, aggregates and
 * groups computed on the client (see {@link dev.refract.redis.filter.FilterEvaluator}).
 *
 * <p>Every command goes over Lettuce's one multiplexed connection, made on the first operation.
 * No operation needs a connection of its own: each write of a record is one script, atomic on the
 * server, so no {@code MULTI}/{@code WATCH} holds a connection. There are no transactions across
 * operations ({@link Capabilities#transactions()} is false): {@code MULTI}/{@code EXEC} can neither
 * read inside nor roll back.
 */
public final class RedisAdapter implements Adapter {

    /** The default for connecting and for each command, when the datasource gives no acquire timeout. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Lists, insensitive mode, nulls ordering, distinct and group-by, computed on the client; no
     * transactions, and nothing that follows a relation inside the store: no relation filters and no
     * relation counts.
     */
    static final Capabilities CAPABILITIES = new Capabilities(false, true, true, true, true, true, false, false);

    private final AdapterConfig config;
    private final RedisEndpoint endpoint;
    private final RedisConnection connection;
    private final RedisErrors errors;
    private final OperationLog log;
    private final Records[] models;
    /** The operations under way over the shared connection, for {@link #poolUsage()}. */
    private final AtomicInteger running = new AtomicInteger();

    /**
     * An adapter for {@code config}'s datasource; it connects on the first operation.
     *
     * @throws IllegalArgumentException when the URL is not a Redis URL (the message hides its password),
     *                                  or a model of the datasource has a field Redis cannot store
     */
    public RedisAdapter(AdapterConfig config) {
        this(config, CodecRegistry.defaults());
    }

    /** An adapter storing values through {@code codecs}. */
    public RedisAdapter(AdapterConfig config, CodecRegistry codecs) {
        this.config = Objects.requireNonNull(config, "config");
        Duration timeout = config.pool().acquireTimeout() != null ? config.pool().acquireTimeout() : DEFAULT_TIMEOUT;
        this.endpoint = RedisEndpoint.parse(config.url(), config.datasource().name(), timeout);
        this.connection = new RedisConnection(endpoint, timeout);
        this.errors = new RedisErrors(config.datasource().name(), endpoint.redacted());
        this.log = new OperationLog(config.datasource().name());
        RedisStore store = new RedisStore(connection);
        SchemaMeta schema = config.schema();
        this.models = new Records[schema.models().size()];
        for (ModelMeta model : schema.models()) {
            if (model.datasource() == config.datasource().index()) {
                StoredModel stored = new StoredModel(schema, model, endpoint.prefix(), codecs);
                models[model.index()] = new Records(stored, new WritePlanner(schema, stored), store);
            }
        }
    }

    /** Where this adapter's datasource is, and its key prefix. */
    public RedisEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public Mono<Result> execute(Operation operation) {
        Mono<Result> result = Mono.defer(() -> {
                    running.incrementAndGet();
                    return run(operation).doFinally(signal -> running.decrementAndGet());
                })
                .onErrorMap(error -> errors.translate(error, modelName(operation)));
        return log.observe(result, modelName(operation), operation.getClass().getSimpleName(), access(operation));
    }

    /** How an operation finds its records: {@code lookup} when its where names them, else {@code scan}. */
    String access(Operation operation) {
        Records records = operation.model() >= 0 && operation.model() < models.length ? models[operation.model()]
                : null;
        if (records == null) {
            return "none";
        }
        Filter where = null;
        if (operation instanceof Operation.FindUnique unique) {
            where = unique.where();
        } else if (operation instanceof Operation.FindFirst first) {
            where = first.query().where();
        } else if (operation instanceof Operation.FindMany many) {
            where = many.query().where();
        } else if (operation instanceof Operation.Count count) {
            where = count.query().where();
        } else if (operation instanceof Operation.Aggregate aggregate) {
            where = aggregate.query().where();
        } else if (operation instanceof Operation.GroupBy group) {
            where = group.where();
        } else if (operation instanceof Operation.Update update) {
            where = update.where();
        } else if (operation instanceof Operation.UpdateMany many) {
            where = many.where();
        } else if (operation instanceof Operation.UpdateManyAndReturn many) {
            where = many.where();
        } else if (operation instanceof Operation.Upsert upsert) {
            where = upsert.where();
        } else if (operation instanceof Operation.Delete delete) {
            where = delete.where();
        } else if (operation instanceof Operation.DeleteMany many) {
            where = many.where();
        }
        if (where == null) {
            return operation instanceof Operation.FindRelated ? "related" : "write";
        }
        return records.directLookups(where) == null ? "scan" : "lookup";
    }

    @Override
    public Flux<Row> stream(Operation operation) {
        Flux<Row> rows = Flux.defer(() -> {
            running.incrementAndGet();
            return rowsOf(operation).doFinally(signal -> running.decrementAndGet());
        }).onErrorMap(error -> errors.translate(error, modelName(operation)));
        return log.observe(rows, modelName(operation), operation.getClass().getSimpleName(), access(operation));
    }

    private Flux<Row> rowsOf(Operation operation) {
        if (operation instanceof Operation.FindMany many) {
            Records records = records(many.model());
            records.requireNoCounts(many.query().selection());
            return records.read(many.query()).map(record -> records.row(record, many.query().selection()));
        }
        if (operation instanceof Operation.FindRelated related) {
            return findRelated(related);
        }
        return Flux.error(new IllegalArgumentException(operation.getClass().getSimpleName()
                + " produces no stream of rows; run it with execute"));
    }

    private Mono<Result> run(Operation operation) {
        Records records = records(operation.model());
        if (operation instanceof Operation.FindUnique unique) {
            records.requireNoCounts(unique.selection());
            return rows(records.one(unique.where()).map(record -> records.row(record, unique.selection())));
        }
        if (operation instanceof Operation.FindFirst first) {
            Query query = first.query();
            records.requireNoCounts(query.selection());
            return rows(records.read(query).next().map(record -> records.row(record, query.selection())));
        }
        if (operation instanceof Operation.FindMany many) {
            records.requireNoCounts(many.query().selection());
            return records.read(many.query()).map(record -> records.row(record, many.query().selection()))
                    .collectList().map(Result::ofRows);
        }
        if (operation instanceof Operation.FindRelated related) {
            return findRelated(related).collectList().map(Result::ofRows);
        }
        if (operation instanceof Operation.Count count) {
            Query query = count.query();
            boolean paged = query.skip() > 0 || query.take() != null || query.cursor() != null
                    || !query.distinct().isEmpty();
            Flux<StoredRecord> counted = paged ? records.read(query) : records.matching(query.where());
            return counted.count().map(Result::ofCount);
        }
        if (operation instanceof Operation.Aggregate aggregate) {
            return records.read(aggregate.query()).collectList()
                    .map(found -> Result.ofRows(List.of(Row.wrap(new Aggregation(records.model())
                            .aggregate(found, aggregate.aggregations())))));
        }
        if (operation instanceof Operation.GroupBy group) {
            return records.matching(group.where()).collectList().map(found -> {
                List<Row> rows = new ArrayList<>();
                for (Object[] row : new Aggregation(records.model()).groupBy(found, group.by(), group.having(),
                        group.orderBy(), group.skip(), group.take(), group.aggregations())) {
                    rows.add(Row.wrap(row));
                }
                return Result.ofRows(rows);
            });
        }
        if (operation instanceof Operation.Create create) {
            records.requireNoCounts(create.selection());
            return rows(records.create(create.data(), false).map(record -> records.row(record, create.selection())));
        }
        if (operation instanceof Operation.CreateMany many) {
            return Flux.fromIterable(many.data()).concatMap(data -> records.create(data, many.skipDuplicates()))
                    .count().map(Result::ofCount);
        }
        if (operation instanceof Operation.CreateManyAndReturn many) {
            records.requireNoCounts(many.selection());
            return Flux.fromIterable(many.data()).concatMap(data -> records.create(data, many.skipDuplicates()))
                    .map(record -> records.row(record, many.selection())).collectList().map(Result::ofRows);
        }
        if (operation instanceof Operation.Update update) {
            records.requireNoCounts(update.selection());
            return rows(records.one(update.where()).switchIfEmpty(Mono.error(() -> records.notFound("update")))
                    .flatMap(record -> records.update(record, update.where(), update.data(), "update"))
                    .map(record -> records.row(record, update.selection())));
        }
        if (operation instanceof Operation.UpdateMany many) {
            return updateMany(records, many.where(), many.data()).count().map(Result::ofCount);
        }
        if (operation instanceof Operation.UpdateManyAndReturn many) {
            records.requireNoCounts(many.selection());
            return updateMany(records, many.where(), many.data()).map(record -> records.row(record, many.selection()))
                    .collectList().map(Result::ofRows);
        }
        if (operation instanceof Operation.Upsert upsert) {
            records.requireNoCounts(upsert.selection());
            return rows(upsert(records, upsert).map(record -> records.row(record, upsert.selection())));
        }
        if (operation instanceof Operation.Delete delete) {
            records.requireNoCounts(delete.selection());
            return rows(records.one(delete.where()).flatMap(record -> records.delete(record, delete.where()))
                    .switchIfEmpty(Mono.error(() -> records.notFound("delete")))
                    .map(record -> records.row(record, delete.selection())));
        }
        if (operation instanceof Operation.DeleteMany many) {
            return records.matching(many.where()).collectList()
                    .flatMapMany(found -> Flux.fromIterable(found)
                            .flatMap(record -> records.delete(record, many.where()), Records.CONCURRENCY))
                    .count().map(Result::ofCount);
        }
        if (operation instanceof Operation.Link || operation instanceof Operation.Unlink) {
            throw new InvalidQueryException(records.model().name(), List.of(), "A Redis model has no implicit"
                    + " many-to-many relations: Redis keeps no join table. Model the relation with an explicit"
                    + " model holding both keys");
        }
        throw new IllegalArgumentException("Unknown operation " + operation);
    }

    /** Updates every matching record, found first so that a record the update moves is not met again. */
    private Flux<StoredRecord> updateMany(Records records, Filter where, WriteData data) {
        return records.matching(where).collectList().flatMapMany(found -> Flux.fromIterable(found)
                .flatMapSequential(record -> records.update(record, where, data, "updateMany")
                        .onErrorResume(RecordNotFoundException.class, gone -> Mono.empty()),
                        Records.CONCURRENCY));
    }

    /**
     * Updates the record the where names, or creates it. A create that collides with a record made
     * meanwhile updates that one; an update whose record was deleted meanwhile creates it.
     */
    private Mono<StoredRecord> upsert(Records records, Operation.Upsert upsert) {
        Mono<StoredRecord> create = records.create(upsert.create(), false);
        Mono<StoredRecord> updateFound = records.one(upsert.where())
                .flatMap(record -> records.update(record, upsert.where(), upsert.update(), "upsert"));
        return updateFound
                .onErrorResume(RecordNotFoundException.class, gone -> create)
                .switchIfEmpty(create)
                .onErrorResume(UniqueConstraintViolationException.class, collision -> records.one(upsert.where())
                        .flatMap(record -> records.update(record, upsert.where(), upsert.update(), "upsert"))
                        .switchIfEmpty(Mono.error(collision)));
    }

    /**
     * The records related to each parent key, each parent's share filtered, ordered and paged on its
     * own, each row tagged with its parent's key at {@code fieldCount + 1}. Keys over the id or a
     * one-field unique key are direct look-ups; any other key is a scan.
     */
    private Flux<Row> findRelated(Operation.FindRelated related) {
        Records records = records(related.model());
        Query query = related.query();
        records.requireNoCounts(query.selection());
        RelationLink link = RelationLink.of(config.schema(), related.parentModel(), related.field());
        if (link.shape() == RelationLink.Shape.JOIN_TABLE) {
            throw new InvalidQueryException(records.model().name(), List.of(), "A Redis model has no implicit"
                    + " many-to-many relations: Redis keeps no join table");
        }
        List<Integer> targetKey = link.targetKey();
        Filter keys;
        if (targetKey.size() == 1) {
            keys = new Filter.Comparison(targetKey.get(0), Filter.Operator.IN, related.keys(), Filter.Mode.DEFAULT);
        } else {
            List<Filter> each = new ArrayList<>();
            for (Object key : related.keys()) {
                List<?> parts = (List<?>) key;
                List<Filter> equal = new ArrayList<>();
                for (int i = 0; i < targetKey.size(); i++) {
                    equal.add(new Filter.Comparison(targetKey.get(i), Filter.Operator.EQUALS, parts.get(i),
                            Filter.Mode.DEFAULT));
                }
                each.add(new Filter.And(equal));
            }
            keys = new Filter.Or(each);
        }
        int width = records.model().meta().fieldCount();
        return records.matching(keys).collectList().flatMapMany(found -> {
            Map<Object, List<StoredRecord>> byKey = new LinkedHashMap<>();
            for (StoredRecord record : found) {
                Object key = link.targetKeyOf(record::get);
                if (key != null) {
                    byKey.computeIfAbsent(groupKey(key), k -> new ArrayList<>()).add(record);
                }
            }
            Flux<StoredRecord> cursor = query.cursor() == null ? Flux.empty() : records.one(query.cursor()).flux();
            return Flux.fromIterable(related.keys()).concatMap(parent -> {
                List<StoredRecord> own = byKey.getOrDefault(groupKey(parent), List.of());
                Flux<StoredRecord> matching = Flux.fromIterable(own)
                        .filter(record -> records.model().filters().matches(query.where(), record::get));
                return QueryShape.apply(records.model(), query, matching, cursor).map(record -> {
                    Object[] row = QueryShape.row(records.model(), record, query.selection(), 2);
                    row[width + 1] = parent;
                    return Row.wrap(row);
                });
            });
        });
    }

    private static Object groupKey(Object key) {
        if (key instanceof List<?> parts) {
            List<Object> normal = new ArrayList<>(parts.size());
            for (Object part : parts) {
                normal.add(Values.groupKey(part));
            }
            return normal;
        }
        return Values.groupKey(key);
    }

    private static Mono<Result> rows(Mono<Row> row) {
        return row.map(one -> Result.ofRows(List.of(one))).defaultIfEmpty(Result.ofRows(List.of()));
    }

    private Records records(int model) {
        Records records = model >= 0 && model < models.length ? models[model] : null;
        if (records == null) {
            throw new IllegalArgumentException("Model " + model + " does not belong to Redis datasource '"
                    + config.datasource().name() + "'");
        }
        return records;
    }

    private String modelName(Operation operation) {
        int model = operation.model();
        return model >= 0 && model < config.schema().models().size() ? config.schema().model(model).name() : null;
    }

    /**
     * Signals {@link UnsupportedOperationException}: Redis offers no transaction that can read inside
     * it or roll back. Each write of one record is atomic on its own; work across datasources or
     * records that must be undone together is a saga.
     */
    @Override
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
        return Flux.error(new UnsupportedOperationException("Redis datasource '" + config.datasource().name()
                + "' runs no transactions: MULTI/EXEC can neither read inside nor roll back. Each create, update,"
                + " upsert and delete of one record is atomic on its own; run the work without a transaction, or"
                + " undo steps with client.saga(...)"));
    }

    /** Sends {@code PING} over the shared connection (connecting first if nothing has yet). */
    @Override
    public Mono<Void> ping() {
        return connection.commands().flatMap(RedisClusterReactiveCommands::ping).then()
                .onErrorMap(error -> errors.translate(error, null));
    }

    /**
     * The shared connection seen as a pool of one: {@code maxSize} 1; {@code idle} 1 while it is open
     * and no operation runs over it; {@code acquired} the operations under way over it, which share it
     * and so may outnumber it; {@code pending} the operations waiting for it to be made. All zero but
     * {@code maxSize} before the first operation and after {@link #close()}.
     */
    @Override
    public Optional<PoolUsage> poolUsage() {
        int busy = running.get();
        boolean open = connection.open();
        return Optional.of(new PoolUsage(busy, open && busy == 0 ? 1 : 0, connection.waiting(), 1));
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** Closes the connection and shuts Lettuce's client down; later operations fail as the client is closed. */
    @Override
    public Mono<Void> close() {
        return connection.close();
    }
}
