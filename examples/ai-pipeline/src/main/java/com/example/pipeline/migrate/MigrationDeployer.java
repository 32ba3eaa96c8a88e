package com.example.pipeline.migrate;

import com.example.pipeline.servers.DatasourceServers;
import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.mongo.migrate.MongoMigrationDirectory;
import dev.refract.mongo.migrate.MongoMigrator;
import dev.refract.r2dbc.migrate.MigrationDirectory;
import dev.refract.r2dbc.migrate.Migrator;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deploys the committed migrations of every relational and MongoDB datasource at start-up, through the
 * same API {@code refract migrate deploy} uses ({@link Migrator}, {@link MongoMigrator}): pending
 * migrations are applied in order, under the history's lock, and an up-to-date database is left alone.
 * A Redis datasource has nothing to migrate.
 */
public final class MigrationDeployer {

    private final SchemaMeta schema;
    private final Path migrations;

    /**
     * A deployer of the migrations under {@code migrations} (one directory per datasource, as
     * {@code refract migrate dev} writes them) for the datasources of {@code schema}.
     */
    public MigrationDeployer(SchemaMeta schema, Path migrations) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
    }

    /** What one datasource's deploy did. */
    public record Deployed(String datasource, List<String> applied) {

        /** e.g. {@code db: applied 1 migration (20261122081732_init)} or {@code db: up to date}. */
        public String describe() {
            return applied.isEmpty() ? datasource + ": up to date"
                    : datasource + ": applied " + applied.size() + (applied.size() == 1 ? " migration (" : " migrations (")
                            + String.join(", ", applied) + ")";
        }
    }

    /**
     * Deploys each datasource's migrations on the server {@code servers} chose for it, one datasource after
     * the other; the directories are read on a scheduler meant for blocking work.
     *
     * @return one {@link Deployed} per relational or MongoDB datasource; an error naming the directory when
     *         a datasource's migrations are missing, or the datasource when its server refuses
     */
    public Flux<Deployed> deploy(DatasourceServers servers) {
        return Flux.fromIterable(schema.datasources())
                .filter(datasource -> datasource.provider() != Provider.REDIS)
                .concatMap(datasource -> deploy(datasource, servers.url(datasource.name())));
    }

    private Mono<Deployed> deploy(DatasourceMeta datasource, String url) {
        Path directory = migrations.resolve(datasource.name());
        if (!Files.isDirectory(directory)) {
            return Mono.error(new IllegalStateException("datasource '" + datasource.name() + "' has no migrations:"
                    + " " + directory.toAbsolutePath() + " does not exist. Run the example from its directory, or"
                    + " write them with refract migrate dev."));
        }
        if (datasource.provider() == Provider.MONGODB) {
            return Mono.fromCallable(() -> MongoMigrationDirectory.read(migrations, datasource.name()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(read -> deployMongo(datasource, url, read));
        }
        return Mono.fromCallable(() -> MigrationDirectory.read(migrations, datasource.name()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(read -> Migrator.of(ConnectionFactories.get(url), datasource.provider()).deploy(read))
                .map(report -> new Deployed(datasource.name(), report.applied()));
    }

    private static Mono<Deployed> deployMongo(DatasourceMeta datasource, String url, MongoMigrationDirectory read) {
        ConnectionString connection = new ConnectionString(url);
        if (connection.getDatabase() == null) {
            return Mono.error(new IllegalArgumentException("the URL of datasource '" + datasource.name() + "' ("
                    + UrlRedaction.redact(url) + ") names no database: add it after the host, e.g."
                    + " mongodb://host:27017/pipeline"));
        }
        return Mono.usingWhen(Mono.fromSupplier(() -> MongoClients.create(connection)),
                client -> MongoMigrator.of(client.getDatabase(connection.getDatabase())).deploy(read)
                        .map(report -> new Deployed(datasource.name(), report.applied())),
                MigrationDeployer::close);
    }

    private static Mono<Void> close(MongoClient client) {
        return Mono.fromRunnable(client::close);
    }
}
