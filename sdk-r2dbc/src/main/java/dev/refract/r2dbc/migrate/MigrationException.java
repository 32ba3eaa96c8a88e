package dev.refract.r2dbc.migrate;

/**
 * Why a migration command refused to run or stopped. Each kind names the migration or directory
 * involved and says how to go on; the command line prints the message and exits with an error.
 */
public abstract sealed class MigrationException extends RuntimeException
        permits MigrationDirectoryException, EditedMigrationException, UnresolvedMigrationException,
        MigrationFailedException, MigrationLockException, ResolveRefusedException {

    private static final long serialVersionUID = 1L;

    MigrationException(String message) {
        super(message);
    }

    MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
