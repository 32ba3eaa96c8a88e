package dev.refract.r2dbc.sql;

import dev.refract.meta.FieldMeta;
import java.util.List;

/** How the executor reads what a {@link SqlStatement} returns. */
public sealed interface ResultShape {

    /**
     * Rows of one model: column {@code i} of the result holds field {@code fields.get(i)} of
     * model {@code model} (indexes into {@link dev.refract.meta.SchemaMeta#models()} and
     * {@link dev.refract.meta.ModelMeta#fields()}). The executor builds one positional
     * {@link dev.refract.spi.Row} per result row, {@code null} at every field not read.
     *
     * <p>After the fields' columns come one {@code bigint} column per relation in {@code counts}
     * (relation field indexes), read into a {@code Map<Integer, Long>} at position
     * {@code fieldCount}, and then one column per field of {@code keyFields}, a parent's link key
     * (see {@link dev.refract.query.Operation.FindRelated}), each decoded as that field and read
     * into position {@code fieldCount + 1}: the value itself for one column, a {@code List} for
     * more. A row is {@code fieldCount} wide when there are neither, else
     * {@code fieldCount + 1} or {@code fieldCount + 2}.
     */
    record Rows(int model, List<Integer> fields, List<Integer> counts, List<FieldMeta> keyFields)
            implements ResultShape {
        public Rows {
            fields = List.copyOf(fields);
            counts = List.copyOf(counts);
            keyFields = List.copyOf(keyFields);
        }

        /** Rows of the fields alone. */
        public Rows(int model, List<Integer> fields) {
            this(model, fields, List.of(), List.of());
        }
    }

    /** The number of rows the statement changed (an {@code UPDATE}, {@code DELETE} or {@code INSERT} without rows back). */
    record AffectedCount() implements ResultShape {}

    /** One row of one whole-number column, e.g. {@code SELECT count(*)}. */
    record SingleNumber() implements ResultShape {}

    /**
     * Rows laid out as {@link dev.refract.query.Aggregations} describes (an aggregate's one row, or
     * one row per group): column {@code i} of the result goes to position {@code positions.get(i)}
     * of a {@link dev.refract.spi.Row} of {@code width} values, every other position {@code null}.
     * Counts come as {@code bigint}, sums of whole numbers as {@code bigint}, averages of whole
     * numbers and floats as {@code double precision}, of decimals as {@code numeric}; a minimum or
     * maximum has its field's column type (an enum's as text), so the executor converts it as it
     * converts that field.
     */
    record Aggregated(int width, List<Integer> positions) implements ResultShape {
        public Aggregated {
            positions = List.copyOf(positions);
        }
    }
}
