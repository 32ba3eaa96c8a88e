package dev.refract.r2dbc.migrate;

import java.time.Instant;

/**
 * One row of the {@code _refract_migrations} table: one attempt to apply a migration. A migration
 * that failed and was retried has one rolled-back row per failed attempt and one applied row.
 *
 * @param id           the attempt's id, a random UUID
 * @param checksum     the checksum of the script that was applied or attempted
 * @param name         the migration's directory name
 * @param startedAt    when the attempt started
 * @param finishedAt   when it finished, or {@code null} while it has not (failed, or under way)
 * @param logs         what went wrong, or {@code null}
 * @param rolledBackAt when {@code migrate resolve --rolled-back} (or {@code --applied} on a failed
 *                     attempt) settled it, or {@code null}
 * @param appliedSteps how many statements of the script were applied (on PostgreSQL a migration is
 *                     applied whole or not at all, so a failed attempt holds 0)
 */
public record HistoryEntry(String id, String checksum, String name, Instant startedAt, Instant finishedAt,
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
