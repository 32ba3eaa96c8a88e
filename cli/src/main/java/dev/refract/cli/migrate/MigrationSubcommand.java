package dev.refract.cli.migrate;

import dev.refract.cli.datasource.DatasourceCommand;
import dev.refract.r2dbc.migrate.MigrationDirectory;
import dev.refract.r2dbc.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What the {@code migrate} subcommands share: the migrations directory beside the schema, and a
 * {@link Migrator} per datasource that prints its progress, with its failures turned into messages.
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

    /** What a subcommand does with one datasource's migrations and its migrator. */
    @FunctionalInterface
    interface MigrationWork {

        void run(Selected datasource, MigrationDirectory migrations, Migrator migrator);
    }

    /**
     * Runs {@code work} for each selected datasource. Without {@code --datasource}, a datasource
     * without a migrations directory is said to have none and skipped; named, it is an error.
     */
    final void forEachHistory(Path schema, MigrationWork work) {
        Path root = schema.getParent().resolve(MIGRATIONS);
        forEachDatasource(schema, target -> {
            String name = target.datasource().name();
            if (datasourceOption() == null && !Files.isDirectory(root.resolve(name))) {
                out().println("Datasource '" + name + "': no migrations (" + display(root.resolve(name))
                        + " does not exist).");
                return;
            }
            work.run(target, MigrationDirectory.read(root, name), migrator(target));
        });
    }
}
