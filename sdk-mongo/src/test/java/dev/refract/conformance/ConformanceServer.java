package dev.refract.conformance;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.mongo.schema.MongoPush;
import dev.refract.spi.Capabilities;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.services.ServerOrigin;
import java.time.Duration;
import java.util.Set;

/**
 * The server the conformance kit runs against in this module: MongoDB, each test class in a database
 * of its own whose collections and indexes {@code db push} creates. Without {@code MONGODB_URL} that
 * is the in-process mongo-java-server, a standalone server without transactions or update pipelines;
 * with it, the real MongoDB it names, which keeps every declared ability.
 */
final class ConformanceServer extends ConformanceStore {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MongoNamespace namespace;
    private final boolean inProcess;

    private ConformanceServer(MongoNamespace namespace) {
        this.namespace = namespace;
        this.inProcess = namespace.endpoint().origin() == ServerOrigin.EMBEDDED;
    }

    /** A new database named after {@code label} on this JVM's MongoDB server. */
    static ConformanceServer create(String label) {
        return new ConformanceServer(MongoNamespace.create(label));
    }

    @Override
    public Provider provider() {
        return Provider.MONGODB;
    }

    @Override
    public String url() {
        return namespace.mongoUrl();
    }

    @Override
    public void prepare(SchemaMeta schema) {
        try (MongoClient client = namespace.connect()) {
            MongoPush.push(schema, 0, client.getDatabase(namespace.database())).block(WAIT);
        }
    }

    /** The in-process server is standalone, so it runs no transactions; a real one keeps what the adapter declares. */
    @Override
    public Capabilities narrow(Capabilities declared) {
        if (!inProcess) {
            return declared;
        }
        return declared.withTransactions(false);
    }

    @Override
    public String server() {
        return inProcess ? "the in-process MongoDB server (mongo-java-server)" : "the MongoDB server of MONGODB_URL";
    }

    /** The in-process server runs no update pipelines, which divide is computed with. */
    @Override
    public Set<ServerLimit> limits() {
        return inProcess ? Set.of(ServerLimit.NO_COMPUTED_UPDATES) : Set.of();
    }

    @Override
    public void close() {
        namespace.close();
    }
}
