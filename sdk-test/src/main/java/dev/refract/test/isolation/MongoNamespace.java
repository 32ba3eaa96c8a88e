package dev.refract.test.isolation;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.refract.test.services.MongoService;
import dev.refract.test.services.ServerEndpoint;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A MongoDB database of its own for one test class. MongoDB creates a database on its first
 * write, so there is nothing to create up front; {@link #close()} drops it.
 */
public final class MongoNamespace extends AbstractTestNamespace implements TestNamespace {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private MongoNamespace(ServerEndpoint endpoint, String database) {
        super(endpoint, database);
    }

    /** A database named after {@code label} on this JVM's MongoDB server. */
    public static MongoNamespace create(String label) {
        return create(MongoService.endpoint(), label);
    }

    /** A database named after {@code label} on {@code endpoint}. */
    public static MongoNamespace create(ServerEndpoint endpoint, String label) {
        return new MongoNamespace(endpoint, NamespaceNames.generate(label));
    }

    /** The database's name. */
    public String database() {
        return name();
    }

    /** The connection string naming this database, e.g. {@code mongodb://127.0.0.1:27017/rt_myit_3fa9c2e17b04}. */
    public String mongoUrl() {
        return endpoint().withDatabase(database()).mongoUrl();
    }

    /** A client for this namespace's server with test timeouts; the caller closes it. */
    public MongoClient connect() {
        return MongoService.connect(endpoint().withDatabase(database()));
    }

    @Override
    void drop() {
        try (MongoClient client = connect()) {
            Mono.from(client.getDatabase(database()).drop()).block(COMMAND_TIMEOUT);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not drop the MongoDB database " + database() + " on "
                    + endpoint().describe() + ": " + e.getMessage(), e);
        }
    }
}
