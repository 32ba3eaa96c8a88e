package dev.refract.boot.autoconfigure;

import dev.refract.client.ClientOptions;
import dev.refract.client.OperationListener;
import dev.refract.meta.PoolMeta;
import java.util.List;
import java.util.Map;

/** Turns the {@code refract.*} properties, the listeners and the customizers into client options. */
final class ClientOptionsAssembly {

    private ClientOptionsAssembly() {}

    /**
     * The options: each datasource's URL and pool settings of {@code properties} as overrides, every
     * listener told of each operation, then the customizers in order.
     *
     * @throws IllegalArgumentException naming the property when a pool setting is out of range
     */
    static ClientOptions assemble(RefractProperties properties, List<OperationListener> listeners,
            List<RefractClientOptionsCustomizer> customizers) {
        ClientOptions.Builder options = ClientOptions.builder();
        for (Map.Entry<String, RefractProperties.Datasource> entry : properties.datasources().entrySet()) {
            String name = entry.getKey();
            RefractProperties.Datasource datasource = entry.getValue();
            if (datasource.url() != null && !datasource.url().isBlank()) {
                options.datasource(name, datasource.url());
            }
            RefractProperties.Pool pool = datasource.pool();
            try {
                options.pool(name, new PoolMeta(pool.size(), pool.minIdle(), pool.acquireTimeout(), pool.maxIdleTime()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("refract.datasources." + name + ".pool: " + e.getMessage(), e);
            }
        }
        if (listeners.size() == 1) {
            options.listener(listeners.get(0));
        } else if (!listeners.isEmpty()) {
            List<OperationListener> all = List.copyOf(listeners);
            options.listener(event -> all.forEach(listener -> listener.operationEnded(event)));
        }
        customizers.forEach(customizer -> customizer.customize(options));
        return options.build();
    }
}
