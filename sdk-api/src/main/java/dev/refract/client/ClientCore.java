package dev.refract.client;

import dev.refract.error.ClientClosedException;
import dev.refract.id.IdGenerators;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClientCore(SchemaMeta schema, DatasourceSlot[] slots, Clock clock, IdGenerators idGenerators) {
        this.schema = schema;
        this.slots = slots;
        this.router = new Router(schema, slots);
        this.clock = clock;
        this.idGenerators = idGenerators;
        this.defaults = new WriteDefaults(schema, idGenerators, clock);
        this.includes = new IncludeLoader(schema, router);
        this.nested = new NestedWrites(schema, router, defaults, includes);
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
        return new ClientCore(schema, slots, options.clock(), ids);
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
        return Mono.defer(() -> {
            if (closed.get()) {
                return Mono.error(new ClientClosedException(model));
            }
            if (NestedWrites.applies(operation)) {
                return nested.execute(operation);
            }
            Operation complete = defaults.apply(operation);
            Adapter adapter = router.route(operation.model()).started(model);
            return IncludeLoader.hasIncludes(complete) ? includes.execute(adapter, complete) : adapter.execute(complete);
        });
    }

    /**
     * Runs a read of many records on its model's datasource and streams the rows. Cold. With
     * includes, rows are gathered in chunks whose relations are loaded while the read still streams,
     * on a second connection of the datasource's pool.
     */
    public Flux<Row> stream(Operation operation) {
        String model = schema.model(operation.model()).name();
        return Flux.defer(() -> {
            if (closed.get()) {
                return Flux.error(new ClientClosedException(model));
            }
            Adapter adapter = router.route(operation.model()).started(model);
            return IncludeLoader.hasIncludes(operation) ? includes.stream(adapter, operation) : adapter.stream(operation);
        });
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes every started adapter; completes when all are released. Calls made afterwards signal
     * {@link ClientClosedException}. Idempotent.
     */
    public Mono<Void> closeAsync() {
        return Mono.defer(() -> {
            closed.set(true);
            List<Mono<Void>> closing = new ArrayList<>(slots.length);
            for (DatasourceSlot slot : slots) {
                closing.add(slot.close());
            }
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
