package dev.refract.test.isolation;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.refract.test.services.MongoService;
import dev.refract.test.services.MysqlService;
import dev.refract.test.services.PostgresService;
import dev.refract.test.services.RedisService;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a small test class through the JUnit engine and checks what the extension did to it:
 * one namespace per kind, shared by the constructor, {@code @BeforeAll} and every test of the
 * class, and all of them dropped once the class is done, although one of its tests failed.
 */
class TestDatabasesExtensionIT {

    @Test
    void everyTestOfAClassSharesItsNamespacesWhichAreDroppedAfterTheClassEvenWhenATestFailed() throws SQLException {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ClassUsingEveryKind.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        List<Map<String, String>> entries = results.allEvents().reportingEntryPublished()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .toList();
        Map<String, Set<String>> namesByKind = entries.stream()
                .flatMap(entry -> entry.entrySet().stream())
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));

        assertThat(namesByKind).containsOnlyKeys("postgres", "mysql", "redis", "mongo");
        assertThat(namesByKind.values()).allSatisfy(names -> assertThat(names).hasSize(1));
        assertThat(namesByKind.get("postgres")).allSatisfy(name -> assertThat(name).startsWith("rt_testdatabasesextensionit_"));

        String schema = namesByKind.get("postgres").iterator().next();
        String database = namesByKind.get("mysql").iterator().next();
        String prefix = namesByKind.get("redis").iterator().next();
        String mongoDatabase = namesByKind.get("mongo").iterator().next();
        assertThat(postgresSchemaExists(schema)).as("schema %s dropped", schema).isFalse();
        assertThat(mysqlDatabaseExists(database)).as("database %s dropped", database).isFalse();
        assertThat(redisKeysUnder(prefix)).as("keys under %s deleted", prefix).isEmpty();
        assertThat(mongoDatabases()).as("database %s dropped", mongoDatabase).doesNotContain(mongoDatabase);
    }

    @Test
    void aNestedClassSharesTheNamespaceOfItsOuterClass() throws SQLException {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ClassWithNestedClass.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        Map<String, String> schemaByClass = results.allEvents().reportingEntryPublished()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .flatMap(entry -> entry.entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(schemaByClass).containsOnlyKeys("outer", "inner");
        assertThat(schemaByClass.get("inner"))
                .isEqualTo(schemaByClass.get("outer"))
                .startsWith("rt_testdatabasesextensionit_class_");
        assertThat(postgresSchemaExists(schemaByClass.get("outer"))).isFalse();
    }

    /** Run above through the engine only. */
    @RefractTestDatabases
    static class ClassWithNestedClass {

        @Test
        void outer(PostgresNamespace postgres, TestReporter reporter) {
            reporter.publishEntry("outer", postgres.schema());
        }

        @org.junit.jupiter.api.Nested
        class Inner {
            @Test
            void inner(PostgresNamespace postgres, TestReporter reporter) {
                reporter.publishEntry("inner", postgres.schema());
            }
        }
    }

    /** Not run by the build itself (a nested class without {@code @Nested}); run above through the engine. */
    @RefractTestDatabases
    static class ClassUsingEveryKind {

        private final PostgresNamespace postgresFromConstructor;

        ClassUsingEveryKind(PostgresNamespace postgres) {
            this.postgresFromConstructor = postgres;
        }

        @BeforeAll
        static void createTable(PostgresNamespace postgres) throws SQLException {
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create table seen (test text)");
            }
        }

        @Test
        void writesToEveryKind(PostgresNamespace postgres, MysqlNamespace mysql, RedisNamespace redis,
                               MongoNamespace mongo, TestReporter reporter) throws SQLException {
            assertThat(postgres).isSameAs(postgresFromConstructor);
            publish(reporter, postgres, mysql, redis, mongo);
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                statement.execute("insert into seen values ('writesToEveryKind')");
            }
            try (Connection connection = mysql.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create table seen (test varchar(40))");
            }
            RedisClient client = RedisClient.create(redis.redisUrl());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().set(redis.key("seen"), "writesToEveryKind");
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
            try (MongoClient mongoClient = mongo.connect()) {
                Mono.from(mongoClient.getDatabase(mongo.database()).getCollection("seen")
                        .insertOne(new Document("test", "writesToEveryKind"))).block(Duration.ofSeconds(30));
            }
        }

        @Test
        void usesTheTableCreatedBeforeAll(PostgresNamespace postgres, MysqlNamespace mysql, RedisNamespace redis,
                                                 MongoNamespace mongo, TestReporter reporter) throws SQLException {
            publish(reporter, postgres, mysql, redis, mongo);
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                statement.execute("insert into seen values ('usesTheTableCreatedBeforeAll')");
            }
        }

        @Test
        void failsOnPurpose(PostgresNamespace postgres) {
            fail("this failure must not keep " + postgres.schema() + " from being dropped");
        }

        private static void publish(TestReporter reporter, PostgresNamespace postgres, MysqlNamespace mysql,
                                    RedisNamespace redis, MongoNamespace mongo) {
            reporter.publishEntry(Map.of("postgres", postgres.schema(), "mysql", mysql.database(),
                    "redis", redis.prefix(), "mongo", mongo.database()));
        }
    }

    private static boolean postgresSchemaExists(String schema) throws SQLException {
        try (Connection connection = PostgresService.connect(PostgresService.endpoint());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select count(*) from information_schema.schemata where schema_name = '" + schema + "'")) {
            return result.next() && result.getInt(1) > 0;
        }
    }

    private static boolean mysqlDatabaseExists(String database) throws SQLException {
        try (Connection connection = MysqlService.connect(MysqlService.endpoint());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select count(*) from information_schema.schemata where schema_name = '" + database + "'")) {
            return result.next() && result.getInt(1) > 0;
        }
    }

    private static List<String> redisKeysUnder(String prefix) {
        RedisClient client = RedisClient.create(RedisService.endpoint().redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys(prefix + "*");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static List<String> mongoDatabases() {
        try (MongoClient client = MongoService.connect(MongoService.endpoint())) {
            return Flux.from(client.listDatabaseNames()).collectList().block(Duration.ofSeconds(30));
        }
    }
}
