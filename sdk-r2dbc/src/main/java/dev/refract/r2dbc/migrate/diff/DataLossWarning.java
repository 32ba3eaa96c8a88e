package dev.refract.r2dbc.migrate.diff;

/**
 * A hazard of a migration that touches rows of the live database.
 *
 * @param hazard  what the step does
 * @param rows    how many rows of the live database it touches
 * @param message the hazard said for those rows
 */
public record DataLossWarning(Hazard hazard, long rows, String message) {

    /** The warning for {@code rows} rows touched by {@code hazard}. */
    public static DataLossWarning of(Hazard hazard, long rows) {
        return new DataLossWarning(hazard, rows, hazard.describe(rows));
    }
}
