package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.ScalarType;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the computed columns of aggregates and group-bys and a group-by's {@code HAVING}, whose
 * filter refers to positions of the result row as {@link Aggregations} lays it out.
 */
final class AggregateRenderer {

    private static final ColumnType COUNT_TYPE = ColumnType.scalar(ScalarType.BIGINT, false);

    private final Dialect dialect;

    AggregateRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Appends the count and the aggregate functions asked for, comma-separated, and records the
     * row position of each column written.
     *
     * @return false when nothing was asked for, and nothing written
     */
    boolean columns(SqlBuilder sql, TableLayout table, Aggregations aggregations, int keyCount, boolean leadingComma,
            List<Integer> positions) {
        int before = positions.size();
        if (aggregations.count()) {
            sql.append(leadingComma ? ", " : "").append("count(*)");
            positions.add(Aggregations.countIndex(keyCount));
        }
        function(sql, table, Aggregations.Function.SUM, aggregations.sum(), keyCount, positions, before, leadingComma);
        function(sql, table, Aggregations.Function.AVG, aggregations.avg(), keyCount, positions, before, leadingComma);
        function(sql, table, Aggregations.Function.MIN, aggregations.min(), keyCount, positions, before, leadingComma);
        function(sql, table, Aggregations.Function.MAX, aggregations.max(), keyCount, positions, before, leadingComma);
        function(sql, table, Aggregations.Function.COUNT, aggregations.counts(), keyCount, positions, before,
                leadingComma);
        return positions.size() > before;
    }

    private void function(SqlBuilder sql, TableLayout table, Aggregations.Function function, List<Integer> fields,
            int keyCount, List<Integer> positions, int before, boolean leadingComma) {
        for (int field : fields) {
            sql.append(positions.size() > before || leadingComma ? ", " : "");
            sql.append(dialect.castAggregate(call(table, function, field), function, table.types[field]));
            positions.add(Aggregations.index(function, field, keyCount, table.model.fieldCount()));
        }
    }

    /** {@code function(column)}, checking that the function applies to the field. */
    private String call(TableLayout table, Aggregations.Function function, int field) {
        String column = table.readExpression(field);
        ColumnType type = table.types[field];
        boolean applies = switch (function) {
            case SUM, AVG -> type.isNumeric();
            case MIN, MAX -> !type.list() && (type.scalar() == null || (type.scalar() != ScalarType.JSON
                    && type.scalar() != ScalarType.BYTES && type.scalar() != ScalarType.BOOLEAN));
            case COUNT -> true;
        };
        if (!applies) {
            throw table.invalid(field, function.name().toLowerCase(java.util.Locale.ROOT) + " does not apply to "
                    + table.fieldName(field) + " of " + table.model.name()
                    + (function == Aggregations.Function.SUM || function == Aggregations.Function.AVG
                    ? "; sum and avg take numeric fields" : "; min and max take fields with an order"));
        }
        return function.name().toLowerCase(java.util.Locale.ROOT) + "(" + column + ")";
    }

    /** Writes a whole group-by statement. */
    SqlStatement groupBy(SqlBuilder sql, TableLayout table, Operation.GroupBy groupBy, FilterRenderer filters) {
        int fieldCount = table.model.fieldCount();
        List<Integer> positions = new ArrayList<>(groupBy.by().size() + 4);
        sql.append("SELECT ");
        for (int i = 0; i < groupBy.by().size(); i++) {
            int field = groupBy.by().get(i);
            sql.append(i == 0 ? "" : ", ");
            table.appendRead(sql.text(), field, "");
            positions.add(field);
        }
        columns(sql, table, groupBy.aggregations(), fieldCount, true, positions);
        sql.append(" FROM ").append(table.table);
        filters.where(sql, table, "", groupBy.where());
        sql.append(" GROUP BY ");
        for (int i = 0; i < groupBy.by().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(table.columns[groupBy.by().get(i)]);
        }
        if (!(groupBy.having() instanceof Filter.And and && and.filters().isEmpty())) {
            sql.append(" HAVING ");
            having(sql, table, groupBy.by(), groupBy.having());
        }
        List<OrderBy> order = groupBy.orderBy();
        for (int i = 0; i < order.size(); i++) {
            OrderBy sort = order.get(i);
            sql.append(i == 0 ? " ORDER BY " : ", ");
            SortKeys.key(dialect, sql.text(), sortKey(table, groupBy.by(), sort.key()), sort.direction(), sort.nulls());
        }
        dialect.limitOffset(sql, groupBy.take(), groupBy.skip());
        return sql.toStatement(new ResultShape.Aggregated(Aggregations.rowWidth(fieldCount, fieldCount), positions));
    }

