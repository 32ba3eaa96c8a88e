package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ScalarType;
import dev.refract.query.Filter;
import dev.refract.query.WriteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Writes {@code INSERT}, {@code UPDATE}, upserts and {@code DELETE}; see {@link SqlRenderer} for the rules. */
final class WriteRenderer {

    private static final String UPDATED_ALIAS = "refract_updated";
    private static final String INSERTED_ALIAS = "refract_inserted";

    private final Dialect dialect;
    private final FilterRenderer filters;
    private final SelectList selectList;

    WriteRenderer(Dialect dialect, FilterRenderer filters, SelectList selectList) {
        this.dialect = dialect;
        this.filters = filters;
        this.selectList = selectList;
    }

    SqlStatement create(SqlBuilder sql, TableLayout table, WriteData data, SqlRenderer.Selected returning) {
        insertRow(sql, table, data);
        return returning(sql, table, returning);
    }

    /** Appends {@code INSERT INTO t (…) VALUES (…)} of one record. */
    void insertRow(SqlBuilder sql, TableLayout table, WriteData data) {
        sql.append(dialect.insertInto(false)).append(table.table);
        if (data.writes().isEmpty()) {
            sql.append(dialect.defaultValues());
        } else {
            columnsAndValues(sql, table, data.writes(), " VALUES (");
            sql.append(')');
        }
    }

    /** Appends {@code " (c1, c2) <values>v1, v2"}: the written columns, then {@code values} and the bound values. */
    private void columnsAndValues(SqlBuilder sql, TableLayout table, List<WriteData.FieldWrite> writes, String values) {
        sql.append(" (");
        for (int i = 0; i < writes.size(); i++) {
            WriteData.FieldWrite write = insertable(table, writes, i);
            sql.append(i == 0 ? "" : ", ").append(table.column(write.field()));
        }
        sql.append(")").append(values);
        for (int i = 0; i < writes.size(); i++) {
            WriteData.FieldWrite write = writes.get(i);
            sql.append(i == 0 ? "" : ", ");
            filters.bindValue(sql, table, write.field(), write.value());
        }
    }

