package dev.refract.test.services;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB server of this test run, chosen once per JVM: {@code MONGODB_URL} if set; else the
 * in-process mongo-java-server (memory backend), shut down when the JVM exits. A local mongod
 * is not looked for: the in-process server starts in milliseconds and keeps nothing.
 */
public final class MongoService {

    private MongoService() {
    }

    /**
     * The server for this JVM, resolved on first call.
     *
     * @throws IllegalStateException saying why when no server can be had
     */
    public static ServerEndpoint endpoint() {
        return Shared.SERVER.endpoint();
    }

    /**
     * A client for {@code endpoint} with short server-selection and connect timeouts, so a
     * missing server fails a test in seconds; the caller closes it.
     */
    public static MongoClient connect(ServerEndpoint endpoint) {
        return connect(endpoint, Duration.ofSeconds(10));
    }

    private static final class Shared {
        static final SharedServer SERVER = SharedServer.resolveOnce(resolver());
    }

    static ServiceResolver resolver() {
        return new ServiceResolver(ServerKind.MONGODB, List.of(), MongoService::check, MongoService::startEmbedded);
    }

    static void check(ServerEndpoint endpoint, Duration timeout) {
        try (MongoClient client = connect(endpoint, timeout)) {
            Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1)))
                    .block(timeout.plusSeconds(1));
        }
    }

    static EmbeddedServer startEmbedded() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.MONGODB, ServerOrigin.EMBEDDED,
                address.getAddress().getHostAddress(), address.getPort(), "", "", "test", "");
        return EmbeddedServer.of(endpoint, server::shutdownNow);
    }

    private static MongoClient connect(ServerEndpoint endpoint, Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(endpoint.mongoUrl()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS))
                .build();
        return MongoClients.create(settings);
    }
}
