package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders {@link Operation.FindRelated}: the related records of many parents in one statement,
 * however many parents there are. The relation's shape comes from {@link RelationLink}.
 *
 * <ul>
 *   <li>The parents' link keys are bound as one array per key column: a single-column key as
 *       {@code "Post"."authorId" = ANY($1::integer[])}, a compound key as
 *       {@code ("Item"."shelfAisle", "Item"."shelfNumber") IN (SELECT * FROM unnest($1::text[], $2::integer[]))}.
 *       A foreign key on either side is matched by the target's {@link RelationLink#targetKey()}
 *       columns; an implicit many-to-many relation joins its table,
 *       {@code JOIN "_PostToTag" AS "refract_link" ON "refract_link"."B" = "Tag"."id"}, and matches
 *       the join table's parent column. The query's filter is added with {@code AND}.</li>
 *   <li>Each row returns the selected columns (as {@link SqlRenderer} reads them), one
 *       {@code (SELECT count(*) …)} column per relation count of the selection, then the key
 *       columns, answered as {@link ResultShape.Rows#keyFields()}: the target's key fields, or the
 *       parent's id field for a join table. Where the selected columns hold the key already
 *       ({@link Operation.FindRelated#keyAmongFields}), there are no key columns: the caller reads
 *       the key from the rows' fields, and the database sends it once.</li>
 *   <li>Rows come ordered by the query's order, then by the target's id, so each parent's records
 *       come in the query's order; they are not sorted by key, as the caller groups them by the key
 *       they carry. A to-one target read by its id needs no order at all, and neither does a query
 *       without an order of its own whose target's id is made of selected {@code Int} and
 *       {@code BigInt} fields: the caller orders each parent's records by that id itself, which
 *       saves the database a sort of every row.</li>
 *   <li>Skip and take page each parent's records on their own: the rows are numbered per parent in a
 *       subquery, {@code row_number() OVER (PARTITION BY <key> ORDER BY <order>, <id>)}, and the outer
 *       query keeps the numbers after {@code skip} up to {@code skip + take}.</li>
 *   <li>A cursor or {@code distinct} in an included relation is rejected with an
 *       {@link InvalidQueryException}: a cursor names one record, which cannot start the page of
 *       every parent, and per-parent distinct is not offered; page with skip and take, or read the
 *       related records with a findMany of their own.</li>
 * </ul>
 * Every value is a bind; identifiers are quoted by the dialect. A dialect that does not
 * {@linkplain Dialect#supportsArrayParameters() bind arrays} gets one bind per key part instead:
 * {@code "Post"."authorId" IN (?, ?)}, {@code ("Item"."shelfAisle", "Item"."shelfNumber") IN ((?, ?), (?, ?))}.
 */
final class RelationRenderer {

    private static final String LINK_ALIAS = "refract_link";
    private static final String RELATED_ALIAS = "refract_related";
    private static final String ROW_NUMBER = "refract_row";
    private static final String KEY_COLUMN = "refract_key_";


    private final SchemaMeta schema;
    private final Dialect dialect;
    private final TableLayout[] tables;
    private final FilterRenderer filters;
    private final SortKeys sortKeys;
    private final SelectList selectList;

    /** @param tables the renderer's table layouts by model index, {@code null} for models of other datasources */
    RelationRenderer(SchemaMeta schema, Dialect dialect, TableLayout[] tables, FilterRenderer filters,
            SortKeys sortKeys, SelectList selectList) {
        this.schema = schema;
        this.dialect = dialect;
        this.tables = tables;
        this.filters = filters;
        this.sortKeys = sortKeys;
        this.selectList = selectList;
    }

    /** The statement of {@code find}, whose model's table is {@code table}. */
    SqlStatement findRelated(SqlBuilder sql, TableLayout table, Operation.FindRelated find) {
        RelationLink link = link(schema.model(find.parentModel()), find.field());
        String relation = link.parent().name() + "." + link.parent().field(find.field()).name();
        if (link.target().index() != table.model.index()) {
            throw new IllegalArgumentException("Relation " + relation + " leads to " + link.target().name()
                    + ", not to " + table.model.name());
        }
        Query query = find.query();
        if (query.cursor() != null) {
            throw new InvalidQueryException(link.parent().name(), List.of(link.parent().field(find.field()).name()),
                    "The include of " + relation + " has a cursor, which cannot start the page of every "
                            + link.parent().name() + ": page the included records with skip and take, or read them"
                            + " with a findMany of " + table.model.name() + " of their own");
        }
        if (!query.distinct().isEmpty()) {
            throw new InvalidQueryException(link.parent().name(), List.of(link.parent().field(find.field()).name()),
                    "The include of " + relation + " asks for distinct records, which an include does not offer:"
                            + " read them with a findMany of " + table.model.name() + " of their own");
        }
        Selection selection = query.selection();
        List<Integer> fields = selection.allFields() ? table.allFields : selection.fields();
        Key key = key(link, table, find.keys());
        List<Integer> counted = new ArrayList<>(selection.counts().size());
        for (Selection.RelationCount count : selection.counts()) {
            counted.add(count.field());
        }
        boolean keyColumns = !find.keyAmongFields(link);
        boolean paged = query.skip() > 0 || query.take() != null;
        if (paged) {
            paged(sql, table, query, fields, key, keyColumns);
        } else {
            plain(sql, table, query, fields, key, keyColumns);
        }
        return sql.toStatement(new ResultShape.Rows(table.model.index(), fields, counted,
                keyColumns ? key.fields() : List.of()));
    }

    /**
     * {@code SELECT … FROM target WHERE key matches ORDER BY order, id}; the key columns read after the
     * fields when {@code keyColumns}.
     */
    private void plain(SqlBuilder sql, TableLayout table, Query query, List<Integer> fields, Key key,
            boolean keyColumns) {
        String qualifier = table.table + ".";
        sql.append("SELECT ");
        SqlRenderer.appendColumns(sql.text(), table, fields, qualifier, true);
        counts(sql, table, query.selection(), qualifier);
        if (keyColumns) {
            for (String column : key.columns()) {
                sql.append(", ").append(column);
            }
        }
        fromAndWhere(sql, table, query, key);
        List<OrderBy> order = withIdKeys(table, query.orderBy(), key);
        // a to-one target read by its id has one row per key, and the caller orders by a selected
        // numeric id itself: nothing to order
        if (!order.isEmpty() && !(query.orderBy().isEmpty() && orderedByCaller(table, fields))) {
            sql.append(" ORDER BY ");
            sortKeys.keys(sql, table, order, qualifier);
        }
    }

    /**
     * The rows numbered per parent in a subquery, the outer query keeping a page of each:
     * {@code SELECT … FROM (SELECT …, row_number() OVER (PARTITION BY key ORDER BY order, id) …) AS r
     * WHERE r.n > skip AND r.n <= skip + take ORDER BY key, n}; the outer query reads the key columns
     * after the fields when {@code keyColumns}.
     */
    private void paged(SqlBuilder sql, TableLayout table, Query query, List<Integer> fields, Key key,
            boolean keyColumns) {
        String alias = dialect.quote(table.model.dbName().equals(RELATED_ALIAS) ? RELATED_ALIAS + "_row" : RELATED_ALIAS);
        String related = alias + ".";
        String rowNumber = related + dialect.quote(ROW_NUMBER);
        List<String> keyQualified = new ArrayList<>(key.columns().size());
        for (int i = 0; i < key.columns().size(); i++) {
            keyQualified.add(related + dialect.quote(KEY_COLUMN + i));
        }
        sql.append("SELECT ");
        SqlRenderer.appendColumns(sql.text(), table, fields, related, true);
        counts(sql, table, query.selection(), related);
        if (keyColumns) {
            for (String column : keyQualified) {
                sql.append(", ").append(column);
            }
        }
        // the inner rows carry what the outer select reads: the fields and the keys of the counts
        Set<Integer> inner = new LinkedHashSet<>(fields);
        for (Selection.RelationCount count : query.selection().counts()) {
            inner.addAll(link(table.model, count.field()).parentKey());
        }
        String qualifier = table.table + ".";
        sql.append(" FROM (SELECT ");
        SqlRenderer.appendColumns(sql.text(), table, List.copyOf(inner), qualifier, false);
        for (int i = 0; i < key.columns().size(); i++) {
            sql.append(", ").append(key.columns().get(i)).append(" AS ").identifier(KEY_COLUMN + i);
        }
        sql.append(", row_number() OVER (PARTITION BY ").append(String.join(", ", key.columns())).append(" ORDER BY ");
        sortKeys.keys(sql, table, withIdKeys(table, query.orderBy(), key), qualifier);
        sql.append(") AS ").identifier(ROW_NUMBER);
        fromAndWhere(sql, table, query, key);
        sql.append(") AS ").append(alias);
        sql.append(" WHERE ").append(rowNumber).append(" > ");
        sql.bind(Bind.of((long) query.skip()));
        if (query.take() != null) {
            sql.append(" AND ").append(rowNumber).append(" <= ");
            sql.bind(Bind.of((long) query.skip() + query.take()));
        }
        sql.append(" ORDER BY ").append(String.join(", ", keyQualified)).append(", ").append(rowNumber);
    }

    /** {@code FROM target [JOIN link table] WHERE key matches [AND (where)]}. */
    private void fromAndWhere(SqlBuilder sql, TableLayout table, Query query, Key key) {
        sql.append(" FROM ").append(table.table).append(key.join());
        sql.append(" WHERE ");
        if (!dialect.supportsArrayParameters()) {
            keyList(sql, key);
        } else if (key.columns().size() == 1) {
            sql.append(key.columns().get(0)).append(" = ANY(");
            bindKeys(sql, key, 0);
            sql.append(')');
        } else {
            sql.append('(').append(String.join(", ", key.columns())).append(") IN (SELECT * FROM unnest(");
            for (int i = 0; i < key.columns().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                bindKeys(sql, key, i);
            }
            sql.append("))");
        }
        if (!isAll(query.where())) {
            sql.append(" AND (");
            filters.condition(sql, table, table.table + ".", query.where(), true);
            sql.append(')');
        }
    }

    /**
     * The keys as a list of binds, for a dialect without array parameters: {@code key IN (?, ?, …)},
     * a compound key {@code (a, b) IN ((?, ?), (?, ?), …)}; no key matches nothing.
     */
    private void keyList(SqlBuilder sql, Key key) {
        if (key.values().isEmpty()) {
            sql.append("FALSE");
            return;
        }
        int width = key.columns().size();
        sql.append(width == 1 ? key.columns().get(0) : "(" + String.join(", ", key.columns()) + ")").append(" IN (");
        for (int k = 0; k < key.values().size(); k++) {
            sql.append(k == 0 ? "" : ", ").append(width == 1 ? "" : "(");
            for (int part = 0; part < width; part++) {
                sql.append(part == 0 ? "" : ", ");
                Object value = part(key, key.values().get(k), part);
                ColumnType type = key.types().get(part);
                sql.bind(Bind.of(value));
                sql.append(dialect.valueCast(new ColumnType(type.scalar(), type.enumName(), false, type.nativeType())));
            }
            sql.append(width == 1 ? "" : ")");
        }
        sql.append(')');
    }

    /** Part {@code part} of one parent's key: the key itself for one column, else an element of its {@code List}. */
    private static Object part(Key key, Object value, int part) {
        int width = key.columns().size();
        if (width == 1) {
            if (value == null) {
                throw new IllegalArgumentException("A key of " + key.relation() + " is null; parents without a key"
                        + " have no related records to load");
            }
            return value;
        }
        if (value instanceof List<?> parts && parts.size() == width && parts.get(part) != null) {
            return parts.get(part);
        }
        throw new IllegalArgumentException("A key of " + key.relation() + " holds " + width
                + " values as a List, not " + value);
    }

    /** Binds part {@code part} of every key as one array, cast to the array of the key column's type. */
    private void bindKeys(SqlBuilder sql, Key key, int part) {
        List<Object> values = new ArrayList<>(key.values().size());
        int width = key.columns().size();
        for (Object value : key.values()) {
            if (width == 1) {
                values.add(value);
            } else if (value instanceof List<?> parts && parts.size() == width) {
                values.add(parts.get(part));
            } else {
                throw new IllegalArgumentException("A key of " + key.relation() + " holds " + width
                        + " values as a List, not " + value);
            }
        }
        sql.bind(new Bind(values, List.class));
        sql.append(dialect.valueCast(key.types().get(part)));
    }

    /** One {@code (SELECT count(*) …)} column per relation the selection counts, correlated with {@code qualifier}'s row. */
    private void counts(SqlBuilder sql, TableLayout table, Selection selection, String qualifier) {
        for (Selection.RelationCount count : selection.counts()) {
            sql.append(", ");
            selectList.count(sql, table, count, qualifier, 1);
        }
    }

    /**
     * The key columns of {@code link}'s target rows, qualified, with their types and fields (the
     * target's key columns, or the join table's parent column), matching {@code keys}.
     */
    private Key key(RelationLink link, TableLayout table, List<Object> keys) {
        String relation = link.parent().name() + "." + link.parent().field(link.relation().field()).name();
        List<String> columns = new ArrayList<>(link.targetKey().size());
        List<ColumnType> types = new ArrayList<>(link.targetKey().size());
        List<FieldMeta> fields = new ArrayList<>(link.targetKey().size());
        if (link.shape() == RelationLink.Shape.JOIN_TABLE) {
            RelationLink.JoinTable joinTable = link.joinTable();
            String alias = dialect.quote(table.model.dbName().equals(LINK_ALIAS) ? LINK_ALIAS + "_row" : LINK_ALIAS);
            int parentId = link.parentKey().get(0);
            TableLayout parent = table(link.parent().index(), relation);
            columns.add(alias + "." + dialect.quote(joinTable.parentColumn()));
            types.add(listOf(parent.type(parentId)));
            fields.add(link.parent().field(parentId));
            String join = " JOIN " + dialect.quote(joinTable.name()) + " AS " + alias + " ON " + alias + "."
                    + dialect.quote(joinTable.targetColumn()) + " = " + table.table + "." + table.column(link.targetKey().get(0));
            return new Key(relation, columns, types, fields, join, List.of(), keys);
        }
        for (int field : link.targetKey()) {
            columns.add(table.table + "." + table.column(field));
            types.add(listOf(table.type(field)));
            fields.add(table.model.field(field));
        }
        return new Key(relation, columns, types, fields, "", link.targetKey(), keys);
    }

    /**
     * The key columns of a statement and the keys they match.
     *
     * @param relation the relation, {@code Model.field}, for messages
     * @param columns  the qualified key columns
     * @param types    each column's type as a list, for the cast of its array
     * @param fields   what each column holds, for reading it
     * @param join     the join of the link table with its leading space, or empty
     * @param targetFields the target's fields the key columns are, or none for a join table's column
     * @param values   the keys: single values, or {@code List}s for a compound key
     */
    private record Key(String relation, List<String> columns, List<ColumnType> types, List<FieldMeta> fields,
            String join, List<Integer> targetFields, List<Object> values) {}

    private static ColumnType listOf(ColumnType type) {
        return new ColumnType(type.scalar(), type.enumName(), true, type.nativeType());
    }

    /**
     * {@code order} with the table's id fields appended (ascending) where neither it nor the key
     * holds them, for a total order within each parent.
     */
    private static List<OrderBy> withIdKeys(TableLayout table, List<OrderBy> order, Key key) {
        List<OrderBy> total = new ArrayList<>(order);
        for (int field : table.model.id().fields()) {
            boolean present = key.targetFields().contains(field);
            for (OrderBy sort : order) {
                present |= sort.key() instanceof OrderBy.Key.Field sorted && sorted.field() == field;
            }
            if (!present) {
                total.add(new OrderBy(field, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT));
            }
        }
        return total;
    }

    /**
     * True when the caller orders each parent's records by the target's id itself, as it does when the
     * query has no order: every id field is a selected {@code Int} or {@code BigInt}, whose order in
     * Java is the database's.
     */
    private static boolean orderedByCaller(TableLayout table, List<Integer> fields) {
        for (int field : table.model.id().fields()) {
            FieldMeta meta = table.model.field(field);
            boolean numeric = meta.scalarType() == ScalarType.INT || meta.scalarType() == ScalarType.BIGINT;
            if (!numeric || meta.isList() || !fields.contains(field)) {
                return false;
            }
        }
        return true;
    }

    private RelationLink link(ModelMeta model, int field) {
        String name = field >= 0 && field < model.fieldCount() ? model.field(field).name() : "#" + field;
        if (!name.startsWith("#") && model.field(field).isRelation()) {
            try {
                return RelationLink.of(schema, model.index(), field);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(model.name(), List.of(name), e.getMessage());
            }
        }
        throw new InvalidQueryException(model.name(), List.of(name), "Field " + name + " of " + model.name()
                + " is not a relation field");
    }

    private TableLayout table(int model, String relation) {
        TableLayout table = model >= 0 && model < tables.length ? tables[model] : null;
        if (table == null) {
            throw new InvalidQueryException(schema.model(model).name(), List.of(), "The relation " + relation
                    + " leads to " + schema.model(model).name() + ", which lives in another datasource, so SQL"
                    + " cannot join it");
        }
        return table;
    }

    private static boolean isAll(Filter filter) {
        return filter instanceof Filter.And and && and.filters().isEmpty();
    }
}
