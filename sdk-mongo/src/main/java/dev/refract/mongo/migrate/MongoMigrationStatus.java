package dev.refract.mongo.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a MongoDB datasource's database stands against its migrations directory: what
 * {@code migrate status} shows, and what deploy checks before applying anything.
 *
 * @param datasource           the datasource's name
 * @param applied              the applied attempts, in the order they were applied
 * @param pending              the migrations not applied yet, in the order deploy applies them
 * @param failed               failed attempts nobody resolved yet; deploy refuses to run while there is one
 * @param edited               applied migrations whose file changed since; deploy refuses to run while there is one
 * @param missingFromDirectory applied attempts whose migration directory is gone
 * @param drift                how the database's collections and indexes differ from what the applied
 *                             migrations make, in words; empty when they agree
 */
public record MongoMigrationStatus(String datasource, List<MongoHistoryEntry> applied, List<MongoMigration> pending,
        List<MongoHistoryEntry> failed, List<Edited> edited, List<MongoHistoryEntry> missingFromDirectory,
        List<String> drift) {

    /**
     * An applied migration whose file no longer has the checksum recorded when it was applied.
     *
     * @param name             the migration's directory name
     * @param recordedChecksum the checksum in the history
     * @param currentChecksum  the checksum of the file now
     */
    public record Edited(String name, String recordedChecksum, String currentChecksum) {
    }

    public MongoMigrationStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        edited = List.copyOf(edited);
        missingFromDirectory = List.copyOf(missingFromDirectory);
        drift = List.copyOf(drift);
    }

    /** Compares the directory with the history, whose documents are in the order they were written. */
    static MongoMigrationStatus of(MongoMigrationDirectory directory, List<MongoHistoryEntry> history) {
        Map<String, MongoHistoryEntry> applied = new LinkedHashMap<>();
        Map<String, MongoHistoryEntry> failed = new LinkedHashMap<>();
        for (MongoHistoryEntry entry : history) {
            switch (entry.state()) {
                case APPLIED -> applied.putIfAbsent(entry.name(), entry);
                case FAILED -> failed.put(entry.name(), entry);
                case ROLLED_BACK -> {
                }
            }
        }
        applied.keySet().forEach(failed::remove);
        List<MongoMigration> pending = new ArrayList<>();
        List<Edited> edited = new ArrayList<>();
        for (MongoMigration migration : directory.migrations()) {
            MongoHistoryEntry entry = applied.get(migration.name());
            if (entry != null && !entry.checksum().equals(migration.checksum())) {
                edited.add(new Edited(migration.name(), entry.checksum(), migration.checksum()));
            } else if (entry == null && !failed.containsKey(migration.name())) {
                pending.add(migration);
            }
        }
        List<MongoHistoryEntry> missing = applied.values().stream()
                .filter(entry -> directory.find(entry.name()).isEmpty()).toList();
        return new MongoMigrationStatus(directory.datasource(), List.copyOf(applied.values()), pending,
                List.copyOf(failed.values()), edited, missing, List.of());
    }

    /** This status with the {@code drift} found. */
    MongoMigrationStatus withDrift(List<String> drift) {
        return new MongoMigrationStatus(datasource, applied, pending, failed, edited, missingFromDirectory, drift);
    }

    /** The applied migrations that are still in {@code directory}, in the order they were applied. */
    List<MongoMigration> appliedMigrations(MongoMigrationDirectory directory) {
        return applied.stream().flatMap(entry -> directory.find(entry.name()).stream()).toList();
    }

    /** Whether nothing is pending, failed, edited, missing or drifted. */
    public boolean upToDate() {
        return pending.isEmpty() && failed.isEmpty() && edited.isEmpty() && missingFromDirectory.isEmpty()
                && drift.isEmpty();
    }
}
