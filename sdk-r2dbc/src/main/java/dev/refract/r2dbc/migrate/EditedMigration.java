package dev.refract.r2dbc.migrate;

import java.nio.file.Path;

/**
 * An applied migration whose script no longer has the checksum recorded when it was applied.
 *
 * @param name             the migration's directory name
 * @param script           its {@code migration.sql}
 * @param recordedChecksum the checksum in the history table
 * @param currentChecksum  the checksum of the file now
 */
public record EditedMigration(String name, Path script, String recordedChecksum, String currentChecksum) {
}
