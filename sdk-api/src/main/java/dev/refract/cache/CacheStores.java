package dev.refract.cache;

import dev.refract.error.UrlRedaction;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.spi.AdapterConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The cache stores of one client, one per cache datasource, each created on first use by the
 * provider found for its datasource's provider and closed with the client.
 */
final class CacheStores {

    private final SchemaMeta schema;
    private final List<CacheStoreProvider> providers;
    private final Function<DatasourceMeta, AdapterConfig> configs;
    private final AtomicReferenceArray<CacheStore> stores;
    /**
     * Per datasource, why its store could not be made (no provider, an unusable URL, a missing
     * environment variable): a fault of the configuration, kept so that each read does not try again.
     */
    private final AtomicReferenceArray<IllegalStateException> unavailable;

    CacheStores(SchemaMeta schema, List<CacheStoreProvider> providers, Function<DatasourceMeta, AdapterConfig> configs) {
        this.schema = schema;
        this.providers = List.copyOf(providers);
        this.configs = configs;
        this.stores = new AtomicReferenceArray<>(schema.datasources().size());
        this.unavailable = new AtomicReferenceArray<>(schema.datasources().size());
    }

    /** The store of the cache datasource at {@code index}, created now if it was not; signals why it cannot be. */
    Mono<CacheStore> store(int index) {
        return Mono.defer(() -> {
            CacheStore current = stores.get(index);
            if (current != null) {
                return Mono.just(current);
            }
            IllegalStateException failure = unavailable.get(index);
            if (failure != null) {
                return Mono.error(failure);
            }
            try {
                return Mono.just(started(index));
            } catch (IllegalStateException e) {
                unavailable.compareAndSet(index, null, e);
                return Mono.error(e);
            }
        });
    }

    private CacheStore started(int index) {
        CacheStore current = stores.get(index);
        if (current != null) {
            return current;
        }
        DatasourceMeta datasource = schema.datasource(index);
        CacheStoreProvider provider = providers.stream().filter(p -> p.supports(datasource.provider())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No cache store serves datasource '" + datasource.name()
                        + "' (provider " + datasource.provider().schemaName() + "): put the artifact of its adapter,"
                        + " such as refract-sdk-redis, on the class path"));
        CacheStore created;
        try {
            created = provider.create(configs.apply(datasource));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The cache store of datasource '" + datasource.name()
                    + "' could not start: " + UrlRedaction.redact(String.valueOf(e.getMessage())), e);
        }
        if (stores.compareAndSet(index, null, created)) {
            return created;
        }
        created.close().subscribe(null, error -> { });
        return stores.get(index);
    }

    /** Closes every store created; completes when all are released. */
    Mono<Void> close() {
        List<Mono<Void>> closing = new ArrayList<>();
        for (int i = 0; i < stores.length(); i++) {
            CacheStore store = stores.getAndSet(i, null);
            if (store != null) {
                closing.add(store.close().onErrorResume(error -> Mono.empty()));
            }
        }
        return Mono.when(closing);
    }
}
