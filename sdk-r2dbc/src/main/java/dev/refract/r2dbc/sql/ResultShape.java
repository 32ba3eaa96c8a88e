package dev.refract.r2dbc.sql;

import java.util.List;

/** How the executor reads what a {@link SqlStatement} returns. */
public sealed interface ResultShape {

    /**
     * Rows of one model: column {@code i} of the result holds field {@code fields.get(i)} of
     * model {@code model} (indexes into {@link dev.refract.meta.SchemaMeta#models()} and
     * {@link dev.refract.meta.ModelMeta#fields()}). The executor builds one positional
     * {@link dev.refract.spi.Row} per result row, {@code null} at every field not read.
     */
    record Rows(int model, List<Integer> fields) implements ResultShape {
        public Rows {
            fields = List.copyOf(fields);
        }
    }

    /** The number of rows the statement changed (an {@code UPDATE}, {@code DELETE} or {@code INSERT} without rows back). */
    record AffectedCount() implements ResultShape {}

    /** One row of one whole-number column, e.g. {@code SELECT count(*)}. */
    record SingleNumber() implements ResultShape {}
}
