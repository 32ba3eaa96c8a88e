package dev.refract.cli.migrate;

import dev.refract.codegen.cli.RefractCommand;
import dev.refract.mongo.migrate.MongoHistoryEntry;
import dev.refract.mongo.migrate.MongoMigrationStatus;
import dev.refract.r2dbc.migrate.Drift;
import dev.refract.r2dbc.migrate.EditedMigration;
import dev.refract.r2dbc.migrate.HistoryEntry;
import dev.refract.r2dbc.migrate.Migration;
import dev.refract.r2dbc.migrate.MigrationStatus;
import dev.refract.r2dbc.migrate.diff.HistoryReplay;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/**
 * {@code refract migrate status}: where each datasource's database stands against its migrations,
 * changing nothing. Exits with 1 unless every one is up to date.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Lists the applied, pending, failed, edited and missing migrations of each relational and"
                + " MongoDB datasource, and the drift of its database from what they make (replayed in a shadow"
                + " namespace, or for MongoDB from their steps),"
                + " changing nothing. Exits with 1 unless every datasource is up to date.")
public final class MigrateStatusCommand extends MigrationSubcommand {

    /** A command reading datasource URLs from the process's environment. */
    public MigrateStatusCommand() {
        this(System::getenv);
    }

    /** A command reading datasource URLs from {@code environment}. */
    public MigrateStatusCommand(UnaryOperator<String> environment) {
        super(environment);
    }

    @Override
    protected int run(Path schema) {
        boolean[] upToDate = {true};
        forEachHistory(schema, (target, migrations, migrator) -> {
            MigrationStatus status = migrator.status(migrations, new HistoryReplay(
                    ConnectionFactoryOptions.parse(target.url()), target.datasource().provider(), target.connections()))
                    .block();
            upToDate[0] &= status.upToDate();
            out().println("Datasource '" + target.datasource().name() + "' (" + target.displayUrl() + "): "
                    + (status.upToDate() ? "up to date" : "not up to date") + ", " + status.applied().size()
                    + " applied, " + status.pending().size() + " pending.");
            for (HistoryEntry applied : status.applied()) {
                out().println("  applied  " + applied.name());
            }
            for (HistoryEntry failed : status.failed()) {
                out().println("  failed   " + failed.name() + " (" + failed.appliedSteps() + " statements applied)");
                if (failed.logs() != null) {
                    failed.logs().lines().forEach(line -> out().println("           " + line));
                }
            }
            for (EditedMigration edited : status.edited()) {
                out().println("  edited   " + edited.name() + ": applied with checksum " + edited.recordedChecksum()
                        + ", the file now has " + edited.currentChecksum());
            }
            for (HistoryEntry missing : status.missingFromDirectory()) {
                out().println("  missing  " + missing.name() + ": applied, but not in the migrations directory");
            }
            for (Migration pending : status.pending()) {
                out().println("  pending  " + pending.name());
            }
            if (status.drift() instanceof Drift.Found found) {
                found.differences().forEach(difference -> out().println("  drift    " + difference));
            }
        }, (target, migrations, migrator) -> {
            MongoMigrationStatus status = migrator.status(migrations).block();
            upToDate[0] &= status.upToDate();
            out().println("Datasource '" + target.datasource().name() + "' (" + target.displayUrl() + "): "
                    + (status.upToDate() ? "up to date" : "not up to date") + ", " + status.applied().size()
                    + " applied, " + status.pending().size() + " pending.");
            status.applied().forEach(applied -> out().println("  applied  " + applied.name()));
            for (MongoHistoryEntry failed : status.failed()) {
                out().println("  failed   " + failed.name() + " (" + failed.appliedSteps() + " steps applied)");
                if (failed.logs() != null) {
                    failed.logs().lines().forEach(line -> out().println("           " + line));
                }
            }
            status.edited().forEach(edited -> out().println("  edited   " + edited.name() + ": applied with checksum "
                    + edited.recordedChecksum() + ", the file now has " + edited.currentChecksum()));
            status.missingFromDirectory().forEach(missing -> out().println("  missing  " + missing.name()
                    + ": applied, but not in the migrations directory"));
            status.pending().forEach(pending -> out().println("  pending  " + pending.name()));
            status.drift().forEach(difference -> out().println("  drift    " + difference));
        });
        return upToDate[0] ? RefractCommand.SUCCESS : RefractCommand.FAILED;
    }
}
