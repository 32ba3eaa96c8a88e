package dev.refract.mongo.migrate;

import java.time.Instant;

/**
 * One document of the {@code _refract_migrations} collection: one attempt to apply a migration. A
 * migration that failed and was retried has one rolled-back document per failed attempt and one
 * applied document.
 *
 * @param id           the attempt's id
 * @param checksum     the checksum of the file that was applied or attempted
 * @param name         the migration's directory name
 * @param startedAt    when the attempt started
 * @param finishedAt   when it finished, or {@code null} while it has not (failed, or under way)
 * @param logs         what went wrong, or {@code null}
 * @param rolledBackAt when {@code migrate resolve} settled it, or {@code null}
 * @param appliedSteps how many of its steps were applied (MongoDB applies them one by one)
 */
public record MongoHistoryEntry(String id, String checksum, String name, Instant startedAt, Instant finishedAt,
        String logs, Instant rolledBackAt, int appliedSteps) {

    /** Where an attempt stands. */
    public enum State {
        /** Finished and not rolled back: the migration is applied. */
        APPLIED,
        /** Neither finished nor rolled back: it failed (or is being applied right now), and deploy stops at it. */
        FAILED,
        /** Marked rolled back: the attempt no longer counts, and deploy applies the migration again. */
        ROLLED_BACK
    }

    /** Where this attempt stands. */
    public State state() {
        if (rolledBackAt != null) {
            return State.ROLLED_BACK;
        }
        return finishedAt != null ? State.APPLIED : State.FAILED;
    }
}
