package dev.refract.r2dbc.sql;

import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short ways to build query-model values in renderer tests. */
final class Statements {

    static final SqlRenderer RENDERER = new SqlRenderer(PipelineSchema.SCHEMA, PostgresDialect.INSTANCE);

    private Statements() {
    }

    static Filter eq(int field, Object value) {
        return new Filter.Comparison(field, Filter.Operator.EQUALS, value, Filter.Mode.DEFAULT);
    }

    static Filter compare(int field, Filter.Operator operator, Object value) {
        return new Filter.Comparison(field, operator, value, Filter.Mode.DEFAULT);
    }

    static Filter insensitive(int field, Filter.Operator operator, Object value) {
        return new Filter.Comparison(field, operator, value, Filter.Mode.INSENSITIVE);
    }

    static Filter and(Filter... filters) {
        return new Filter.And(List.of(filters));
    }

    static Filter or(Filter... filters) {
        return new Filter.Or(List.of(filters));
    }

    static OrderBy asc(int field) {
        return new OrderBy(field, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT);
    }

    static OrderBy desc(int field) {
        return new OrderBy(field, OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT);
    }

    static Selection fields(Integer... fields) {
        return new Selection(List.of(fields), List.of());
    }

    static Query where(Filter filter) {
        return new Query(filter, List.of(), 0, null, null, List.of(), Selection.ALL);
    }

    static WriteData.FieldWrite set(int field, Object value) {
        return new WriteData.FieldWrite(field, WriteData.WriteOp.SET, value);
    }

    static WriteData.FieldWrite op(int field, WriteData.WriteOp op, Object value) {
        return new WriteData.FieldWrite(field, op, value);
    }

    static WriteData data(WriteData.FieldWrite... writes) {
        return new WriteData(List.of(writes));
    }

    /** The bound values, {@code null}s included. */
    static List<Object> values(SqlStatement statement) {
        List<Object> values = new ArrayList<>();
        for (Bind bind : statement.parameters()) {
            values.add(bind.value());
        }
        return values;
    }

    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }
}
