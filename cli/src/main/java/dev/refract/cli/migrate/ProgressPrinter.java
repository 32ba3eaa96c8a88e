package dev.refract.cli.migrate;

import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.mongo.migrate.MongoMigrationEvent;
import dev.refract.mongo.migrate.MongoMigrationListener;
import dev.refract.r2dbc.migrate.MigrationEvent;
import dev.refract.r2dbc.migrate.MigrationListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a migration command's progress, one line per migration: its name and position when it
 * starts, completed by its elapsed time when it is applied or fails, so a long migration shows what
 * is running while it runs.
 */
final class ProgressPrinter implements MigrationListener, MongoMigrationListener {

    private final PrintWriter out;

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(MigrationEvent event) {
        synchronized (out) {
            if (event instanceof MigrationEvent.WaitingForLock waiting) {
                out.println("  waiting for the migration lock (" + waiting.lock() + "), which another command holds...");
            } else if (event instanceof MigrationEvent.NamespaceDropped dropped) {
                out.println("  dropped " + DiagnosticSummary.plural(dropped.dropped().size(), "object")
                        + (dropped.dropped().isEmpty() ? "" : ": " + String.join(", ", dropped.dropped())));
            } else if (event instanceof MigrationEvent.Started started) {
                out.print("  " + started.migration() + " (" + started.position() + "/" + started.count() + ", "
                        + DiagnosticSummary.plural(started.statements(), "statement") + ") ... ");
            } else if (event instanceof MigrationEvent.Applied applied) {
                out.println("applied in " + seconds(applied.elapsed()));
            } else if (event instanceof MigrationEvent.Failed failed) {
                out.println("FAILED after " + seconds(failed.elapsed()));
            }
            out.flush();
        }
    }

    @Override
    public void on(MongoMigrationEvent event) {
        synchronized (out) {
            if (event instanceof MongoMigrationEvent.WaitingForLock waiting) {
                out.println("  waiting for the migration lock (" + waiting.lock() + "), which another command"
                        + " holds...");
            } else if (event instanceof MongoMigrationEvent.CollectionsDropped dropped) {
                out.println("  dropped " + DiagnosticSummary.plural(dropped.dropped().size(), "collection")
                        + (dropped.dropped().isEmpty() ? "" : ": " + String.join(", ", dropped.dropped())));
            } else if (event instanceof MongoMigrationEvent.Started started) {
                out.print("  " + started.migration() + " (" + started.position() + "/" + started.count() + ", "
                        + DiagnosticSummary.plural(started.steps(), "step") + ") ... ");
            } else if (event instanceof MongoMigrationEvent.Applied applied) {
                out.println("applied in " + seconds(applied.elapsed()));
            } else if (event instanceof MongoMigrationEvent.Failed failed) {
                out.println("FAILED after " + seconds(failed.elapsed()));
            }
            out.flush();
        }
    }

    private static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.2f s", elapsed.toNanos() / 1e9);
    }
}
