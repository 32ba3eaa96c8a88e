package dev.refract.r2dbc.migrate;

import io.r2dbc.spi.R2dbcException;

/**
 * A statement of a migration failed during deploy. The failure is recorded in the history table
 * before this is raised; what remains of the migration depends on the database (see
 * {@link #rolledBack()}).
 */
public final class MigrationFailedException extends MigrationException {

    private static final long serialVersionUID = 1L;
    private static final int LONGEST_LOGGED_STATEMENT = 2000;

    private final String migration;
    private final ScriptStatement statement;
    private final int appliedSteps;
    private final boolean rolledBack;

    MigrationFailedException(String migration, ScriptStatement statement, int appliedSteps, boolean rolledBack,
            Throwable cause) {
        super(describe(migration, statement, appliedSteps, rolledBack, cause), cause);
        this.migration = migration;
        this.statement = statement;
        this.appliedSteps = appliedSteps;
        this.rolledBack = rolledBack;
    }

    private static String describe(String migration, ScriptStatement statement, int appliedSteps, boolean rolledBack,
            Throwable cause) {
        String remains = rolledBack ? "Its transaction was rolled back: nothing of it was applied."
                : appliedSteps == 0 ? "No statement of it was applied."
                : "The " + (appliedSteps == 1 ? "statement" : appliedSteps + " statements")
                        + " before it stayed applied (MySQL commits data definition at once).";
        return "Migration " + migration + " failed at statement " + statement.number() + " (line " + statement.line()
                + " of its migration.sql): " + cause.getMessage() + ". " + remains;
    }

    /** The failed migration's directory name. */
    public String migration() {
        return migration;
    }

    /** The statement that failed. */
    public ScriptStatement statement() {
        return statement;
    }

    /** How many statements before it were applied and remain in the database. */
    public int appliedSteps() {
        return appliedSteps;
    }

    /** Whether the migration ran in a transaction that was rolled back, leaving nothing of it. */
    public boolean rolledBack() {
        return rolledBack;
    }

    /**
     * What the history's {@code logs} column keeps of the failure: the statement's number and line,
     * the database's message with its SQLSTATE or error code, and the statement itself.
     */
    String logs() {
        Throwable cause = getCause();
        String code = "";
        if (cause instanceof R2dbcException database) {
            code = (database.getSqlState() == null ? "" : " [SQLSTATE " + database.getSqlState() + "]")
                    + (database.getErrorCode() == 0 ? "" : " [error " + database.getErrorCode() + "]");
        }
        String sql = statement.sql().length() <= LONGEST_LOGGED_STATEMENT ? statement.sql()
                : statement.sql().substring(0, LONGEST_LOGGED_STATEMENT) + " …";
        return "statement " + statement.number() + " (line " + statement.line() + ") failed: " + cause.getMessage()
                + code + "\n" + sql;
    }
}
