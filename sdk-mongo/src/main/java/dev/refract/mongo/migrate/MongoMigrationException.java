package dev.refract.mongo.migrate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a migration command of a MongoDB datasource refused to run or stopped. Each kind names the
 * migration or directory involved and says how to go on, in the words the SQL datasources use.
 */
public abstract sealed class MongoMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MongoMigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The migrations directory cannot be read as a history, or lacks a migration a command named. */
    public static final class DirectoryProblem extends MongoMigrationException {

        private static final long serialVersionUID = 1L;

        DirectoryProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Applied migrations whose files changed since: deploy applies nothing until they are restored. */
    public static final class Edited extends MongoMigrationException {

        private static final long serialVersionUID = 1L;

        private final transient List<MongoMigrationStatus.Edited> edited;

        Edited(List<MongoMigrationStatus.Edited> edited) {
            super(edited.stream().map(migration -> "Migration " + migration.name() + " was edited after it was"
                    + " applied: the history records checksum " + migration.recordedChecksum() + " but its "
                    + MigrationFile.NAME + " now has checksum " + migration.currentChecksum() + ".")
                    .collect(Collectors.joining(" ")) + " Restore " + (edited.size() == 1 ? "the file" : "the files")
                    + " as applied (from version control) and put the change into a new migration", null);
            this.edited = List.copyOf(edited);
        }

        /** The edited migrations with both checksums. */
        public List<MongoMigrationStatus.Edited> edited() {
            return edited;
        }
    }

    /** A migration failed earlier and was not resolved since: deploy applies nothing after it. */
    public static final class Unresolved extends MongoMigrationException {

        private static final long serialVersionUID = 1L;

        Unresolved(MongoHistoryEntry failed, String datasource) {
            super("Migration " + failed.name() + " failed when it was deployed at " + failed.startedAt()
                    + (failed.logs() == null ? "" : " (" + failed.logs() + ")") + ", and deploy applies nothing after"
                    + " a failure. Either fix its " + MigrationFile.NAME + ", undo by hand what it left behind, run"
                    + " `refract migrate resolve --rolled-back " + failed.name() + " --datasource " + datasource
                    + "` and deploy again; or finish its work by hand and run `refract migrate resolve --applied "
                    + failed.name() + " --datasource " + datasource + "`", null);
        }
    }

    /** A step of a migration failed during deploy; the failure is recorded in the history first. */
    public static final class Failed extends MongoMigrationException {

        private static final long serialVersionUID = 1L;

        private final String migration;
        private final int appliedSteps;

        Failed(String migration, int step, Throwable cause) {
            super("Migration " + migration + " failed at step " + step + " of its " + MigrationFile.NAME + ": "
                    + cause.getMessage() + ". " + (step == 1 ? "No step of it was applied."
                            : "The " + (step == 2 ? "step" : step - 1 + " steps") + " before it stayed applied"
                                    + " (MongoDB applies collection and index changes one by one)."), cause);
            this.migration = migration;
            this.appliedSteps = step - 1;
        }

        /** The failed migration's directory name. */
        public String migration() {
            return migration;
        }

        /** How many steps before the failed one were applied and remain. */
        public int appliedSteps() {
            return appliedSteps;
        }
    }

    /** The migration lock could not be taken in time. */
    public static final class LockNotTaken extends MongoMigrationException {

        private static final long serialVersionUID = 1L;

        LockNotTaken(String message) {
            super(message, null);
        }
    }

    /** {@code migrate resolve} named a migration that is not in a state it can settle. */
    public static final class ResolveRefused extends MongoMigrationException {

        private static final long serialVersionUID = 1L;

        ResolveRefused(String message) {
            super(message, null);
        }
    }
}
