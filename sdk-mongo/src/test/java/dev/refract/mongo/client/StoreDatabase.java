package dev.refract.mongo.client;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.meta.PoolMeta;
import dev.refract.mongo.MongoAdapter;
import dev.refract.mongo.MongoAdapterOptions;
import dev.refract.mongo.schema.MongoPush;
import dev.refract.mongo.store.RefractClient;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.spi.AdapterConfig;
import dev.refract.test.isolation.MongoNamespace;
import java.time.Duration;

/**
 * The store schema in a MongoDB database of a test class's own, its collections and indexes pushed:
 * a generated client on it, an adapter for operations the client does not build, and the driver to
 * read documents back as stored. Closing drops the database.
 */
final class StoreDatabase implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final MongoNamespace namespace;
    private final MongoClient driver;
    private final RefractClient client;
    private final MongoAdapter adapter;

    private StoreDatabase(MongoNamespace namespace, MongoClient driver, RefractClient client, MongoAdapter adapter) {
        this.namespace = namespace;
        this.driver = driver;
        this.client = client;
        this.adapter = adapter;
    }

    /** A database named after {@code label}, with the store schema's collections and indexes. */
    static StoreDatabase open(String label) {
        MongoNamespace namespace = MongoNamespace.create(label);
        MongoClient driver = namespace.connect();
        MongoPush.push(RefractClientMetadata.SCHEMA, 0, driver.getDatabase(namespace.database())).block(WAIT);
        RefractClient client = RefractClient.builder().datasource("docs", namespace.mongoUrl()).build();
        MongoAdapter adapter = new MongoAdapter(new AdapterConfig(RefractClientMetadata.SCHEMA,
                RefractClientMetadata.DOCS_DATASOURCE, namespace.mongoUrl(), PoolMeta.DEFAULTS),
                MongoAdapterOptions.defaults());
        return new StoreDatabase(namespace, driver, client, adapter);
    }

    RefractClient client() {
        return client;
    }

    MongoAdapter adapter() {
        return adapter;
    }

    /** The database as the driver sees it, to read or write documents behind the client's back. */
    MongoDatabase database() {
        return driver.getDatabase(namespace.database());
    }

    /** Deletes every order, customer and setting. */
    void empty() {
        client.order().deleteMany().block(WAIT);
        client.customer().deleteMany().block(WAIT);
        client.setting().deleteMany().block(WAIT);
    }

    @Override
    public void close() {
        adapter.close().block(WAIT);
        client.close();
        driver.close();
        namespace.close();
    }
}