    /**
     * Appends what a group sorts on: one of its keys, or an aggregate of its records written as the
     * select list writes it. Minimum and maximum sort by the value itself, without the cast that
     * only helps the driver read it (an enum's text would sort by name, not in declared order).
     */
    private String sortKey(TableLayout table, List<Integer> by, OrderBy.Key key) {
        if (key instanceof OrderBy.Key.Field field) {
            if (!by.contains(field.field())) {
                throw table.invalid(field.field(), "A groupBy sorts by the fields it groups by and by aggregates; "
                        + table.fieldName(field.field()) + " is not one of its fields: group by it or sort by an"
                        + " aggregate of it");
            }
            return table.columns[field.field()];
        } else if (key instanceof OrderBy.Key.Aggregate aggregate) {
            Aggregations.Function function = aggregate.function();
            if (aggregate.field() < 0) {
                return "count(*)";
            }
            String call = call(table, function, aggregate.field());
            if (function != Aggregations.Function.MIN && function != Aggregations.Function.MAX) {
                return dialect.castAggregate(call, function, table.types[aggregate.field()]);
            }
            return call;
        } else {
            throw new InvalidQueryException(table.model.name(), List.of(), "A groupBy sorts by the fields it groups"
                    + " by and by aggregates (_count, _sum, _avg, _min, _max); "
                    + (key instanceof OrderBy.Key.RelatedField ? "a related record's field" : "a relation count")
                    + " is not available there");
        }
    }

    private void having(SqlBuilder sql, TableLayout table, List<Integer> by, Filter filter) {
        if (filter instanceof Filter.And and) {
            junction(sql, table, by, and.filters(), " AND ", "TRUE");
        } else if (filter instanceof Filter.Or or) {
            junction(sql, table, by, or.filters(), " OR ", "FALSE");
        } else if (filter instanceof Filter.Not not) {
            sql.append("NOT (");
            having(sql, table, by, not.filter());
            sql.append(')');
        } else if (filter instanceof Filter.IsNull isNull) {
            resolve(sql, table, by, isNull.field());
            sql.append(isNull.isNull() ? " IS NULL" : " IS NOT NULL");
        } else if (filter instanceof Filter.Comparison comparison) {
            having(sql, table, by, comparison);
        } else {
            throw new InvalidQueryException(table.model.name(), List.of(), "A groupBy's having takes comparisons, null"
                    + " checks, AND, OR and NOT over its keys and aggregates; " + filter.getClass().getSimpleName()
                    + " is not available there");
        }
    }

    private void junction(SqlBuilder sql, TableLayout table, List<Integer> by, List<Filter> filters, String joiner,
            String empty) {
        if (filters.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < filters.size(); i++) {
            sql.append(i == 0 ? "" : joiner);
            having(sql, table, by, filters.get(i));
        }
        sql.append(')');
    }

    private void having(SqlBuilder sql, TableLayout table, List<Integer> by, Filter.Comparison comparison) {
        if ((comparison.operator() == Filter.Operator.IN || comparison.operator() == Filter.Operator.NOT_IN)
                && comparison.value() instanceof List<?> values && values.isEmpty()) {
            sql.append(comparison.operator() == Filter.Operator.NOT_IN ? "TRUE" : "FALSE");
            return;
        }
        ColumnType type = resolve(sql, table, by, comparison.field());
        String cast = dialect.valueCast(type);
        switch (comparison.operator()) {
            case EQUALS, NOT, LT, LTE, GT, GTE -> {
                sql.append(FilterRenderer.operator(comparison.operator()));
                sql.bind(Bind.of(comparison.value()));
                sql.append(cast);
            }
            case IN, NOT_IN -> {
                if (!(comparison.value() instanceof List<?> values)) {
                    throw new InvalidQueryException(table.model.name(), List.of(), "in/notIn in a having takes a list");
                }
                boolean negated = comparison.operator() == Filter.Operator.NOT_IN;
                sql.append(negated ? " NOT IN (" : " IN (");
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "" : ", ");
                    sql.bind(Bind.of(values.get(i)));
                    sql.append(cast);
                }
                sql.append(')');
            }
            default -> throw new InvalidQueryException(table.model.name(), List.of(), "A groupBy's having compares"
                    + " with equals, not, in, notIn, lt, lte, gt and gte; " + comparison.operator()
                    + " is not available there");
        }
    }

    /** Appends the expression at result-row {@code position} and answers its type. */
    private ColumnType resolve(SqlBuilder sql, TableLayout table, List<Integer> by, int position) {
        int fieldCount = table.model.fieldCount();
        if (position < fieldCount) {
            if (!by.contains(position)) {
                throw table.invalid(position, "A groupBy's having can test " + table.fieldName(position)
                        + " directly only when grouping by it; otherwise test one of its aggregates");
            }
            sql.append(table.column(position));
            return table.types[position];
        }
        if (position == Aggregations.countIndex(fieldCount)) {
            sql.append("count(*)");
            return COUNT_TYPE;
        }
        int offset = position - fieldCount - 1;
        Aggregations.Function[] functions = Aggregations.Function.values();
        if (offset < 0 || offset >= functions.length * fieldCount) {
            throw new InvalidQueryException(table.model.name(), List.of(), "Position " + position
                    + " is outside a groupBy row of " + table.model.name());
        }
        Aggregations.Function function = functions[offset / fieldCount];
        int field = offset % fieldCount;
        String call = call(table, function, field);
        ColumnType type = table.types[field];
        return switch (function) {
            case SUM -> {
                sql.append(dialect.castAggregate(call, function, type));
                yield type.scalar() == ScalarType.INT ? COUNT_TYPE : type;
            }
            case AVG -> {
                sql.append(dialect.castAggregate(call, function, type));
                yield type.scalar() == ScalarType.DECIMAL ? type : ColumnType.scalar(ScalarType.FLOAT, false);
            }
            case MIN, MAX, COUNT -> {
                sql.append(call);
                yield function == Aggregations.Function.COUNT ? COUNT_TYPE : type;
            }
        };
    }
}
