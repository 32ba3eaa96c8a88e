package dev.refract.mongo.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.meta.SchemaMeta;
import dev.refract.test.isolation.MongoNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** db push on MongoDB: the indexes of a schema, read back with listIndexes. One database per test. */
class MongoPushIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String MODELS = """
            model User {
              id       String    @id @default(auto()) @map("_id") @db.ObjectId
              email    String    @unique
              nickname String?   @unique
              team     String
              number   Int
              joinedAt DateTime
              @@unique([team, number])
              @@index([team, joinedAt])
              @@map("users")
            }

            model Session {
              id        String   @id @default(auto()) @map("_id") @db.ObjectId
              token     String
              expiresAt DateTime @map("expires_at")
              @@index([expiresAt], expireAfterSeconds: 3600)
              @@index([token], map: "by_token")
            }
            """;

    private static MongoNamespace namespace;
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        namespace = MongoNamespace.create("mongo_push");
        client = namespace.connect();
    }

    @AfterAll
    static void drop() {
        client.close();
        namespace.close();
    }

    private MongoDatabase database(String name) {
        return client.getDatabase(namespace.database() + "_" + name);
    }

    private static PushReport push(SchemaMeta schema, MongoDatabase database) {
        return MongoPush.push(schema, 0, database).block(TIMEOUT);
    }

    /** The indexes of {@code collection} by name, each as listIndexes reports it without its version. */
    private static Map<String, Document> indexes(MongoDatabase database, String collection) {
        Map<String, Document> indexes = new TreeMap<>();
        Flux.from(database.getCollection(collection).listIndexes()).toIterable(Integer.MAX_VALUE).forEach(index -> {
            index.remove("v");
            index.remove("ns");
            indexes.put(index.getString("name"), index);
        });
        return indexes;
    }

    @Test
    void pushCreatesExactlyTheIndexesTheSchemaAsksFor() {
        MongoDatabase database = database("exact");
        try {
            PushReport report = push(TestSchemas.mongo(namespace.mongoUrl(), MODELS), database);

            assertThat(report.createdCollections()).containsExactly("users", "Session");
            Map<String, Document> users = indexes(database, "users");
            assertThat(users.keySet()).containsExactlyInAnyOrder("_id_", "users_email_key", "users_nickname_key",
                    "users_team_number_key", "users_team_joinedAt_idx");
            assertThat(users.get("users_email_key").get("key", Document.class)).isEqualTo(new Document("email", 1));
            assertThat(users.get("users_email_key").getBoolean("unique")).isTrue();
            assertThat(users.get("users_team_number_key").get("key", Document.class))
                    .isEqualTo(new Document("team", 1).append("number", 1));
            assertThat(users.get("users_team_joinedAt_idx").get("unique")).isNull();
            assertThat(users.get("users_nickname_key").get("partialFilterExpression", Document.class))
                    .isEqualTo(new Document("nickname", new Document("$type", "string")));
            Map<String, Document> sessions = indexes(database, "Session");
            assertThat(sessions.keySet()).containsExactlyInAnyOrder("_id_", "Session_expires_at_idx", "by_token");
            assertThat(sessions.get("Session_expires_at_idx").get("key", Document.class))
                    .isEqualTo(new Document("expires_at", 1));
            assertThat(((Number) sessions.get("Session_expires_at_idx").get("expireAfterSeconds")).longValue())
                    .isEqualTo(3600L);
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }

    @Test
    void aSecondPushChangesNothing() {
        MongoDatabase database = database("again");
        try {
            SchemaMeta schema = TestSchemas.mongo(namespace.mongoUrl(), MODELS);
            push(schema, database);
            Map<String, Document> before = indexes(database, "users");

            assertThat(push(schema, database).steps()).isEmpty();
            assertThat(indexes(database, "users")).isEqualTo(before);
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }

    @Test
    void aChangedSchemaChangesOnlyWhatChanged() {
        MongoDatabase database = database("changed");
        try {
            push(TestSchemas.mongo(namespace.mongoUrl(), MODELS), database);
            String changed = MODELS.replace("@@index([team, joinedAt])", "@@index([joinedAt])")
                    .replace("expireAfterSeconds: 3600", "expireAfterSeconds: 60");

            PushReport report = push(TestSchemas.mongo(namespace.mongoUrl(), changed), database);

            assertThat(report.steps()).extracting(SchemaStep::describe).containsExactly(
                    "drop index users_team_joinedAt_idx of users",
                    "drop index Session_expires_at_idx of Session",
                    "create index users_joinedAt_idx (joinedAt) on users",
                    "create TTL index Session_expires_at_idx (expires_at, expires after 60 s) on Session");
            assertThat(report.droppedIndexes()).containsExactly("users.users_team_joinedAt_idx",
                    "Session.Session_expires_at_idx");
            assertThat(indexes(database, "users").keySet()).containsExactlyInAnyOrder("_id_", "users_email_key",
                    "users_nickname_key", "users_team_number_key", "users_joinedAt_idx");
            assertThat(((Number) indexes(database, "Session").get("Session_expires_at_idx").get("expireAfterSeconds"))
                    .longValue()).isEqualTo(60L);
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }

    @Test
    void aDatabaseThatKeepsAMigrationHistoryIsRefused() {
        MongoDatabase database = database("history");
        try {
            Mono.from(database.getCollection("_refract_migrations").insertOne(new Document("name", "x")))
                    .block(TIMEOUT);

            assertThatThrownBy(() -> push(TestSchemas.mongo(namespace.mongoUrl(), MODELS), database))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The database of datasource 'docs' keeps a migration history (_refract_migrations):"
                            + " change it with migrations (refract migrate dev, then deploy), not db push, or it"
                            + " drifts from its history");
            assertThat(Flux.from(database.listCollectionNames()).collectList().block(TIMEOUT))
                    .containsExactly("_refract_migrations");
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }

    /**
     * The in-process server keeps an index's partialFilterExpression but indexes every document, so
     * this runs on a real MongoDB only (MONGODB_URL).
     */
    @Test
    void documentsWithoutAValueOfAnOptionalUniqueFieldNeverCollide() {
        Assumptions.assumeTrue(System.getenv("MONGODB_URL") != null,
                "the in-process MongoDB server does not honour partial indexes: set MONGODB_URL to run this");
        MongoDatabase database = database("optional");
        try {
            push(TestSchemas.mongo(namespace.mongoUrl(), MODELS), database);
            var users = database.getCollection("users");
            Mono.from(users.insertMany(List.of(
                    new Document("email", "a@example.com").append("team", "x").append("number", 1),
                    new Document("email", "b@example.com").append("team", "x").append("number", 2),
                    new Document("email", "c@example.com").append("nickname", null).append("team", "x")
                            .append("number", 3),
                    new Document("email", "d@example.com").append("nickname", "dee").append("team", "x")
                            .append("number", 4)))).block(TIMEOUT);

            assertThatThrownBy(() -> Mono.from(users.insertOne(new Document("email", "e@example.com")
                    .append("nickname", "dee").append("team", "x").append("number", 5))).block(TIMEOUT))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }
}
