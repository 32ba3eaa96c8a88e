package dev.refract.r2dbc.migrate;

/**
 * {@code migrate resolve} was asked to settle a migration that is not in a state it can settle:
 * {@code --rolled-back} needs a failed migration, {@code --applied} one that is failed or not yet
 * applied and present in the migrations directory.
 */
public final class ResolveRefusedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String migration;

    ResolveRefusedException(String migration, String message) {
        super(message);
        this.migration = migration;
    }

    /** The migration named to resolve. */
    public String migration() {
        return migration;
    }
}
