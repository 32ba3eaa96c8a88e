package dev.refract.r2dbc.migrate.diff;

/**
 * A migration was not run: some of its steps cannot run on the data the database holds, or they
 * would lose data and the loss was not accepted. The message names every one of them and what to do.
 */
public final class MigrationRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient MigrationPlan plan;

    /** The refusal of {@code plan}, which is not applicable. */
    public MigrationRefusedException(MigrationPlan plan) {
        super(message(plan));
        this.plan = plan;
    }

    /** The plan that was refused. */
    public MigrationPlan plan() {
        return plan;
    }

    private static String message(MigrationPlan plan) {
        StringBuilder text = new StringBuilder();
        if (!plan.refusals().isEmpty()) {
            text.append("The migration cannot run on the data the database holds; change the schema first:");
            plan.refusals().forEach(refusal -> text.append("\n  - ").append(refusal.message()));
        }
        if (!plan.warnings().isEmpty() && !plan.dataLossAccepted()) {
            text.append(text.length() == 0 ? "" : "\n").append("The migration would lose data:");
            plan.warnings().forEach(warning -> text.append("\n  - ").append(warning.message()));
            text.append("\nRun it again accepting the data loss (--accept-data-loss), or change the schema so that"
                    + " the data stays.");
        }
        return text.toString();
    }
}
