package dev.refract.r2dbc.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a datasource's database stands against its migrations directory: what {@code migrate status}
 * shows, and what deploy checks before applying anything.
 *
 * @param datasource           the datasource's name
 * @param applied              the applied attempts, in the order they were applied
 * @param pending              the migrations of the directory not applied yet, in the order deploy applies them
 * @param failed               failed attempts nobody resolved yet; deploy refuses to run while there is one
 * @param edited               applied migrations whose script changed since; deploy refuses to run while there is one
 * @param missingFromDirectory applied attempts whose migration directory is gone
 * @param drift                what a {@link DriftCheck} found, or {@link Drift.NotChecked}
 */
public record MigrationStatus(String datasource, List<HistoryEntry> applied, List<Migration> pending,
        List<HistoryEntry> failed, List<EditedMigration> edited, List<HistoryEntry> missingFromDirectory, Drift drift) {

    public MigrationStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        edited = List.copyOf(edited);
        missingFromDirectory = List.copyOf(missingFromDirectory);
    }

    /**
     * Compares the directory with the rows of the history table.
     *
     * @param history the rows in the order they were written
     */
    static MigrationStatus of(MigrationDirectory directory, List<HistoryEntry> history) {
        Map<String, HistoryEntry> applied = new LinkedHashMap<>();
        Map<String, HistoryEntry> failed = new LinkedHashMap<>();
        for (HistoryEntry entry : history) {
            switch (entry.state()) {
                case APPLIED -> applied.putIfAbsent(entry.name(), entry);
                case FAILED -> failed.put(entry.name(), entry);
                case ROLLED_BACK -> {
                }
            }
        }
        applied.keySet().forEach(failed::remove);
        List<Migration> pending = new ArrayList<>();
        List<EditedMigration> edited = new ArrayList<>();
        for (Migration migration : directory.migrations()) {
            HistoryEntry entry = applied.get(migration.name());
            if (entry != null && !entry.checksum().equals(migration.checksum())) {
                edited.add(new EditedMigration(migration.name(), migration.script(), entry.checksum(),
                        migration.checksum()));
            } else if (entry == null && !failed.containsKey(migration.name())) {
                pending.add(migration);
            }
        }
        List<HistoryEntry> missing = applied.values().stream()
                .filter(entry -> directory.find(entry.name()).isEmpty())
                .toList();
        return new MigrationStatus(directory.datasource(), List.copyOf(applied.values()), pending,
                List.copyOf(failed.values()), edited, missing, new Drift.NotChecked());
    }

    /** This status with what a drift check found. */
    MigrationStatus withDrift(Drift found) {
        return new MigrationStatus(datasource, applied, pending, failed, edited, missingFromDirectory, found);
    }

    /** The applied migrations that are still in {@code directory}, in the order they were applied. */
    List<Migration> appliedMigrations(MigrationDirectory directory) {
        return applied.stream().flatMap(entry -> directory.find(entry.name()).stream()).toList();
    }

    /** Whether nothing is pending, failed, edited, missing or drifted. */
    public boolean upToDate() {
        return pending.isEmpty() && failed.isEmpty() && edited.isEmpty() && missingFromDirectory.isEmpty()
                && !(drift instanceof Drift.Found);
    }
}
