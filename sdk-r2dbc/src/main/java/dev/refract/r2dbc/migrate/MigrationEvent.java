package dev.refract.r2dbc.migrate;

import java.time.Duration;
import java.util.List;

/**
 * What a migration command reports while it runs, for a {@link MigrationListener} to show: the
 * command line prints one line per migration with its elapsed time.
 */
public sealed interface MigrationEvent {

    /**
     * Another command holds the migration lock; this one waits for it (up to the lock timeout).
     *
     * @param lock the lock: PostgreSQL's advisory lock key or MySQL's lock name
     */
    record WaitingForLock(String lock) implements MigrationEvent {
    }

    /**
     * Reset dropped what the namespace held before applying the migrations again.
     *
     * @param dropped each object dropped, e.g. {@code table "User"}
     */
    record NamespaceDropped(List<String> dropped) implements MigrationEvent {
        public NamespaceDropped {
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * A migration started.
     *
     * @param migration  its directory name
     * @param position   its position among the migrations this run applies, from 1
     * @param count      how many migrations this run applies
     * @param statements how many statements its script has
     */
    record Started(String migration, int position, int count, int statements) implements MigrationEvent {
    }

    /**
     * A migration was applied and recorded.
     *
     * @param migration its directory name
     * @param elapsed   how long it took
     */
    record Applied(String migration, Duration elapsed) implements MigrationEvent {
    }

    /**
     * A migration failed; the failure is recorded and deploy stops.
     *
     * @param migration its directory name
     * @param elapsed   how long it ran before failing
     * @param failure   the failure, with the statement and what remains of the migration
     */
    record Failed(String migration, Duration elapsed, MigrationFailedException failure) implements MigrationEvent {
    }
}
