package dev.refract.r2dbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationStatusTest {

    private static final Instant T = Instant.parse("2024-06-12T09:30:00Z");

    private static Migration migration(String name, String checksum) {
        return new Migration(name, Path.of("migrations", "db", name, "migration.sql"), "SELECT 1", checksum);
    }

    private static HistoryEntry applied(String name, String checksum) {
        return new HistoryEntry(name + "-ok", checksum, name, T, T, null, null, 1);
    }

    private static HistoryEntry failed(String name, String checksum) {
        return new HistoryEntry(name + "-failed", checksum, name, T, null, "statement 1 failed", null, 0);
    }

    private static HistoryEntry rolledBack(String name, String checksum) {
        return new HistoryEntry(name + "-rolled-back", checksum, name, T, null, "statement 1 failed", T, 0);
    }

    private static MigrationDirectory directory(Migration... migrations) {
        return new MigrationDirectory("db", Path.of("migrations", "db"), List.of(migrations));
    }

    @Test
    void aFreshDatabaseHasEverythingPending() {
        MigrationStatus status = MigrationStatus.of(directory(migration("1_a", "x"), migration("2_b", "y")), List.of());
        assertThat(status.pending()).extracting(Migration::name).containsExactly("1_a", "2_b");
        assertThat(status.applied()).isEmpty();
        assertThat(status.upToDate()).isFalse();
        assertThat(status.drift()).isInstanceOf(Drift.NotChecked.class);
    }

    @Test
    void appliedMigrationsWithTheirChecksumAreUpToDate() {
        MigrationStatus status = MigrationStatus.of(directory(migration("1_a", "x"), migration("2_b", "y")),
                List.of(applied("1_a", "x"), applied("2_b", "y")));
        assertThat(status.applied()).extracting(HistoryEntry::name).containsExactly("1_a", "2_b");
        assertThat(status.upToDate()).isTrue();
    }

    @Test
    void aFailedMigrationIsNeitherAppliedNorPendingAndStopsWhatFollows() {
        MigrationStatus status = MigrationStatus.of(
                directory(migration("1_a", "x"), migration("2_b", "y"), migration("3_c", "z")),
                List.of(applied("1_a", "x"), failed("2_b", "old")));
        assertThat(status.failed()).extracting(HistoryEntry::name).containsExactly("2_b");
        assertThat(status.pending()).extracting(Migration::name).containsExactly("3_c");
        assertThat(status.edited()).as("a failed script may change: that is how it gets fixed").isEmpty();
    }

    @Test
    void aRolledBackAttemptMakesTheMigrationPendingAgain() {
        MigrationStatus status = MigrationStatus.of(directory(migration("1_a", "x"), migration("2_b", "fixed")),
                List.of(applied("1_a", "x"), rolledBack("2_b", "old")));
        assertThat(status.failed()).isEmpty();
        assertThat(status.pending()).extracting(Migration::name).containsExactly("2_b");

        MigrationStatus retried = MigrationStatus.of(directory(migration("1_a", "x"), migration("2_b", "fixed")),
                List.of(applied("1_a", "x"), rolledBack("2_b", "old"), applied("2_b", "fixed")));
        assertThat(retried.upToDate()).isTrue();
    }

    @Test
    void anAppliedScriptWithAnotherChecksumIsEdited() {
        MigrationStatus status = MigrationStatus.of(directory(migration("1_a", "new")), List.of(applied("1_a", "old")));
        assertThat(status.edited()).containsExactly(new EditedMigration("1_a",
                Path.of("migrations", "db", "1_a", "migration.sql"), "old", "new"));
        assertThat(status.pending()).isEmpty();
        assertThat(status.upToDate()).isFalse();
    }

    @Test
    void anAppliedMigrationMissingFromTheDirectoryIsReported() {
        MigrationStatus status = MigrationStatus.of(directory(migration("2_b", "y")),
                List.of(applied("1_a", "x"), applied("2_b", "y")));
        assertThat(status.missingFromDirectory()).extracting(HistoryEntry::name).containsExactly("1_a");
        assertThat(status.appliedMigrations(directory(migration("2_b", "y")))).extracting(Migration::name)
                .containsExactly("2_b");
        assertThat(status.upToDate()).isFalse();
    }

    @Test
    void driftFoundMakesTheDatabaseOutOfDate() {
        MigrationStatus status = MigrationStatus.of(directory(migration("1_a", "x")), List.of(applied("1_a", "x")));
        assertThat(status.withDrift(new Drift.None()).upToDate()).isTrue();
        assertThat(status.withDrift(new Drift.Found(List.of("table \"extra\" is not in the history"))).upToDate())
                .isFalse();
    }
}
