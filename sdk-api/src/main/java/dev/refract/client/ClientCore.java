package dev.refract.client;

import dev.refract.error.ClientClosedException;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
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
 */
public final class ClientCore implements AutoCloseable {

    private final SchemaMeta schema;
    private final DatasourceSlot[] slots;
    private final Router router;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClientCore(SchemaMeta schema, DatasourceSlot[] slots) {
        this.schema = schema;
        this.slots = slots;
        this.router = new Router(schema, slots);
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
        return new ClientCore(schema, slots);
    }

    /** The schema this client serves. */
    public SchemaMeta schema() {
        return schema;
    }

    /** Runs {@code operation} on its model's datasource and collects the result. Cold. */
    public Mono<Result> execute(Operation operation) {
        String model = schema.model(operation.model()).name();
        return Mono.defer(() -> {
            if (closed.get()) {
                return Mono.error(new ClientClosedException(model));
            }
            return router.route(operation.model()).adapter(model).flatMap(adapter -> adapter.execute(operation));
        });
    }

    /** Runs a read of many records on its model's datasource and streams the rows. Cold. */
    public Flux<Row> stream(Operation operation) {
        String model = schema.model(operation.model()).name();
        return Flux.defer(() -> {
            if (closed.get()) {
                return Flux.error(new ClientClosedException(model));
            }
            return router.route(operation.model()).adapter(model).flatMapMany(adapter -> adapter.stream(operation));
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
