package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders each {@link Operation} of the query model into one {@link SqlStatement} of a
 * {@link Dialect}. Built once per datasource; immutable and without per-call state, so one instance
 * serves every thread; rendering allocates only the statement it builds.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Tables and columns are written by their {@code dbName}, always quoted by the dialect. Every
 *       value — filter values, written values, {@code skip} and {@code take} — is a bind; nothing a
 *       caller gives reaches the text.</li>
 *   <li>Reads select the columns of {@link Selection#fields()} (every column when empty) in that
 *       order, and answer {@link ResultShape.Rows} with the same field order. A column the driver
 *       cannot decode as stored is read through {@link Dialect#readExpression} (named after the
 *       column) wherever a statement returns it — select lists, {@code RETURNING}, the outer select
 *       of {@code distinct}, aggregate arguments — while subqueries, conditions, writes and sort
 *       keys use the column as stored. Relations in
 *       {@link Selection#includes()} are not joined here: the relation loader reads them with
 *       statements of their own. The relations of {@link Selection#counts()} follow the fields as
 *       correlated {@code (SELECT count(*) …)} columns, in reads and in {@code RETURNING} alike, and
 *       the shape lists them ({@link ResultShape.Rows#counts()}).</li>
 *   <li>Relation filters, sort keys through relations and relation counts are subqueries correlated
 *       with the row (see {@code FilterRenderer}, {@code SortKeys}, {@code SelectList}); their tables
 *       have aliases numbered by depth, following {@link dev.refract.meta.RelationLink}. A relation
 *       that crosses datasources cannot be joined and is an {@link InvalidQueryException}.</li>
 *   <li>{@code findFirst} is {@code findMany} with {@code LIMIT 1}. {@code skip}/{@code take} become
 *       {@code OFFSET}/{@code LIMIT}; sort keys keep their direction and {@code NULLS FIRST/LAST}, or,
 *       where the dialect has no such words, a {@code key IS NULL} key before a key whose missing
 *       values go against the database's default.</li>
 *   <li>A cursor joins the cursor record as a one-row derived table and keeps the rows that sort
 *       at or after it under the query's order, with the model's id appended as the last sort key
 *       when the order does not already hold it. The comparison is spelled out key by key
 *       ({@code k1 > c1 OR (k1 = c1 AND (k2 < c2 OR …))}), so mixed directions are right, and it
 *       respects where missing values sort. A cursor that matches no record yields no rows. A key
 *       that is not a column is computed for the cursor row as {@code refract_key<i>} and compared
 *       with the same expression on each row.</li>
 *   <li>{@code distinct} is {@code DISTINCT ON} the distinct fields in a subquery ordered by them
 *       and then by the query's order, so each group keeps its first record under that order; the
 *       outer query restores the query's order and pages. Sort keys that are not columns and
 *       relation counts leave the subquery as named columns. A dialect without {@code DISTINCT ON}
 *       numbers each group's rows in the subquery ({@code row_number() OVER (PARTITION BY …)}) and
 *       the outer query keeps the first.</li>
 *   <li>{@code count} is {@code SELECT count(*)}; with paging, a cursor or distinct it counts the
 *       rows of the equivalent {@code findMany} in a subquery.</li>
 *   <li>Writes: {@code set} binds the value ({@code null} as a typed null) with the column's cast
 *       (native enums, {@code jsonb}, arrays); {@code increment}, {@code decrement},
 *       {@code multiply}, {@code divide} become {@code col = col + $n} etc. on numeric fields.
 *       Creates use only {@code set}. An update with nothing to change still matches its record
 *       (it assigns the id column to itself), so a missing record is still noticed.</li>
 *   <li>{@code create}, {@code update}, {@code upsert} and {@code delete} return the selected
 *       columns with {@code RETURNING}; {@code createMany}, {@code updateMany} and
 *       {@code deleteMany} answer {@link ResultShape.AffectedCount}. {@code createMany} is one
 *       multi-row {@code VALUES} ({@code DEFAULT} where a row leaves a field out);
 *       {@code skipDuplicates} adds the dialect's skip clause. {@code createManyAndReturn} and
 *       {@code updateManyAndReturn} are the same statements with {@code RETURNING} the selected
 *       columns, so a skipped duplicate returns no row.</li>
 *   <li>{@code upsert} is one {@code INSERT … ON CONFLICT (key) DO UPDATE SET … RETURNING}: the
 *       key is the model's id or first unique whose every field the {@code where} fixes with
 *       {@code equals}; the rest of the {@code where} guards the update branch. When the create does
 *       not write that key with the same values (an autoincrement id), no insert could conflict, so
 *       the upsert is one {@code WITH u AS (UPDATE …), i AS (INSERT … WHERE NOT EXISTS (SELECT 1 FROM
 *       u)) SELECT … UNION ALL …} instead.</li>
 *   <li>Filters (see also the package documentation): {@code in []} is
 *       {@code FALSE}, {@code notIn []} is {@code TRUE}, an empty {@code AND} is {@code TRUE}, an
 *       empty {@code OR} is {@code FALSE}; {@code not} is {@code <>} (missing values do not match);
 *       patterns escape {@code %}, {@code _} and the escape character; {@code insensitive} applies to
 *       text fields as the dialect's insensitive {@code LIKE} or {@code lower(…)} on both sides.</li>
 * </ul>
 * <p>Where the dialect cannot return what a write wrote ({@code RETURNING}), {@link #plan} answers
 * the statements that do it in one transaction ({@link SqlPlan}), and {@link #render} refuses the
 * write; see {@code WritePlans}.
 * <ul>
 *   <li>{@code aggregate} selects {@code count(*)}, {@code sum}, {@code avg}, {@code min} and
 *       {@code max} over the matching rows (over a subquery when the query pages, has a cursor or is
 *       distinct); {@code groupBy} selects the keys and the same functions with {@code GROUP BY},
 *       {@code HAVING} (its filter's positions resolved to keys and aggregate expressions),
 *       {@code ORDER BY} over keys and aggregates ({@link OrderBy.Key.Aggregate}) and paging. Both
 *       answer {@link ResultShape.Aggregated}, placing each column at its
 *       {@link dev.refract.query.Aggregations} position.</li>
 * </ul>
 */
public final class SqlRenderer {

    private static final String CURSOR_ALIAS = "refract_cursor";
    private static final String DISTINCT_ALIAS = "refract_distinct";
    /** The number of a row within its group of distinct values, where the dialect has no {@code DISTINCT ON}. */
    private static final String ROW_ALIAS = "refract_row";
    private static final String COUNT_ALIAS = "refract_count";
    private static final String AGGREGATE_ALIAS = "refract_aggregate";
    /** The name a derived table gives a sort key that is not a column, followed by its position. */
    private static final String KEY_ALIAS = "refract_key";

    private final Dialect dialect;
    private final TableLayout[] tables;
    private final FilterRenderer filters;
    private final SortKeys sortKeys;
    private final SelectList selectList;
    private final WriteRenderer writes;
    private final AggregateRenderer aggregates;
    private final RelationRenderer relations;
    private final JoinTableRenderer joinTables;
    private final WritePlans plans;

    /**
     * A renderer for every model of {@code schema} that lives in a relational datasource.
     *
     * @throws IllegalArgumentException when such a model cannot be stored in SQL (e.g. it holds a
     *                                  composite type) or has a name the dialect cannot quote
     */
    public SqlRenderer(SchemaMeta schema, Dialect dialect) {
        Objects.requireNonNull(schema, "schema");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.tables = new TableLayout[schema.models().size()];
        for (ModelMeta model : schema.models()) {
            if (schema.datasource(model.datasource()).provider().family() == Provider.Family.RELATIONAL) {
                tables[model.index()] = new TableLayout(schema, model, dialect);
            }
        }
        Relations relations = new Relations(schema, dialect, tables);
        this.filters = new FilterRenderer(dialect, relations);
        this.sortKeys = new SortKeys(dialect, relations);
        this.selectList = new SelectList(dialect, relations, filters);
        this.writes = new WriteRenderer(dialect, filters, selectList);
        this.aggregates = new AggregateRenderer(dialect);
        this.relations = new RelationRenderer(schema, dialect, tables, filters, sortKeys, selectList);
        this.joinTables = new JoinTableRenderer(schema, dialect, tables, filters);
        this.plans = new WritePlans(this, dialect, writes, joinTables);
    }

    /** The dialect this renderer writes. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The one statement that performs {@code operation}.
     *
     * @throws InvalidQueryException         when the operation cannot be expressed (e.g. a filter
     *                                       through a relation that crosses datasources, arithmetic
     *                                       on a text field)
     * @throws IllegalArgumentException      when the model is not a relational model of the schema
     * @throws UnsupportedOperationException for abilities the dialect lacks
     */
    public SqlStatement render(Operation operation) {
        TableLayout table = table(operation.model());
        if (plans.needsPlan(operation)) {
            throw new UnsupportedOperationException(operation.getClass().getSimpleName() + " of "
                    + table.model.name() + " takes several statements in this dialect: run plan(operation)");
        }
        SqlBuilder sql = new SqlBuilder(dialect);
        if (operation instanceof Operation.FindMany findMany) {
            return select(sql, table, findMany.query(), findMany.query().take());
        } else if (operation instanceof Operation.FindUnique findUnique) {
            Selected selected = selected(table, findUnique.selection());
            sql.append("SELECT ");
            selectList.append(sql, table, selected, "");
            sql.append(" FROM ").append(table.table);
            filters.where(sql, table, "", findUnique.where());
            return sql.toStatement(selected.shape);
        } else if (operation instanceof Operation.FindFirst findFirst) {
            Integer take = findFirst.query().take();
            return select(sql, table, findFirst.query(), take == null ? Integer.valueOf(1) : Math.min(take, 1));
        } else if (operation instanceof Operation.Count count) {
            return count(sql, table, count.query());
        } else if (operation instanceof Operation.Create create) {
            return writes.create(sql, table, create.data(), returning(table, create.selection()));
        } else if (operation instanceof Operation.CreateMany createMany) {
            return writes.createMany(sql, table, createMany.data(), createMany.skipDuplicates(), null);
        } else if (operation instanceof Operation.CreateManyAndReturn createMany) {
            return writes.createMany(sql, table, createMany.data(), createMany.skipDuplicates(),
                    returning(table, createMany.selection()));
        } else if (operation instanceof Operation.Update update) {
            return writes.update(sql, table, update.where(), update.data(), returning(table, update.selection()));
        } else if (operation instanceof Operation.UpdateMany updateMany) {
            return writes.update(sql, table, updateMany.where(), updateMany.data(), null);
        } else if (operation instanceof Operation.UpdateManyAndReturn updateMany) {
            return writes.update(sql, table, updateMany.where(), updateMany.data(),
                    returning(table, updateMany.selection()));
        } else if (operation instanceof Operation.Upsert upsert) {
            return writes.upsert(sql, table, upsert.where(), upsert.create(), upsert.update(),
                    returning(table, upsert.selection()));
        } else if (operation instanceof Operation.Delete delete) {
            return writes.delete(sql, table, delete.where(), returning(table, delete.selection()));
        } else if (operation instanceof Operation.DeleteMany deleteMany) {
            return writes.delete(sql, table, deleteMany.where(), null);
        } else if (operation instanceof Operation.Aggregate aggregate) {
            return aggregate(sql, table, aggregate);
        } else if (operation instanceof Operation.GroupBy groupBy) {
            return aggregates.groupBy(sql, table, groupBy, filters);
        } else if (operation instanceof Operation.FindRelated findRelated) {
            return relations.findRelated(sql, table, findRelated);
        } else if (operation instanceof Operation.Link link) {
            return joinTables.link(sql, link);
        } else if (operation instanceof Operation.Unlink unlink) {
            return joinTables.unlink(sql, unlink);
        }
        throw new UnsupportedOperationException("The SQL renderer does not render "
                + operation.getClass().getSimpleName() + " yet");
    }

    /**
     * What carries out {@code operation}: its one statement ({@link SqlPlan.Single}), or, where this
     * dialect needs several (a write that must return records without {@code RETURNING}, an insert
     * that skips duplicates with {@code INSERT IGNORE}), the {@link SqlPlan.Steps} to run in one
     * transaction. Pure, like {@link #render}.
     *
     * @throws InvalidQueryException         when the operation cannot be expressed
     * @throws IllegalArgumentException      when the model is not a relational model of the schema
     * @throws UnsupportedOperationException for abilities the dialect lacks
     */
    public SqlPlan plan(Operation operation) {
        TableLayout table = table(operation.model());
        return plans.needsPlan(operation) ? plans.plan(table, operation) : new SqlPlan.Single(render(operation));
    }

    // ------------------------------------------------------------ pieces other statement writers reuse

    /**
     * The table of model {@code model}.
     *
     * @throws IllegalArgumentException when the model is not a relational model of the schema
     */
    TableLayout table(int model) {
        TableLayout table = model >= 0 && model < tables.length ? tables[model] : null;
        if (table == null) {
            throw new IllegalArgumentException("Model #" + model
                    + " is not a model of a relational datasource of this schema; route it to its own datasource's adapter");
        }
        return table;
    }

    /** Writes conditions: {@code where(sql, table, qualifier, filter)} appends a model's {@code WHERE}. */
    FilterRenderer filters() {
        return filters;
    }

    /** Writes sort keys: {@code orderBy(sql, table, order, qualifier)} appends a model's {@code ORDER BY}. */
    SortKeys sortKeys() {
        return sortKeys;
    }

    /** Writes select lists: {@code append(sql, table, selected(table, selection), qualifier)}. */
    SelectList selectList() {
        return selectList;
    }

    /** What a write returns; {@link #render} has checked that its statement can return it. */
    private Selected returning(TableLayout table, Selection selection) {
        return selected(table, selection);
    }

    // ---------------------------------------------------------------------------------------- reads

    private SqlStatement select(SqlBuilder sql, TableLayout table, Query query, Integer take) {
        Selected selected = selected(table, query.selection());
        selectRows(sql, table, query, take, selected.fields(), selected.counts(), true);
        return sql.toStatement(selected.shape());
    }

    /**
     * Writes the {@code SELECT} of {@code query} returning the columns of {@code fields}, as a
     * result row reads them when {@code read}, as stored for a subquery; then the relation
     * counts of {@code counts} (only when {@code read}).
     */
    private void selectRows(SqlBuilder sql, TableLayout table, Query query, Integer take, List<Integer> fields,
            List<Selection.RelationCount> counts, boolean read) {
        List<OrderBy> order = query.cursor() == null ? query.orderBy() : withIdKeys(table, query.orderBy());
        String qualifier = query.cursor() == null ? "" : table.table + ".";
        if (!query.distinct().isEmpty()) {
            distinct(sql, table, query, take, order, qualifier, fields, counts, read);
            return;
        }
        sql.append("SELECT ");
        appendColumns(sql.text(), table, fields, qualifier, read);
        for (Selection.RelationCount count : counts) {
            sql.append(", ");
            selectList.count(sql, table, count, qualifier, 1);
        }
        fromAndWhere(sql, table, query, order, qualifier);
        sortKeys.orderBy(sql, table, order, qualifier);
        dialect.limitOffset(sql, take, query.skip());
    }

    private void fromAndWhere(SqlBuilder sql, TableLayout table, Query query, List<OrderBy> order, String qualifier) {
        sql.append(" FROM ").append(table.table);
        if (query.cursor() == null) {
            filters.where(sql, table, "", query.where());
            return;
        }
        String alias = dialect.quote(table.model.dbName().equals(CURSOR_ALIAS) ? CURSOR_ALIAS + "_row" : CURSOR_ALIAS);
        sql.append(", (SELECT ");
        for (int i = 0; i < order.size(); i++) {
            OrderBy.Key key = order.get(i).key();
            sql.append(i == 0 ? "" : ", ");
            sortKeys.expression(sql.text(), table, key, "", 1);
            if (!(key instanceof OrderBy.Key.Field)) {
                sql.append(" AS ").identifier(KEY_ALIAS + i);
            }
        }
        sql.append(" FROM ").append(table.table);
        filters.where(sql, table, "", query.cursor());
        sql.append(") AS ").append(alias).append(" WHERE ");
        if (!FilterRenderer.isAll(query.where())) {
            sql.append('(');
            filters.condition(sql, table, qualifier, query.where(), true);
            sql.append(") AND ");
        }
        cursorCondition(sql, table, order, 0, qualifier, alias + ".");
    }

    /** Rows at or after the cursor row: {@code after(k) OR (same(k) AND <the rest>)}, the last key inclusive. */
    private void cursorCondition(SqlBuilder sql, TableLayout table, List<OrderBy> order, int key, String qualifier,
            String cursor) {
        OrderBy sort = order.get(key);
        StringBuilder expression = new StringBuilder();
        sortKeys.expression(expression, table, sort.key(), qualifier, 1);
        String column = expression.toString();
        int field = SortKeys.field(sort);
        String value = cursor + (field >= 0 ? table.columns[field] : dialect.quote(KEY_ALIAS + key));
        boolean optional = SortKeys.optional(table, sort.key());
        boolean last = key == order.size() - 1;
        if (last && !optional) {
            sql.append(column).append(sort.direction() == OrderBy.Direction.ASC ? " >= " : " <= ").append(value);
            return;
        }
        sql.append('(');
        after(sql, sort, column, value, optional);
        sql.append(" OR ");
        if (!last) {
            sql.append('(');
        }
        sql.append(column).append(optional ? dialect.nullSafeEquals() : " = ").append(value);
        if (!last) {
            sql.append(" AND ");
            cursorCondition(sql, table, order, key + 1, qualifier, cursor);
            sql.append(')');
        }
        sql.append(')');
    }

    private void after(SqlBuilder sql, OrderBy sort, String column, String value, boolean optional) {
        String beyond = sort.direction() == OrderBy.Direction.ASC ? " > " : " < ";
        if (!optional) {
            sql.append(column).append(beyond).append(value);
            return;
        }
        boolean nullsFirst = sort.nulls() == OrderBy.Nulls.DEFAULT ? dialect.nullsFirstByDefault(sort.direction())
                : sort.nulls() == OrderBy.Nulls.FIRST;
        if (nullsFirst) {
            sql.append('(').append(column).append(" IS NOT NULL AND (").append(value).append(" IS NULL OR ")
                    .append(column).append(beyond).append(value).append("))");
        } else {
            sql.append('(').append(value).append(" IS NOT NULL AND (").append(column).append(" IS NULL OR ")
                    .append(column).append(beyond).append(value).append("))");
        }
    }

    /**
     * {@code DISTINCT ON} in a derived table: the inner query keeps the first row of each group and
     * carries the sort keys that are not columns and the relation counts as named columns
     * ({@code refract_key<i>}, {@code refract_count<i>}), which the outer query sorts by and returns.
     * A dialect without {@code DISTINCT ON} numbers the rows of each group instead,
     * {@code row_number() OVER (PARTITION BY <distinct> ORDER BY <order>) AS refract_row}, and the
     * outer query keeps the rows numbered 1.
     */
    private void distinct(SqlBuilder sql, TableLayout table, Query query, Integer take, List<OrderBy> order,
            String qualifier, List<Integer> fields, List<Selection.RelationCount> counts, boolean read) {
        boolean distinctOn = dialect.supportsDistinctOn();
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < query.distinct().size(); i++) {
            groups.append(i == 0 ? "" : ", ").append(qualifier).append(table.column(query.distinct().get(i)));
        }
        sql.append("SELECT ");
        appendColumns(sql.text(), table, fields, "", read);
        for (int i = 0; i < counts.size(); i++) {
            sql.append(", ").append(selectList.countAlias(i));
        }
        sql.append(distinctOn ? " FROM (SELECT DISTINCT ON (" + groups + ") " : " FROM (SELECT ");
        List<Integer> inner = new ArrayList<>(fields);
        for (OrderBy sort : order) {
            int field = SortKeys.field(sort);
            if (field >= 0 && !inner.contains(field)) {
                inner.add(field);
            }
        }
        appendColumns(sql.text(), table, inner, qualifier, false);
        for (int i = 0; i < order.size(); i++) {
            if (SortKeys.field(order.get(i)) < 0) {
                sql.append(", ");
                sortKeys.expression(sql.text(), table, order.get(i).key(), qualifier, 1);
                sql.append(" AS ").identifier(KEY_ALIAS + i);
            }
        }
        for (int i = 0; i < counts.size(); i++) {
            sql.append(", ");
            selectList.count(sql, table, counts.get(i), qualifier, 1);
            sql.append(" AS ").append(selectList.countAlias(i));
        }
        if (!distinctOn) {
            sql.append(", row_number() OVER (PARTITION BY ").append(groups.toString());
            if (!order.isEmpty()) {
                sql.append(" ORDER BY ");
                sortKeys.keys(sql, table, order, qualifier);
            }
            sql.append(") AS ").identifier(ROW_ALIAS);
        }
        fromAndWhere(sql, table, query, order, qualifier);
        if (distinctOn) {
            sql.append(" ORDER BY ").append(groups.toString());
            for (int i = 0; i < order.size(); i++) {
                OrderBy sort = order.get(i);
                int field = SortKeys.field(sort);
                sql.append(", ");
                sortKeys.key(sql.text(), field >= 0 ? qualifier + table.column(field) : dialect.quote(KEY_ALIAS + i),
                        sort);
            }
        }
        sql.append(") AS ").identifier(DISTINCT_ALIAS);
        if (!distinctOn) {
            sql.append(" WHERE ").identifier(ROW_ALIAS).append(" = 1");
        }
        for (int i = 0; i < order.size(); i++) {
            OrderBy sort = order.get(i);
            int field = SortKeys.field(sort);
            sql.append(i == 0 ? " ORDER BY " : ", ");
            sortKeys.key(sql.text(), field >= 0 ? table.column(field) : dialect.quote(KEY_ALIAS + i), sort);
        }
        dialect.limitOffset(sql, take, query.skip());
    }

    private SqlStatement count(SqlBuilder sql, TableLayout table, Query query) {
        if (query.skip() == 0 && query.take() == null && query.cursor() == null && query.distinct().isEmpty()) {
            sql.append("SELECT count(*) FROM ").append(table.table);
            filters.where(sql, table, "", query.where());
            return sql.toStatement(new ResultShape.SingleNumber());
        }
        sql.append("SELECT count(*) FROM (");
        List<Integer> keys = query.distinct().isEmpty() ? table.model.id().fields() : query.distinct();
        Query rows = new Query(query.where(), query.orderBy(), query.skip(), query.take(), query.cursor(),
                query.distinct(), new Selection(keys, List.of()));
        selectRows(sql, table, rows, query.take(), keys, List.of(), false);
        sql.append(") AS ").identifier(COUNT_ALIAS);
        return sql.toStatement(new ResultShape.SingleNumber());
    }

    private SqlStatement aggregate(SqlBuilder sql, TableLayout table, Operation.Aggregate aggregate) {
        Query query = aggregate.query();
        List<Integer> positions = new ArrayList<>(4);
        sql.append("SELECT ");
        int width = dev.refract.query.Aggregations.rowWidth(0, table.model.fieldCount());
        if (!aggregates.columns(sql, table, aggregate.aggregations(), 0, false, positions)) {
            // nothing to compute: one row whose values are all missing, without reading the table
            sql.append("NULL");
            return sql.toStatement(new ResultShape.Aggregated(width, List.of(0)));
        }
        if (query.skip() == 0 && query.take() == null && query.cursor() == null && query.distinct().isEmpty()) {
            sql.append(" FROM ").append(table.table);
            filters.where(sql, table, "", query.where());
        } else {
            sql.append(" FROM (");
            selectRows(sql, table, query, query.take(), table.allFields, List.of(), false);
            sql.append(") AS ").identifier(AGGREGATE_ALIAS);
        }
        return sql.toStatement(new ResultShape.Aggregated(width, positions));
    }

    /** {@code order} with the model's id fields appended (ascending) where it lacks them, so a cursor has a total order. */
    private static List<OrderBy> withIdKeys(TableLayout table, List<OrderBy> order) {
        KeyMeta id = table.model.id();
        List<OrderBy> total = new ArrayList<>(order.size() + id.fields().size());
        total.addAll(order);
        for (int field : id.fields()) {
            boolean present = false;
            for (OrderBy sort : order) {
                present |= SortKeys.field(sort) == field;
            }
            if (!present) {
                total.add(new OrderBy(field, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT));
            }
        }
        return total;
    }

    // ------------------------------------------------------------------------------------ selection

    /**
     * The fields a statement returns, the relations it counts after them, and how the executor
     * reads them.
     */
    record Selected(List<Integer> fields, List<Selection.RelationCount> counts, ResultShape.Rows shape) {}

    /**
     * What a statement returns for {@code selection}.
     *
     * @throws InvalidQueryException when a relation is counted twice
     */
    Selected selected(TableLayout table, Selection selection) {
        if (selection.counts().isEmpty()) {
            return selection.allFields() ? table.allSelected
                    : new Selected(selection.fields(), List.of(),
                            new ResultShape.Rows(table.model.index(), selection.fields()));
        }
        List<Integer> counted = new ArrayList<>(selection.counts().size());
        for (Selection.RelationCount count : selection.counts()) {
            if (counted.contains(count.field())) {
                throw table.invalid(count.field(), table.model.name() + "." + table.fieldName(count.field())
                        + " is counted twice in one selection; count it once, with one filter");
            }
            selectList.link(table, count);
            counted.add(count.field());
        }
        List<Integer> fields = selection.allFields() ? table.allFields : selection.fields();
        return new Selected(fields, selection.counts(),
                new ResultShape.Rows(table.model.index(), fields, counted, List.of()));
    }

    /**
     * Appends the columns of {@code fields}, each prefixed with {@code qualifier}: as the result row
     * reads them when {@code read} (see {@link Dialect#readExpression}), as stored when another
     * query selects from these rows.
     */
    static void appendColumns(StringBuilder sql, TableLayout table, List<Integer> fields, String qualifier,
            boolean read) {
        if (fields == table.allFields && qualifier.isEmpty()) {
            sql.append(read ? table.allReadColumns : table.allColumns);
            return;
        }
        if (fields.isEmpty()) {
            throw new InvalidQueryException(table.model.name(), List.of(), "A selection of " + table.model.name()
                    + " must name at least one column");
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            if (read) {
                table.appendRead(sql, fields.get(i), qualifier);
            } else {
                sql.append(qualifier).append(table.column(fields.get(i)));
            }
        }
    }
}
