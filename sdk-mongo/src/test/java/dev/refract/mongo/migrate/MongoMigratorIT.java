package dev.refract.mongo.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.test.isolation.MongoNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The migrator on the in-process MongoDB server (a real one with MONGODB_URL): one database per test. */
class MongoMigratorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static MongoNamespace namespace;
    private static MongoClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        namespace = MongoNamespace.create("mongo_migrator");
        client = namespace.connect();
    }

    @AfterAll
    static void drop() {
        client.close();
        namespace.close();
    }

    /** A database of the test's own, short enough for MongoDB's limit on database names. */
    private static MongoDatabase database(TestInfo test) {
        return client.getDatabase(namespace.database() + "_"
                + Integer.toHexString(test.getTestMethod().orElseThrow().getName().hashCode()));
    }

    private MongoMigrationDirectory migrations(String... namesAndSteps) throws IOException {
        for (int i = 0; i < namesAndSteps.length; i += 2) {
            Path file = dir.resolve("docs").resolve(namesAndSteps[i]).resolve(MigrationFile.NAME);
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndSteps[i + 1]);
        }
        return MongoMigrationDirectory.read(dir, "docs");
    }

    private static List<String> collections(MongoDatabase database) {
        return Flux.from(database.listCollectionNames()).collectList().block(TIMEOUT);
    }

    @Test
    void aLockWhoseLeaseRanOutIsTakenOverAndALiveOneMakesTheCommandWaitThenGiveUp(TestInfo test) throws IOException {
        MongoDatabase database = database(test);
        try {
            MongoMigrationDirectory directory = migrations("20240101000000_a", "[{\"create\": \"A\"}]");
            var locks = database.getCollection(MigrationLock.COLLECTION);
            Mono.from(locks.insertOne(new Document("_id", "migrate").append("owner", "a command that died")
                    .append("expires_at", Date.from(Instant.now().minusSeconds(1))))).block(TIMEOUT);

            assertThat(MongoMigrator.of(database).deploy(directory).block(TIMEOUT).applied())
                    .containsExactly("20240101000000_a");
            assertThat(Flux.from(locks.find()).collectList().block(TIMEOUT)).isEmpty();

            Mono.from(locks.insertOne(new Document("_id", "migrate").append("owner", "a command at work")
                    .append("expires_at", Date.from(Instant.now().plusSeconds(60))))).block(TIMEOUT);
            List<MongoMigrationEvent> events = new ArrayList<>();
            MongoMigrator waiting = MongoMigrator.of(database).withListener(events::add)
                    .withLock(Duration.ofMillis(300), Duration.ofSeconds(30));

            assertThatThrownBy(() -> waiting.deploy(directory).block(TIMEOUT))
                    .isInstanceOf(MongoMigrationException.LockNotTaken.class)
                    .hasMessageStartingWith("Could not take the migration lock (_refract_migrations_lock) within 0 s:"
                            + " another `refract migrate` command holds it on this database.");
            assertThat(events).containsExactly(new MongoMigrationEvent.WaitingForLock("_refract_migrations_lock"));
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }

    @Test
    void aCommandWaitingForTheLockTakesItOnceTheHoldersLeaseRunsOut(TestInfo test) throws IOException {
        MongoDatabase database = database(test);
        try {
            MongoMigrationDirectory directory = migrations("20240101000000_a", "[{\"create\": \"A\"}]");
            Mono.from(database.getCollection(MigrationLock.COLLECTION).insertOne(new Document("_id", "migrate")
                    .append("owner", "a command that stopped renewing")
                    .append("expires_at", Date.from(Instant.now().plusMillis(700))))).block(TIMEOUT);
            List<MongoMigrationEvent> events = new ArrayList<>();

            MongoDeployReport report = MongoMigrator.of(database).withListener(events::add)
                    .withLock(Duration.ofSeconds(10), Duration.ofSeconds(30)).deploy(directory).block(TIMEOUT);

            assertThat(report.applied()).containsExactly("20240101000000_a");
            assertThat(events.get(0)).isEqualTo(new MongoMigrationEvent.WaitingForLock("_refract_migrations_lock"));
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }

    @Test
    void resolveAppliedRecordsAMigrationWithoutRunningIt(TestInfo test) throws IOException {
        MongoDatabase database = database(test);
        try {
            MongoMigrationDirectory directory = migrations("20240101000000_a", "[{\"create\": \"A\"}]",
                    "20240102000000_b", "[{\"create\": \"B\"}]");
            MongoMigrator migrator = MongoMigrator.of(database);

            migrator.resolveApplied(directory, "20240101000000_a").block(TIMEOUT);

            MongoMigrationStatus status = migrator.status(directory).block(TIMEOUT);
            assertThat(status.applied()).extracting(MongoHistoryEntry::name).containsExactly("20240101000000_a");
            assertThat(status.pending()).extracting(MongoMigration::name).containsExactly("20240102000000_b");
            assertThat(collections(database)).doesNotContain("A");
            assertThatThrownBy(() -> migrator.resolveApplied(directory, "20240101000000_a").block(TIMEOUT))
                    .isInstanceOf(MongoMigrationException.ResolveRefused.class)
                    .hasMessage("Migration 20240101000000_a is applied already, so there is nothing to resolve: to"
                            + " change what it did, write a new migration");
            assertThatThrownBy(() -> migrator.resolveRolledBack(directory, "20240102000000_b").block(TIMEOUT))
                    .isInstanceOf(MongoMigrationException.ResolveRefused.class)
                    .hasMessageContaining("has no unresolved failure in the history of datasource docs");
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }

    @Test
    void resetDropsEveryCollectionAndAppliesTheMigrationsAgain(TestInfo test) throws IOException {
        MongoDatabase database = database(test);
        try {
            MongoMigrationDirectory directory = migrations("20240101000000_a", "[{\"create\": \"A\"}]");
            MongoMigrator migrator = MongoMigrator.of(database);
            migrator.deploy(directory).block(TIMEOUT);
            Mono.from(database.getCollection("A").insertOne(new Document("x", 1))).block(TIMEOUT);
            Mono.from(database.getCollection("Stray").insertOne(new Document("x", 1))).block(TIMEOUT);

            assertThatThrownBy(() -> migrator.reset(directory, false).block(TIMEOUT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirm it");
            MongoDeployReport report = migrator.reset(directory, true).block(TIMEOUT);

            assertThat(report.applied()).containsExactly("20240101000000_a");
            assertThat(collections(database)).contains("A").doesNotContain("Stray");
            assertThat(Mono.from(database.getCollection("A").countDocuments()).block(TIMEOUT)).isZero();
            assertThat(migrator.status(directory).block(TIMEOUT).upToDate()).isTrue();
        } finally {
            Mono.from(database.drop()).block(TIMEOUT);
        }
    }
}
