package dev.refract.r2dbc.migrate.diff;

import java.util.List;

/**
 * What {@link SchemaDiff} found between two catalogs: the steps, in an order the database can run
 * them, and the hazards to count against the live database before running them.
 *
 * @param steps   the steps, in order
 * @param hazards what the steps may do to existing data
 */
public record SchemaChanges(List<Step> steps, List<Hazard> hazards) {

    public SchemaChanges {
        steps = List.copyOf(steps);
        hazards = List.copyOf(hazards);
    }

    /** True when the two catalogs are equal and there is nothing to do. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
