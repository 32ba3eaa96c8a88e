package dev.refract.r2dbc.migrate;

import java.nio.file.Path;

/**
 * The migrations directory of a datasource cannot be read as a history: it is missing, a
 * directory in it is not named {@code <yyyyMMddHHmmss>_<name>}, a {@code migration.sql} is missing
 * or is not UTF-8, or the directory lacks a migration a command was asked about.
 */
public final class MigrationDirectoryException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    MigrationDirectoryException(Path path, String message) {
        super(message);
        this.path = path;
    }

    MigrationDirectoryException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The directory or file at fault. */
    public Path path() {
        return path;
    }
}
