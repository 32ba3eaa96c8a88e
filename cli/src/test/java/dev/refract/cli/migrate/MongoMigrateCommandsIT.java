package dev.refract.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.cli.CommandLineRun;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code refract db push} and {@code refract migrate …} on MongoDB datasources as a user runs them,
 * against the in-process MongoDB server (a real one with MONGODB_URL), one database per test.
 */
class MongoMigrateCommandsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String GENERATOR = """
            generator client {
              provider = "refract-java"
              package  = "com.example.db"
            }
            """;

    private static final String SESSION = """
            model Session {
              id        String   @id @default(auto()) @map("_id") @db.ObjectId
              token     String   @unique
              expiresAt DateTime
              @@index([expiresAt], expireAfterSeconds: 3600)
              @@datasource(docs)
            }
            """;

    @TempDir
    Path dir;

    private CommandLineRun refract;
    private MongoNamespace mongo;
    private MongoClient client;

    @BeforeEach
    void start() {
        refract = new CommandLineRun(dir);
        mongo = MongoNamespace.create("mongo_migrate_cli");
        client = mongo.connect();
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    private MongoDatabase database() {
        return client.getDatabase(mongo.database());
    }

    private int run(String... args) {
        return refract.run(args);
    }

    private String docs() {
        return "datasource docs {\n  provider = \"mongodb\"\n  url = \"" + mongo.mongoUrl() + "\"\n}\n";
    }

    private void schema(String text) throws IOException {
        Files.writeString(dir.resolve("schema.prisma"), text + "\n" + GENERATOR);
    }

    private void migration(String name, String json) throws IOException {
        Path file = dir.resolve("migrations/docs").resolve(name).resolve("migration.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    private List<Document> history() {
        return Flux.from(database().getCollection("_refract_migrations").find()).collectList().block(TIMEOUT);
    }

    private List<String> indexNames(String collection) {
        return Flux.from(database().getCollection(collection).listIndexes()).map(index -> index.getString("name"))
                .collectList().block(TIMEOUT);
    }

    @Test
    void pushCreatesTheIndexesSaysWhatItDroppedAndLeavesRedisAlone() throws Exception {
        schema(docs() + "datasource cache {\n  provider = \"redis\"\n  url = \"redis://127.0.0.1:6379\"\n}\n"
                + SESSION);

        assertThat(run("db", "push")).as(refract::err).isZero();
        assertThat(refract.out()).contains("Datasource 'docs' (mongodb, ").contains("created 1 collection and 2 indexes,"
                + " dropped 0 indexes:").contains("  create TTL index Session_expiresAt_idx (expiresAt, expires after"
                + " 3600 s) on Session").contains("Datasource 'cache': left alone, a Redis datasource keeps no tables or"
                + " collections: nothing to migrate.");
        assertThat(indexNames("Session")).containsExactlyInAnyOrder("_id_", "Session_token_key", "Session_expiresAt_idx");

        assertThat(run("db", "push")).isZero();
        assertThat(refract.out()).contains("already in sync with the schema.");

        schema(docs() + SESSION.replace("@unique", ""));
        assertThat(run("db", "push")).isZero();
        assertThat(refract.out()).contains("created 0 collections and 0 indexes, dropped 1 index:")
                .contains("  drop index Session_token_key of Session");
        assertThat(indexNames("Session")).containsExactlyInAnyOrder("_id_", "Session_expiresAt_idx");
    }

    @Test
    void devWritesAMigrationDeployAppliesAndRecordsItAndStatusReportsIt() throws Exception {
        schema(docs() + SESSION);

        assertThat(run("migrate", "dev", "--name", "sessions", "--create-only")).as(refract::err).isZero();
        Path written;
        try (Stream<Path> files = Files.walk(dir.resolve("migrations/docs"))) {
            written = files.filter(file -> file.getFileName().toString().equals("migration.json")).findFirst()
                    .orElseThrow();
        }
        assertThat(written.getParent().getFileName().toString()).matches("\\d{14}_sessions");
        assertThat(Files.readString(written)).startsWith("[\n  {\"create\": \"Session\"},\n  {\"createIndexes\":"
                + " \"Session\", \"indexes\": [{\"key\": {\"token\": 1}, \"name\": \"Session_token_key\", \"unique\":"
                + " true}]},\n");
        assertThat(written.resolveSibling("schema.prisma")).exists();
        String name = written.getParent().getFileName().toString();

        assertThat(run("migrate", "status")).isEqualTo(1);
        assertThat(refract.out()).contains("not up to date, 0 applied, 1 pending.").contains("  pending  " + name);

        assertThat(run("migrate", "deploy")).as(refract::err).isZero();
        assertThat(refract.out()).containsPattern(name + " \\(1/1, 3 steps\\) \\.\\.\\. applied in")
                .contains("  applied 1 migration.");
        assertThat(indexNames("Session")).contains("Session_token_key", "Session_expiresAt_idx");
        Document recorded = history().get(0);
        assertThat(recorded.getString("name")).isEqualTo(name);
        assertThat(recorded.getString("checksum")).hasSize(64);
        assertThat(recorded.getDate("started_at")).isNotNull();
        assertThat(recorded.getDate("finished_at")).isNotNull();
        assertThat(recorded.get("rolled_back_at")).isNull();
        assertThat(recorded.getInteger("applied_steps_count")).isEqualTo(3);

        assertThat(run("migrate", "status")).isZero();
        assertThat(refract.out()).contains("up to date, 1 applied, 0 pending.").contains("  applied  " + name);
        assertThat(run("migrate", "dev", "--name", "again")).isZero();
        assertThat(refract.out()).contains("in sync with its migrations: no migration written.");
        assertThat(run("migrate", "diff", "--from", "migrations", "--to", "database")).isZero();
        assertThat(refract.out()).contains("are the same: nothing to do.");
    }

    @Test
    void statusReportsAnIndexMadeByHandAsDrift() throws Exception {
        schema(docs() + SESSION);
        assertThat(run("migrate", "dev", "--name", "sessions")).as(refract::err).isZero();
        Mono.from(database().getCollection("Session").createIndex(new Document("token", 1).append("expiresAt", 1),
                new IndexOptions().name("by_hand"))).block(TIMEOUT);

        assertThat(run("migrate", "status")).isEqualTo(1);

        assertThat(refract.out()).contains("not up to date, 1 applied, 0 pending.")
                .contains("  drift    index by_hand of Session is not made by the migrations as the database has it");
        assertThat(run("migrate", "diff", "--from", "database", "--to", "migrations")).isZero();
        assertThat(refract.out()).contains("{\"dropIndexes\": \"Session\", \"index\": \"by_hand\"}");
    }

    @Test
    void anEditedAppliedMigrationIsRefusedByName() throws Exception {
        schema(docs() + SESSION);
        migration("20240101000000_init", "[{\"create\": \"Session\"}]\n");
        assertThat(run("migrate", "deploy")).as(refract::err).isZero();

        migration("20240101000000_init", "[{\"create\": \"Sessions\"}]\n");

        assertThat(run("migrate", "deploy")).isEqualTo(1);
        assertThat(refract.err()).contains("Migration 20240101000000_init was edited after it was applied: the history"
                + " records checksum ").contains("Restore the file as applied");
        assertThat(run("migrate", "status")).isEqualTo(1);
        assertThat(refract.out()).contains("  edited   20240101000000_init: applied with checksum ");
    }

    @Test
    void aFailingStepIsRecordedAndResolveLetsDeployContinue() throws Exception {
        schema(docs() + SESSION);
        migration("20240101000000_one", "[{\"create\": \"One\"}]\n");
        migration("20240102000000_two", "[{\"create\": \"Two\"}, {\"noSuchCommand\": 1}, {\"create\": \"Three\"}]\n");
        migration("20240103000000_four", "[{\"create\": \"Four\"}]\n");

        assertThat(run("migrate", "deploy")).isEqualTo(1);
        assertThat(refract.err()).contains("Migration 20240102000000_two failed at step 2 of its migration.json")
                .contains("The step before it stayed applied");
        assertThat(run("migrate", "status")).isEqualTo(1);
        assertThat(refract.out()).contains("  failed   20240102000000_two (1 steps applied)")
                .contains("  pending  20240103000000_four");
        assertThat(run("migrate", "deploy")).isEqualTo(1);
        assertThat(refract.err()).contains("Migration 20240102000000_two failed when it was deployed at")
                .contains("refract migrate resolve --rolled-back 20240102000000_two --datasource docs");

        migration("20240102000000_two", "[{\"create\": \"Two\"}, {\"create\": \"Three\"}]\n");
        assertThat(run("migrate", "resolve", "--rolled-back", "20240102000000_two")).as(refract::err).isZero();
        assertThat(run("migrate", "deploy")).as(refract::err).isZero();
        assertThat(refract.out()).contains("  applied 2 migrations.");
        assertThat(Flux.from(database().listCollectionNames()).collectList().block(TIMEOUT))
                .contains("One", "Two", "Three", "Four");
        assertThat(run("migrate", "status")).isZero();
    }

    @Test
    void fourConcurrentDeploysApplyEveryMigrationOnceAndAllExitCleanly() throws Exception {
        schema(docs() + SESSION);
        for (int i = 1; i <= 5; i++) {
            migration("2024010" + i + "000000_m" + i, "[{\"create\": \"C" + i + "\"}, {\"createIndexes\": \"C" + i
                    + "\", \"indexes\": [{\"key\": {\"a\": 1}, \"name\": \"C" + i + "_a_idx\"}]}]\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> deploy = () -> new CommandLineRun(dir).run("migrate", "deploy");
                runs.add(pool.submit(deploy));
            }
            for (Future<Integer> deploy : runs) {
                assertThat(deploy.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> applied = history().stream().filter(entry -> entry.getDate("finished_at") != null)
                .collect(Collectors.groupingBy(entry -> entry.getString("name"), Collectors.counting()));
        assertThat(applied).hasSize(5).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
        assertThat(history()).hasSize(5);
    }

    @Test
    void aSchemaWithPostgresAndMongoMigratesBothEachIndependently() throws Exception {
        try (PostgresNamespace postgres = PostgresNamespace.create("mongo_migrate_cli")) {
            schema("datasource db {\n  provider = \"postgresql\"\n  url = \"" + postgres.r2dbcUrl() + "\"\n}\n"
                    + docs() + "model Note {\n  id Int @id\n}\n" + SESSION);

            assertThat(run("migrate", "dev", "--name", "init")).as(refract::err).isZero();

            try (Stream<Path> files = Files.walk(dir.resolve("migrations"))) {
                assertThat(files.map(file -> dir.relativize(file).toString().replaceAll("\\d{14}", "T")))
                        .contains("migrations/db/T_init/migration.sql", "migrations/docs/T_init/migration.json");
            }
            assertThat(indexNames("Session")).contains("Session_token_key");
            assertThat(run("migrate", "status")).isZero();
            assertThat(refract.out()).contains("Datasource 'db' (").contains("Datasource 'docs' (")
                    .contains("up to date, 1 applied, 0 pending.");
        }
    }
}
