package dev.refract.client;

import dev.refract.error.AdapterUnavailableException;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * One datasource of a client: its adapter provider (found when the client is built) and its
 * adapter, created on first use and kept until the client closes.
 */
final class DatasourceSlot {

    private final SchemaMeta schema;
    private final DatasourceMeta datasource;
    private final AdapterProvider provider;
    private final ClientOptions options;
    private final AtomicReference<Adapter> adapter = new AtomicReference<>();

    /** {@code provider} is {@code null} when no adapter on the classpath serves the datasource. */
    DatasourceSlot(SchemaMeta schema, DatasourceMeta datasource, AdapterProvider provider, ClientOptions options) {
        this.schema = schema;
        this.datasource = datasource;
        this.provider = provider;
        this.options = options;
    }

    DatasourceMeta datasource() {
        return datasource;
    }

    /** The adapter if it has started; empty before the first use and after closing. */
    Optional<Adapter> ifStarted() {
        return Optional.ofNullable(adapter.get());
    }

    /**
     * The adapter, started on first subscription. Signals {@link AdapterUnavailableException} when
     * no adapter serves the provider or the adapter cannot start.
     *
     * @param model the model whose call needs it, for the error message
     */
    Mono<Adapter> adapter(String model) {
        return Mono.fromCallable(() -> started(model));
    }

    /**
     * The adapter, started now if it was not: for callers already running at subscription time.
     *
     * @throws AdapterUnavailableException when no adapter serves the provider or the adapter cannot start
     */
    Adapter started(String model) {
        Adapter current = adapter.get();
        if (current != null) {
            return current;
        }
        if (provider == null) {
            throw AdapterUnavailableException.missing(datasource.name(), datasource.provider(), model);
        }
        Adapter created = start(model);
        if (adapter.compareAndSet(null, created)) {
            return created;
        }
        // Another subscriber won the race: release ours and use theirs.
        created.close().subscribe();
        return adapter.get();
    }

    private Adapter start(String model) {
        try {
            String url = DatasourceSettings.url(datasource, options);
            return provider.create(new AdapterConfig(schema, datasource, url, DatasourceSettings.pool(datasource, options)));
        } catch (RuntimeException e) {
            throw new AdapterUnavailableException(datasource.name(), datasource.provider(), model,
                    "The adapter of datasource '" + datasource.name() + "' could not start: "
                            + UrlRedaction.redact(e.getMessage()), e);
        }
    }

    /** Closes the adapter if it was started; completes at once otherwise. */
    Mono<Void> close() {
        return Mono.defer(() -> {
            Adapter started = adapter.getAndSet(null);
            return started == null ? Mono.<Void>empty() : started.close();
        });
    }
}
