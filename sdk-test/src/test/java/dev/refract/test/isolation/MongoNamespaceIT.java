package dev.refract.test.isolation;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MongoNamespaceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void documentsWrittenThroughTheUrlAreReadBackFromItsDatabase() {
        try (MongoNamespace namespace = MongoNamespace.create("MongoNamespaceIT");
             MongoClient client = MongoClients.create(namespace.mongoUrl())) {
            String database = new com.mongodb.ConnectionString(namespace.mongoUrl()).getDatabase();
            assertThat(database).isEqualTo(namespace.database());

            Mono.from(client.getDatabase(database).getCollection("items")
                    .insertOne(new Document("_id", 1).append("name", "first"))).block(WAIT);

            assertThat(names(client, namespace)).containsExactly("first");
        }
    }

    @Test
    void twoNamespacesDoNotSeeEachOthersDocuments() {
        try (MongoNamespace first = MongoNamespace.create("MongoNamespaceIT");
             MongoNamespace second = MongoNamespace.create("MongoNamespaceIT");
             MongoClient client = first.connect()) {
            for (MongoNamespace namespace : List.of(first, second)) {
                Mono.from(client.getDatabase(namespace.database()).getCollection("items")
                        .insertOne(new Document("name", namespace.database()))).block(WAIT);
            }
            assertThat(names(client, first)).containsExactly(first.database());
            assertThat(names(client, second)).containsExactly(second.database());
        }
    }

    @Test
    void closingDropsTheDatabaseAndTwiceDoesNoHarm() {
        MongoNamespace namespace = MongoNamespace.create("MongoNamespaceIT");
        try (MongoClient client = namespace.connect()) {
            Mono.from(client.getDatabase(namespace.database()).getCollection("items")
                    .insertOne(new Document("name", "x"))).block(WAIT);
            assertThat(databases(client)).contains(namespace.database());

            namespace.close();
            namespace.close();

            assertThat(databases(client)).doesNotContain(namespace.database());
        }
    }

    private static List<String> names(MongoClient client, MongoNamespace namespace) {
        return Flux.from(client.getDatabase(namespace.database()).getCollection("items").find())
                .map(document -> document.getString("name"))
                .collectList()
                .block(WAIT);
    }

    private static List<String> databases(MongoClient client) {
        return Flux.from(client.listDatabaseNames()).collectList().block(WAIT);
    }
}
