package dev.refract.r2dbc.migrate;

/**
 * Receives the {@link MigrationEvent}s of a migration command as they happen. It is called on the
 * thread that runs the command's database work, so it must return quickly and never block:
 * printing a line is fine, waiting for input is not. An exception it throws fails the command.
 */
@FunctionalInterface
public interface MigrationListener {

    /** A listener that ignores every event. */
    MigrationListener IGNORE = event -> {
    };

    /** Receives one event. */
    void on(MigrationEvent event);
}
