package dev.refract.mongo.migrate;

/**
 * Receives the {@link MongoMigrationEvent}s of a migration command as they happen, on the thread
 * that runs the command's database work: it must return quickly and never block.
 */
@FunctionalInterface
public interface MongoMigrationListener {

    /** A listener that ignores every event. */
    MongoMigrationListener IGNORE = event -> {
    };

    /** Receives one event. */
    void on(MongoMigrationEvent event);
}
