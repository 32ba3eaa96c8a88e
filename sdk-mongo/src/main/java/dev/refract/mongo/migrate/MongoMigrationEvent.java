package dev.refract.mongo.migrate;

import java.time.Duration;
import java.util.List;

/** What a migration command of a MongoDB datasource reports while it runs, for a {@link MongoMigrationListener}. */
public sealed interface MongoMigrationEvent {

    /**
     * Another command holds the migration lock; this one waits for it (up to the lock timeout).
     *
     * @param lock the lock: the collection of its document, {@code _refract_migrations_lock}
     */
    record WaitingForLock(String lock) implements MongoMigrationEvent {
    }

    /**
     * Reset dropped the database's collections before applying the migrations again.
     *
     * @param dropped each collection dropped
     */
    record CollectionsDropped(List<String> dropped) implements MongoMigrationEvent {
        public CollectionsDropped {
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * A migration started.
     *
     * @param migration its directory name
     * @param position  its position among the migrations this run applies, from 1
     * @param count     how many migrations this run applies
     * @param steps     how many steps it has
     */
    record Started(String migration, int position, int count, int steps) implements MongoMigrationEvent {
    }

    /**
     * A migration was applied and recorded.
     *
     * @param migration its directory name
     * @param elapsed   how long it took
     */
    record Applied(String migration, Duration elapsed) implements MongoMigrationEvent {
    }

    /**
     * A migration failed; the failure is recorded and deploy stops.
     *
     * @param migration its directory name
     * @param elapsed   how long it ran before failing
     */
    record Failed(String migration, Duration elapsed) implements MongoMigrationEvent {
    }
}
