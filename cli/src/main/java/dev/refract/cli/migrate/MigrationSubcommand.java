package dev.refract.cli.migrate;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.cli.datasource.DatasourceCommand;
import dev.refract.cli.datasource.MongoDatabases;
import dev.refract.mongo.migrate.MongoMigrationDirectory;
import dev.refract.mongo.migrate.MongoMigrator;
import dev.refract.r2dbc.migrate.MigrationDirectory;
import dev.refract.r2dbc.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What the {@code migrate} subcommands share: the migrations directory beside the schema, and a
 * {@link Migrator} per relational datasource ({@link MongoMigrator} per MongoDB one) that prints its
 * progress, with its failures turned into messages.
 */
abstract class MigrationSubcommand extends DatasourceCommand {

    /** The directory beside the schema file that holds one migrations directory per datasource. */
    static final String MIGRATIONS = "migrations";

    MigrationSubcommand(UnaryOperator<String> environment) {
        super(environment);
    }

    /** The migrator of {@code target}'s database, printing its progress. */
    final Migrator migrator(Selected target) {
        return Migrator.of(target.connections(), target.datasource().provider()).withListener(new ProgressPrinter(out()));
    }

    /** The migrator of a MongoDB datasource's {@code database}, printing its progress. */
    final MongoMigrator mongoMigrator(MongoDatabase database) {
        return MongoMigrator.of(database).withListener(new ProgressPrinter(out()));
    }

    @Override
    protected boolean worksOnMongo() {
        return true;
    }

    /** What a subcommand does with one MongoDB datasource's migrations and its migrator. */
    @FunctionalInterface
    interface MongoWork {

        void run(Selected datasource, MongoMigrationDirectory migrations, MongoMigrator migrator);
    }

    /**
     * Runs {@code work} for each selected relational datasource and {@code mongoWork} for each MongoDB
     * one. Without {@code --datasource}, a datasource without a migrations directory is said to have
     * none and skipped.
     */
    final void forEachHistory(Path schema, MigrationWork work, MongoWork mongoWork) {
        Path root = schema.getParent().resolve(MIGRATIONS);
        forEachDatasource(schema, target -> {
            String name = target.datasource().name();
            if (datasourceOption() == null && !Files.isDirectory(root.resolve(name))) {
                out().println("Datasource '" + name + "': no migrations (" + display(root.resolve(name))
                        + " does not exist).");
                return;
            }
            if (target.isMongo()) {
                MongoMigrationDirectory migrations = MongoMigrationDirectory.read(root, name);
                MongoDatabases.with(target, database -> {
                    mongoWork.run(target, migrations, mongoMigrator(database));
                    return null;
                });
            } else {
                work.run(target, MigrationDirectory.read(root, name), migrator(target));
            }
        });
    }

    /** What a subcommand does with one datasource's migrations and its migrator. */
    @FunctionalInterface
    interface MigrationWork {

        void run(Selected datasource, MigrationDirectory migrations, Migrator migrator);
    }

}