    /**
     * A multi-row insert; {@code returning} is {@code null} for a count, or the columns to return
     * ({@code createManyAndReturn}).
     */
    SqlStatement createMany(SqlBuilder sql, TableLayout table, List<WriteData> rows, boolean skipDuplicates,
            SqlRenderer.Selected returning) {
        sql.append(dialect.insertInto(skipDuplicates)).append(table.table);
        if (rows.isEmpty()) {
            // inserts nothing, yet is a real insert: the count is 0 and RETURNING yields no row
            sql.append(" SELECT * FROM ").append(table.table).append(" WHERE FALSE");
            return returning(sql, table, returning);
        }
        int fieldCount = table.model.fieldCount();
        boolean[] present = new boolean[fieldCount];
        int columns = 0;
        for (WriteData row : rows) {
            for (int i = 0; i < row.writes().size(); i++) {
                int field = insertable(table, row.writes(), i).field();
                if (!present[field]) {
                    present[field] = true;
                    columns++;
                }
            }
        }
        if (columns == 0) {
            // every row takes every default; a row of VALUES needs at least one column
            present[table.model.id().fields().get(0)] = true;
        }
        sql.append(" (");
        boolean first = true;
        for (int field = 0; field < fieldCount; field++) {
            if (present[field]) {
                sql.append(first ? "" : ", ").append(table.columns[field]);
                first = false;
            }
        }
        sql.append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            List<WriteData.FieldWrite> writes = rows.get(r).writes();
            sql.append(r == 0 ? "(" : ", (");
            first = true;
            for (int field = 0; field < fieldCount; field++) {
                if (!present[field]) {
                    continue;
                }
                sql.append(first ? "" : ", ");
                first = false;
                WriteData.FieldWrite write = find(writes, field);
                if (write == null) {
                    sql.append("DEFAULT");
                } else {
                    filters.bindValue(sql, table, field, write.value());
                }
            }
            sql.append(')');
        }
        if (skipDuplicates) {
            sql.append(dialect.skipDuplicatesSuffix());
        }
        return returning(sql, table, returning);
    }

    /** An {@code UPDATE}; {@code returning} is {@code null} for a count. */
    SqlStatement update(SqlBuilder sql, TableLayout table, Filter where, WriteData data,
            SqlRenderer.Selected returning) {
        sql.append("UPDATE ").append(table.table).append(" SET ");
        assignments(sql, table, data, "");
        filters.where(sql, table, "", where);
        return returning(sql, table, returning);
    }

    SqlStatement upsert(SqlBuilder sql, TableLayout table, Filter where, WriteData create, WriteData update,
            SqlRenderer.Selected returning) {
        List<Filter> conditions = where instanceof Filter.And and ? and.filters() : List.of(where);
        KeyMeta key = conflictKey(table, conditions);
        if (!createsTheKeyItFinds(create, key, conditions)) {
            return updateElseInsert(sql, table, where, create, update, returning);
        }
        insertRow(sql, table, create);
        List<String> conflictColumns = new ArrayList<>(key.fields().size());
        for (int field : key.fields()) {
            conflictColumns.add(table.columns[field]);
        }
        dialect.upsertUpdate(sql.text(), conflictColumns);
        String qualifier = table.table + ".";
        assignments(sql, table, update, qualifier);
        List<Filter> guards = new ArrayList<>(conditions.size());
        for (Filter condition : conditions) {
            if (!fixesKeyField(condition, key)) {
                guards.add(condition);
            }
        }
        if (!guards.isEmpty()) {
            sql.append(" WHERE ");
            filters.condition(sql, table, qualifier, new Filter.And(guards), true);
        }
        return returning(sql, table, returning);
    }

    /**
     * {@code INSERT … <upsert clause> <assignments>} without a guard: the one-statement upsert of a
     * dialect whose clause names no key ({@code ON DUPLICATE KEY UPDATE}), for a plan that has made
     * sure the insert can only collide with the key the where finds by.
     */
    SqlStatement insertOrUpdate(SqlBuilder sql, TableLayout table, WriteData create, WriteData update) {
        insertRow(sql, table, create);
        dialect.upsertUpdate(sql.text(), List.of());
        assignments(sql, table, update, table.table + ".");
        return sql.toStatement(new ResultShape.AffectedCount());
    }

    /**
     * An upsert whose create does not write the key its where finds by (an autoincrement id, say),
     * so no insert can conflict with the record found: {@code WITH u AS (UPDATE … RETURNING …),
     * i AS (INSERT … SELECT … WHERE NOT EXISTS (SELECT 1 FROM u) RETURNING …) SELECT * FROM u UNION ALL
     * SELECT * FROM i}. One statement, so the update and the insert see one snapshot.
     */
    private SqlStatement updateElseInsert(SqlBuilder sql, TableLayout table, Filter where, WriteData create,
            WriteData update, SqlRenderer.Selected returning) {
        if (create.writes().isEmpty()) {
            throw new InvalidQueryException(table.model.name(), List.of(), "This upsert on " + table.model.name()
                    + " creates a record of defaults alone, which cannot be told apart from the one its where finds:"
                    + " give the create the where's unique values, or at least one value");
        }
        String updated = dialect.quote(UPDATED_ALIAS);
        String inserted = dialect.quote(INSERTED_ALIAS);
        sql.append("WITH ").append(updated).append(" AS (UPDATE ").append(table.table).append(" SET ");
        assignments(sql, table, update, "");
        filters.where(sql, table, "", where);
        sql.append(" RETURNING ");
        selectList.append(sql, table, returning, "");
        sql.append("), ").append(inserted).append(" AS (").append(dialect.insertInto(false)).append(table.table);
        columnsAndValues(sql, table, create.writes(), " SELECT ");
        sql.append(" WHERE NOT EXISTS (SELECT 1 FROM ").append(updated).append(") RETURNING ");
        selectList.append(sql, table, returning, "");
        sql.append(") SELECT * FROM ").append(updated).append(" UNION ALL SELECT * FROM ").append(inserted);
        return sql.toStatement(returning.shape());
    }

    /** True when {@code create} sets every field of {@code key} to the value {@code conditions} find it by. */
    static boolean createsTheKeyItFinds(WriteData create, KeyMeta key, List<Filter> conditions) {
        for (int field : key.fields()) {
            WriteData.FieldWrite write = find(create.writes(), field);
            Object found = null;
            for (Filter condition : conditions) {
                if (condition instanceof Filter.Comparison comparison && comparison.field() == field
                        && isKeyEquality(comparison)) {
                    found = comparison.value();
                }
            }
            if (write == null || write.op() != WriteData.WriteOp.SET || !Objects.deepEquals(write.value(), found)) {
                return false;
            }
        }
        return true;
    }

    /** A {@code DELETE}; {@code returning} is {@code null} for a count. */
    SqlStatement delete(SqlBuilder sql, TableLayout table, Filter where, SqlRenderer.Selected returning) {
        sql.append("DELETE FROM ").append(table.table);
        filters.where(sql, table, "", where);
        return returning(sql, table, returning);
    }

    private SqlStatement returning(SqlBuilder sql, TableLayout table, SqlRenderer.Selected returning) {
        if (returning == null) {
            return sql.toStatement(new ResultShape.AffectedCount());
        }
        sql.append(" RETURNING ");
        selectList.append(sql, table, returning, "");
        return sql.toStatement(returning.shape());
    }

    /**
     * Appends {@code col = value, …}; {@code qualifier} prefixes the column read on the right of
     * arithmetic, where an upsert sees both the stored and the proposed row.
     */
    private void assignments(SqlBuilder sql, TableLayout table, WriteData data, String qualifier) {
        List<WriteData.FieldWrite> writes = data.writes();
        if (writes.isEmpty()) {
            String id = table.column(table.model.id().fields().get(0));
            sql.append(id).append(" = ").append(qualifier).append(id);
            return;
        }
        for (int i = 0; i < writes.size(); i++) {
            WriteData.FieldWrite write = writes.get(i);
            int field = write.field();
            String column = table.column(field);
            requireOnce(table, writes, i);
            sql.append(i == 0 ? "" : ", ").append(column).append(" = ");
            if (write.op() == WriteData.WriteOp.SET) {
                filters.bindValue(sql, table, field, write.value());
                continue;
            }
            if (!table.types[field].isNumeric()) {
                throw table.invalid(field, write.op().name().toLowerCase(java.util.Locale.ROOT) + " applies to numeric fields; "
                        + table.fieldName(field) + " of " + table.model.name() + " is not one — use set");
            }
            // A column the dialect reads through a conversion (money as numeric) computes in the
            // type it is read as, and the result is cast back to the column's own type.
            String stored = qualifier + column;
            String read = dialect.readExpression(stored, table.types[field]);
            boolean converted = !read.equals(stored);
            sql.append(converted ? "(" : "").append(read).append(switch (write.op()) {
                case INCREMENT -> " + ";
                case DECREMENT -> " - ";
                case MULTIPLY -> " * ";
                default -> wholeNumber(table.types[field]) ? dialect.wholeNumberDivision() : " / ";
            });
            sql.bind(Bind.of(write.value()));
            if (converted) {
                sql.append(")").append(dialect.elementCast(table.types[field]));
            }
        }
    }

    /** True for an Int or BigInt column, which {@code divide} divides as whole numbers. */
    private static boolean wholeNumber(ColumnType type) {
        return type.scalar() == ScalarType.INT || type.scalar() == ScalarType.BIGINT;
    }

    private static WriteData.FieldWrite insertable(TableLayout table, List<WriteData.FieldWrite> writes, int index) {
        WriteData.FieldWrite write = writes.get(index);
        table.column(write.field());
        if (write.op() != WriteData.WriteOp.SET) {
            throw table.invalid(write.field(), "A create sets values; " + write.op().name().toLowerCase(java.util.Locale.ROOT)
                    + " of " + table.fieldName(write.field()) + " applies only to updates");
        }
        requireOnce(table, writes, index);
        return write;
    }

    private static void requireOnce(TableLayout table, List<WriteData.FieldWrite> writes, int index) {
        int field = writes.get(index).field();
        for (int i = 0; i < index; i++) {
            if (writes.get(i).field() == field) {
                throw table.invalid(field, table.fieldName(field) + " of " + table.model.name()
                        + " is written twice in one statement; write it once");
            }
        }
    }

    static WriteData.FieldWrite find(List<WriteData.FieldWrite> writes, int field) {
        for (WriteData.FieldWrite write : writes) {
            if (write.field() == field) {
                return write;
            }
        }
        return null;
    }

    /** The id, or else the first unique, whose every field {@code conditions} fix with a plain {@code equals}. */
    static KeyMeta conflictKey(TableLayout table, List<Filter> conditions) {
        return keyFixedBy(table, conditions).orElseThrow(() -> new InvalidQueryException(table.model.name(), List.of(), "An upsert on " + table.model.name()
                + " needs a where that fixes a unique key with equals (its id or a @unique/@@unique), so the"
                + " database can tell a conflicting record"));
    }

    /** The id, or else the first unique, whose every field {@code conditions} fix with a plain {@code equals}. */
    static Optional<KeyMeta> keyFixedBy(TableLayout table, List<Filter> conditions) {
        if (coveredBy(table.model.id(), conditions)) {
            return Optional.of(table.model.id());
        }
        for (KeyMeta unique : table.model.uniques()) {
            if (coveredBy(unique, conditions)) {
                return Optional.of(unique);
            }
        }
        return Optional.empty();
    }

    private static boolean coveredBy(KeyMeta key, List<Filter> conditions) {
        for (int field : key.fields()) {
            boolean fixed = false;
            for (Filter condition : conditions) {
                fixed |= condition instanceof Filter.Comparison comparison && comparison.field() == field
                        && isKeyEquality(comparison);
            }
            if (!fixed) {
                return false;
            }
        }
        return true;
    }

    static boolean fixesKeyField(Filter condition, KeyMeta key) {
        return condition instanceof Filter.Comparison comparison && isKeyEquality(comparison)
                && key.fields().contains(comparison.field());
    }

    private static boolean isKeyEquality(Filter.Comparison comparison) {
        return comparison.operator() == Filter.Operator.EQUALS && comparison.mode() == Filter.Mode.DEFAULT;
    }
}
