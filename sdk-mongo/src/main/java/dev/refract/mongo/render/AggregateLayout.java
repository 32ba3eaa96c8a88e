package dev.refract.mongo.render;

import java.util.List;

/**
 * Where each value of an aggregate or group-by result document goes in the result row (see
 * {@link dev.refract.query.Aggregations}).
 *
 * @param width   the row's width
 * @param grouped true for a group-by, whose result has one row per group and none without records;
 *                false for an aggregate, which always has one row
 * @param columns one per value computed
 */
public record AggregateLayout(int width, boolean grouped, List<Column> columns) {

    public AggregateLayout {
        columns = List.copyOf(columns);
    }

    /** How a value is read: as a count, a sum, an average, or in the field's own type. */
    public enum Kind { COUNT, SUM, AVG, FIELD }

    /**
     * One value of the result document.
     *
     * @param path     its dotted path in the document
     * @param position its position in the row
     * @param kind     how it is converted
     * @param field    the model field it is computed over, or -1 for the record count
     * @param valuesPath for a sum, the path of the number of values summed (a sum of none is {@code null}); else {@code null}
     */
    public record Column(String path, int position, Kind kind, int field, String valuesPath) {}
}
