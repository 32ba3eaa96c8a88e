package dev.refract.test.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The public entry point that starts an embedded server on request, without looking for another first. */
class EmbeddedServersIT {

    @Test
    void startsAnEmbeddedServerOfTheKindAskedForAndStopsItOnce() {
        EmbeddedServer server = EmbeddedServers.start(ServerKind.MONGODB);
        try {
            assertThat(server.endpoint().origin()).isEqualTo(ServerOrigin.EMBEDDED);
            assertThat(server.endpoint().kind()).isEqualTo(ServerKind.MONGODB);
            try (MongoClient client = MongoService.connect(server.endpoint())) {
                Document pong = Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1)))
                        .block(Duration.ofSeconds(10));
                assertThat(pong).isNotNull();
                assertThat(pong.get("ok", Number.class).intValue()).isEqualTo(1);
            }
        } finally {
            server.stop();
        }
        assertThat(server.stopped()).isTrue();
        server.stop();
        assertThat(server.stopped()).as("a second stop does nothing").isTrue();
    }
}
