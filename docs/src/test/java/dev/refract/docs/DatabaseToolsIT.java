package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import dev.refract.meta.Provider;
import dev.refract.mongo.MongoAdapterOptions;
import dev.refract.mongo.MongoAdapterProvider;
import dev.refract.mongo.migrate.MongoDeployReport;
import dev.refract.mongo.migrate.MongoMigrationDirectory;
import dev.refract.mongo.migrate.MongoMigrationStatus;
import dev.refract.mongo.migrate.MongoMigrator;
import dev.refract.mongo.schema.MongoPush;
import dev.refract.mongo.schema.PushReport;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.migrate.DeployReport;
import dev.refract.r2dbc.migrate.MigrationDirectory;
import dev.refract.r2dbc.migrate.MigrationStatus;
import dev.refract.r2dbc.migrate.Migrator;
import dev.refract.r2dbc.migrate.ResetReport;
import dev.refract.r2dbc.migrate.ResolveRefusedException;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The samples that create tables and indexes, migrate databases and tune an adapter. */
@RefractTestDatabases
class DatabaseToolsIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseToolsIT.class);

    @Test
    void dbPushCreatesTheTablesOfADatasource(PostgresNamespace postgres) {
        String url = postgres.r2dbcUrl();

        // tag::dbPush[]
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(url)).block();
        // end::dbPush[]

        try (RefractClient db = RefractClient.builder().datasource("db", url).build()) {
            assertThat(db.pipelineStep().count().block()).isZero();
        }
    }

    @Test
    void theMongoAdapterTakesOptionsInCode(MongoNamespace mongo) {
        String mongoUrl = mongo.mongoUrl();
        List<String> commands = new CopyOnWriteArrayList<>();
        CommandListener myListener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        };

        // tag::mongoOptions[]
        RefractClient db = RefractClient.builder()
            .datasource("docs", mongoUrl)
            .adapterProvider(new MongoAdapterProvider(MongoAdapterOptions.defaults()
                .withFetchSize(500)
                .withSettings(settings -> settings.addCommandListener(myListener))))
            .build();
        // end::mongoOptions[]

        try (db) {
            assertThat(db.contentItem().count().block()).isZero();
            assertThat(commands).isNotEmpty();
        }
    }

    @Test
    void migrationsOfARelationalDatasourceRunFromJava(PostgresNamespace postgres) {
        String url = postgres.r2dbcUrl();

        // tag::migrator[]
        MigrationDirectory migrations = MigrationDirectory.read(Path.of("prisma/migrations"), "db"); // reads files: blocking
        Migrator migrator = Migrator.of(ConnectionFactories.get(url), Provider.POSTGRESQL)
                .withListener(event -> log.info("{}", event))       // Started, Applied(elapsed), Failed, WaitingForLock, …
                .withLockTimeout(Duration.ofMinutes(5));

        Mono<DeployReport> deploy = migrator.deploy(migrations);              // nothing runs until subscription
        Mono<MigrationStatus> status = migrator.status(migrations);
        Mono<Void> retry = migrator.resolveRolledBack(migrations, "20240703141500_add_orders");
        Mono<ResetReport> reset = migrator.reset(migrations, true);           // true: the user confirmed
        // end::migrator[]

        assertThat(deploy.block().applied()).containsExactly("20240612093000_init", "20240703141500_add_orders");
        assertThat(status.block().applied()).hasSize(2);
        assertThatThrownBy(retry::block).isInstanceOf(ResolveRefusedException.class);   // it did not fail
        assertThat(reset.block().deploy().applied()).hasSize(2);
    }

    @Test
    void migrationsOfAMongoDatasourceRunFromJava(MongoNamespace mongo) {
        try (MongoClient mongoClient = mongo.connect()) {
            String database = mongo.database();

            // tag::mongoMigrator[]
            MongoMigrationDirectory migrations = MongoMigrationDirectory.read(Path.of("prisma/migrations"), "docs"); // blocking
            MongoMigrator migrator = MongoMigrator.of(mongoClient.getDatabase(database))
                    .withListener(event -> log.info("{}", event))               // Started, Applied, Failed, WaitingForLock, …
                    .withLock(Duration.ofMinutes(5), Duration.ofSeconds(30));   // wait for the lock, and its lease

            Mono<MongoDeployReport> deploy = migrator.deploy(migrations);
            Mono<MongoMigrationStatus> status = migrator.status(migrations);   // with the drift of the indexes
            // db push, for a database that keeps no migration history: one or the other
            Mono<PushReport> push = MongoPush.push(RefractClientMetadata.SCHEMA, 1, mongoClient.getDatabase(database));
            // end::mongoMigrator[]

            assertThat(deploy.block().applied()).containsExactly("20240612093000_init");
            assertThat(status.block().applied()).hasSize(1);
            assertThatThrownBy(push::block).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keeps a migration history");
        }
    }
}
