package dev.refract.conformance;

import dev.refract.conformance.client.RefractClient;
import dev.refract.conformance.client.RefractClientMetadata;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test class of the kit works with: the generated client of the kit's schema on the class's
 * own store, what the adapter under test can do there, and the scalar-lists client for the tests
 * that need lists. Made once per class by {@link ConformanceExtension}; closing it closes the
 * clients and drops the store's namespace.
 */
public final class ConformanceContext implements AutoCloseable {

    /** How long the kit waits for one call to the store. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final ConformanceStore store;
    private final Capabilities declared;
    private final Capabilities capabilities;
    private final RefractClient client;
    private dev.refract.conformance.lists.client.RefractClient lists;

    private ConformanceContext(ConformanceStore store, Capabilities declared, Capabilities capabilities,
            RefractClient client) {
        this.store = store;
        this.declared = declared;
        this.capabilities = capabilities;
        this.client = client;
    }

    /** Prepares {@code store} for the kit's schema and connects a client to it. */
    static ConformanceContext open(ConformanceStore store) {
        try {
            SchemaMeta schema = RefractClientMetadata.SCHEMA;
            requireProviderOf(schema, store, "conformance.provider");
            Capabilities declared = declaredCapabilities(store, schema);
            Capabilities capabilities = store.narrow(declared);
            store.prepare(schema);
            RefractClient client = RefractClient.builder().datasource(schema.datasource(0).name(), store.url()).build();
            return new ConformanceContext(store, declared, capabilities, client);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Fails when the build generated {@code schema} for another provider than the store's. */
    private static void requireProviderOf(SchemaMeta schema, ConformanceStore store, String property) {
        if (schema.datasource(0).provider() != store.provider()) {
            throw new IllegalStateException("The kit's client was generated for " + schema.datasource(0).provider()
                    .schemaName() + ", but the store under test is " + store.provider().schemaName() + ": set "
                    + property + " to " + store.provider().schemaName() + " in the module's filter of the kit's schemas");
        }
    }

    /** The capabilities the adapter for the store's provider declares, read from a fresh adapter that never connects. */
    private static Capabilities declaredCapabilities(ConformanceStore store, SchemaMeta schema) {
        for (AdapterProvider provider : ServiceLoader.load(AdapterProvider.class)) {
            if (provider.supports(store.provider())) {
                Adapter adapter = provider.create(new AdapterConfig(schema, schema.datasource(0), store.url(),
                        PoolMeta.DEFAULTS));
                try {
                    return adapter.capabilities();
                } finally {
                    adapter.close().block(WAIT);
                }
            }
        }
        throw new IllegalStateException("No adapter on the test class path serves " + store.provider().schemaName()
                + ": add the adapter module as a test dependency of the module that runs the kit");
    }

    /** The client of the kit's schema, connected to the class's store. */
    public RefractClient client() {
        return client;
    }

    /**
     * The client of the kit's scalar-lists schema, its models prepared on first use. Skips the test
     * when the adapter declares no scalar lists, before anything connects.
     */
    public synchronized dev.refract.conformance.lists.client.RefractClient lists() {
        require(Ability.SCALAR_LISTS);
        if (lists == null) {
            requireProviderOf(dev.refract.conformance.lists.client.RefractClientMetadata.SCHEMA, store,
                    "conformance.lists.provider");
            store.prepare(dev.refract.conformance.lists.client.RefractClientMetadata.SCHEMA);
            lists = dev.refract.conformance.lists.client.RefractClient.builder()
                    .datasource(dev.refract.conformance.lists.client.RefractClientMetadata.SCHEMA.datasource(0).name(),
                            store.url())
                    .build();
        }
        return lists;
    }

    /** What the adapter under test declares it can do, narrowed by what the server under test lacks. */
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Skips the running test, naming the capability, unless the adapter and the server have {@code ability}. */
    public void require(Ability ability) {
        Assumptions.assumeTrue(ability.in(capabilities), () -> ability.in(declared)
                ? store.server() + " has no " + ability.capability() + ", though the adapter for "
                        + store.provider().schemaName() + " declares it (the module's ConformanceServer.narrow turns"
                        + " Capabilities." + ability.capability() + " off)"
                : "the adapter for " + store.provider().schemaName() + " declares no " + ability.capability()
                        + " (Capabilities." + ability.capability() + " is false)");
    }

    /**
     * Skips the running test, naming the server and the limit, when the module's server declares
     * {@code limit} ({@link ConformanceStore#limits()}).
     */
    public void skipOnServerWith(ServerLimit limit) {
        Assumptions.assumeFalse(store.limits().contains(limit), () -> store.server() + " " + limit.description()
                + " (ServerLimit." + limit.name() + ", declared by the module's ConformanceServer)");
    }

    /** True when the adapter and the server have {@code ability}, for a test that checks more when they do. */
    public boolean has(Ability ability) {
        return ability.in(capabilities);
    }

    /** Deletes every record of the kit's models, children before parents. */
    public void clear() {
        client.post().deleteMany().block(WAIT);
        client.profile().deleteMany().block(WAIT);
        client.author().deleteMany().block(WAIT);
        client.item().deleteMany().block(WAIT);
        client.tick().deleteMany().block(WAIT);
        client.phrase().deleteMany().block(WAIT);
    }

    /** Closes the clients and drops the store's namespace. */
    @Override
    public synchronized void close() {
        try {
            client.closeAsync().block(WAIT);
            if (lists != null) {
                lists.closeAsync().block(WAIT);
            }
        } finally {
            store.close();
        }
    }

    @Override
    public String toString() {
        return "ConformanceContext[" + store + ", " + capabilities + "]";
    }
}
