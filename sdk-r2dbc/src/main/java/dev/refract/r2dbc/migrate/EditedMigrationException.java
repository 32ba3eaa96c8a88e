package dev.refract.r2dbc.migrate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Deploy found migrations whose scripts changed after they were applied. An applied migration is
 * history: the database holds what the recorded script did, not what the file now says, so deploy
 * applies nothing until the files are restored.
 */
public final class EditedMigrationException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final transient List<EditedMigration> edited;

    EditedMigrationException(List<EditedMigration> edited) {
        super(edited.stream()
                .map(migration -> "Migration " + migration.name() + " was edited after it was applied: the history"
                        + " records checksum " + migration.recordedChecksum() + " but " + migration.script()
                        + " now has checksum " + migration.currentChecksum() + ".")
                .collect(Collectors.joining(" ")) + " Restore "
                + (edited.size() == 1 ? "the file" : "the files") + " as applied (from version control) and put the"
                + " change into a new migration");
        this.edited = List.copyOf(edited);
    }

    /** The edited migrations with both checksums, in the order of the directory. */
    public List<EditedMigration> edited() {
        return edited;
    }
}
