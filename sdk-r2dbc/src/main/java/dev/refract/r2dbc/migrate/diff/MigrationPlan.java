package dev.refract.r2dbc.migrate.diff;

import java.util.List;

/**
 * A migration weighed against the live database: its statements, the warnings of the steps that
 * lose data there, and the refusals of the steps that cannot run there at all (a required column
 * without default for a table with rows, a column made required that holds nulls). A plan is
 * {@linkplain #applicable() applicable} when nothing refuses it and either nothing loses data or
 * the data loss was accepted.
 *
 * @param statements       the SQL, in order, without trailing semicolons
 * @param warnings         the steps that lose data, with their row counts
 * @param refusals         the steps that cannot run on this data, with their row counts
 * @param dataLossAccepted whether losing the data of {@code warnings} was accepted
 */
public record MigrationPlan(List<String> statements, List<DataLossWarning> warnings, List<DataLossWarning> refusals,
                            boolean dataLossAccepted) {

    public MigrationPlan {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
        refusals = List.copyOf(refusals);
    }

    /** True when the plan may run: nothing refuses it, and no data is lost or the loss was accepted. */
    public boolean applicable() {
        return refusals.isEmpty() && (warnings.isEmpty() || dataLossAccepted);
    }

    /**
     * This plan, when it is applicable.
     *
     * @throws MigrationRefusedException naming every refusal and warning, when it is not
     */
    public MigrationPlan requireApplicable() {
        if (!applicable()) {
            throw new MigrationRefusedException(this);
        }
        return this;
    }

    /** The statements as one script, each ended by a semicolon and a blank line. */
    public String script() {
        return MigrationSql.script(statements);
    }
}
