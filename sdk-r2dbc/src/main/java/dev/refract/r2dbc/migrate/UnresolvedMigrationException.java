package dev.refract.r2dbc.migrate;

/**
 * Deploy found a migration that failed earlier and was not resolved since. Nothing is applied
 * until someone decides what the failure left behind.
 */
public final class UnresolvedMigrationException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final HistoryEntry failed;

    UnresolvedMigrationException(HistoryEntry failed, String datasource) {
        super("Migration " + failed.name() + " failed when it was deployed at " + failed.startedAt()
                + (failed.logs() == null ? "" : " (" + failed.logs() + ")") + ", and deploy applies nothing after"
                + " a failure. Either fix its migration.sql, undo by hand what it left behind, run `refract migrate"
                + " resolve --rolled-back " + failed.name() + " --datasource " + datasource + "` and deploy again;"
                + " or finish its work by hand and run `refract migrate resolve --applied " + failed.name()
                + " --datasource " + datasource + "`");
        this.failed = failed;
    }

    /** The failed attempt as the history records it. */
    public HistoryEntry failed() {
        return failed;
    }
}
