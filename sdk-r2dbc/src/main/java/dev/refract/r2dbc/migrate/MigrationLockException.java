package dev.refract.r2dbc.migrate;

import java.time.Duration;

/**
 * The migration lock of the database could not be taken in time: another deploy, reset or
 * resolve holds it, on this or another machine.
 */
public final class MigrationLockException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String lock;

    MigrationLockException(String lock, Duration waited) {
        super("Could not take the migration lock " + lock + " within " + waited.toSeconds() + " s: another"
                + " `refract migrate` command holds it on this database. Wait for it to finish and run again,"
                + " or allow a longer wait; a command that died releases the lock when its connection closes");
        this.lock = lock;
    }

    MigrationLockException(String lock, String problem) {
        super("Could not take the migration lock " + lock + ": " + problem);
        this.lock = lock;
    }

    /** The lock: PostgreSQL's advisory lock key or MySQL's lock name. */
    public String lock() {
        return lock;
    }
}
