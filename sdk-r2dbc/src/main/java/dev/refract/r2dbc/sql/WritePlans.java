package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.KeyMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.r2dbc.sql.SqlPlan.CheckWarnings;
import dev.refract.r2dbc.sql.SqlPlan.Run;
import dev.refract.r2dbc.sql.SqlPlan.Step;
import dev.refract.r2dbc.sql.SqlPlan.Yield;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@link SqlPlan.Steps} of writes a dialect cannot carry out in one statement: writes that must
 * return records where {@code RETURNING} is missing, and inserts that skip duplicates with an
 * {@code INSERT IGNORE} whose warnings must be checked. Each step is rendered by the same renderers
 * as single statements; a step that needs earlier results captures only immutable values.
 *
 * <ul>
 *   <li>{@code create}: the {@code INSERT}, then the record read back by the id the create gives,
 *       or {@code LAST_INSERT_ID()} for an autoincrement id, or a unique key the create gives.</li>
 *   <li>{@code createManyAndReturn}: {@code INSERT … RETURNING} where inserts return rows (followed
 *       by the warning check when skipping duplicates); else one {@code INSERT} and one read by the
 *       ids every row gives (in the rows' order), or by the range of autoincrement ids the insert
 *       took ({@code id BETWEEN LAST_INSERT_ID() AND LAST_INSERT_ID() + (n - 1) *
 *       @@auto_increment_increment}, MySQL's ids of one multi-row insert being consecutive); when
 *       skipping duplicates or when some rows give ids and others do not, an insert and a read per
 *       row, the read skipped when its insert added nothing.</li>
 *   <li>{@code update}, {@code updateManyAndReturn}: {@code SELECT id … FOR UPDATE} by the where,
 *       {@code UPDATE} of those ids, the records read back by their ids (the new ids when the update
 *       sets them); nothing found skips both.</li>
 *   <li>{@code upsert}: {@code INSERT … ON DUPLICATE KEY UPDATE} and a read by the key when the where
 *       is exactly a unique key the create repeats, the update leaves that key alone, and no other
 *       unique key of the model can collide (an autoincrement id the create leaves out cannot);
 *       otherwise {@code SELECT id … FOR UPDATE}, then the update and its read back when a record
 *       was found, or the insert and its read back when none was.</li>
 *   <li>{@code delete}: the record read and locked ({@code FOR UPDATE}), then deleted by its id; with
 *       relation counts or without the id in the selection, the ids are locked first.</li>
 *   <li>{@code unlink}: the join rows' targets read and locked, then the join rows deleted.</li>
 *   <li>{@code createMany}, {@code link} with an {@code INSERT IGNORE}: the session's warning limit
 *       raised, the insert, and the warning check that lets only duplicates pass.</li>
 * </ul>
 */
final class WritePlans {

    private static final Set<Integer> DUPLICATES = Set.of(CheckWarnings.DUPLICATE_ENTRY);

    private final SqlRenderer renderer;
    private final Dialect dialect;
    private final WriteRenderer writes;
    private final JoinTableRenderer joinTables;

    WritePlans(SqlRenderer renderer, Dialect dialect, WriteRenderer writes, JoinTableRenderer joinTables) {
        this.renderer = renderer;
        this.dialect = dialect;
        this.writes = writes;
        this.joinTables = joinTables;
    }

    /** True when {@code operation} takes more than one statement in this dialect. */
    boolean needsPlan(Operation operation) {
        boolean ignoring = dialect.skipsMoreThanDuplicates();
        if (operation instanceof Operation.Create) {
            return !dialect.supportsReturning(Dialect.WriteKind.INSERT);
        } else if (operation instanceof Operation.CreateMany createMany) {
            return createMany.skipDuplicates() && ignoring;
        } else if (operation instanceof Operation.CreateManyAndReturn createMany) {
            return !dialect.supportsReturning(Dialect.WriteKind.INSERT) || (createMany.skipDuplicates() && ignoring);
        } else if (operation instanceof Operation.Update || operation instanceof Operation.UpdateManyAndReturn) {
            return !dialect.supportsReturning(Dialect.WriteKind.UPDATE);
        } else if (operation instanceof Operation.Upsert) {
            return !dialect.supportsReturning();
        } else if (operation instanceof Operation.Delete || operation instanceof Operation.Unlink) {
            return !dialect.supportsReturning(Dialect.WriteKind.DELETE);
        } else if (operation instanceof Operation.Link) {
            return ignoring;
        }
        return false;
    }

    /** The steps of {@code operation}, for which {@link #needsPlan} holds. */
    SqlPlan.Steps plan(TableLayout table, Operation operation) {
        if (operation instanceof Operation.Create create) {
            SqlRenderer.Selected selected = renderer.selected(table, create.selection());
            return new SqlPlan.Steps(List.of(
                    Run.of("insert the record", writes.create(builder(), table, create.data(), null), Yield.NOTHING),
                    Run.of("read the record inserted", readInserted(table, create.data(), selected), Yield.ROWS)),
                    selected.shape());
        } else if (operation instanceof Operation.CreateMany createMany) {
            return ignoring(writes.createMany(builder(), table, createMany.data(), true, null));
        } else if (operation instanceof Operation.CreateManyAndReturn createMany) {
            return createManyAndReturn(table, createMany);
        } else if (operation instanceof Operation.Update update) {
            return updateOne(table, update.where(), update.data(), update.selection());
        } else if (operation instanceof Operation.UpdateManyAndReturn update) {
            return update(table, update.where(), update.data(), update.selection());
        } else if (operation instanceof Operation.Upsert upsert) {
            return upsert(table, upsert);
        } else if (operation instanceof Operation.Delete delete) {
            return delete(table, delete);
        } else if (operation instanceof Operation.Link link) {
            return ignoring(joinTables.link(builder(), link));
        } else if (operation instanceof Operation.Unlink unlink) {
            SqlStatement targets = joinTables.unlinkedTargets(builder(), unlink);
            return new SqlPlan.Steps(List.of(
                    Run.of("read and lock the join rows to remove", targets, Yield.ROWS),
                    Run.of("remove the join rows", joinTables.unlink(builder(), unlink), Yield.NOTHING)),
                    targets.result());
        }
        throw new IllegalArgumentException(operation.getClass().getSimpleName() + " is one statement, not a plan");
    }

    // ------------------------------------------------------------------------------------- inserts

    /** An {@code INSERT IGNORE} counting what it added, checked to have skipped duplicates only. */
    private static SqlPlan.Steps ignoring(SqlStatement insert) {
        return new SqlPlan.Steps(List.of(
                Run.of("let the session keep every warning", CheckWarnings.RAISE_LIMIT, Yield.NOTHING),
                Run.of("insert, skipping duplicates", insert, Yield.COUNT),
                new CheckWarnings(DUPLICATES)), new ResultShape.AffectedCount());
    }

    private SqlPlan.Steps createManyAndReturn(TableLayout table, Operation.CreateManyAndReturn createMany) {
        SqlRenderer.Selected selected = renderer.selected(table, createMany.selection());
        List<WriteData> rows = createMany.data();
        boolean skip = createMany.skipDuplicates();
        List<Step> steps = new ArrayList<>();
        if (skip) {
            steps.add(Run.of("let the session keep every warning", CheckWarnings.RAISE_LIMIT, Yield.NOTHING));
        }
        if (dialect.supportsReturning(Dialect.WriteKind.INSERT)) {
            steps.add(Run.of("insert the records", writes.createMany(builder(), table, rows, skip, selected),
                    Yield.ROWS));
            if (skip) {
                steps.add(new CheckWarnings(DUPLICATES));
            }
            return new SqlPlan.Steps(steps, selected.shape());
        }
        List<Integer> id = table.model.id().fields();
        List<List<Object>> given = new ArrayList<>(rows.size());
        for (WriteData row : rows) {
            List<Object> key = given(row, id);
            if (key != null) {
                given.add(key);
            }
        }
        if (!skip && !rows.isEmpty() && given.size() == rows.size()) {
            steps.add(Run.of("insert the records", writes.createMany(builder(), table, rows, false, null),
                    Yield.NOTHING));
            steps.add(Run.of("read the records inserted", read(table, selected, sql -> {
                renderer.filters().condition(sql, table, "", keys(table, id, given), true);
                if (id.size() == 1) {
                    sql.append(" ORDER BY FIELD(").append(table.column(id.get(0)));
                    for (List<Object> key : given) {
                        sql.append(", ");
                        renderer.filters().bindValue(sql, table, id.get(0), key.get(0));
                    }
                    sql.append(')');
                }
            }), Yield.ROWS));
            return new SqlPlan.Steps(steps, selected.shape());
        }
        if (!skip && !rows.isEmpty() && given.isEmpty() && autoincrement(table)) {
            String column = table.column(id.get(0));
            steps.add(Run.of("insert the records", writes.createMany(builder(), table, rows, false, null),
                    Yield.NOTHING));
            steps.add(Run.of("read the records inserted", read(table, selected, sql -> {
                // one multi-row insert takes consecutive ids, LAST_INSERT_ID() being the first
                sql.append(column).append(" BETWEEN LAST_INSERT_ID() AND LAST_INSERT_ID() + ");
                sql.bind(Bind.of((long) rows.size() - 1));
                sql.append(" * @@auto_increment_increment ORDER BY ").append(column);
            }), Yield.ROWS));
            return new SqlPlan.Steps(steps, selected.shape());
        }
        for (int i = 0; i < rows.size(); i++) {
            int insert = steps.size();
            steps.add(Run.of("insert record " + (i + 1), writes.createMany(builder(), table, List.of(rows.get(i)),
                    skip, null), Yield.NOTHING));
            if (skip) {
                steps.add(new CheckWarnings(DUPLICATES));
            }
            Optional<SqlStatement> read = Optional.of(readInserted(table, rows.get(i), selected));
            steps.add(new Run("read record " + (i + 1) + " back, if inserted",
                    results -> results.get(insert).count() > 0 ? read : Optional.empty(), Yield.ROWS));
        }
        return new SqlPlan.Steps(steps, selected.shape());
    }

    /**
     * The read of the record {@code data} inserts: by the id it gives, by {@code LAST_INSERT_ID()}
     * for an autoincrement id, or by a unique key it gives.
     *
     * @throws InvalidQueryException when none of these can find it
     */
    private SqlStatement readInserted(TableLayout table, WriteData data, SqlRenderer.Selected selected) {
        List<KeyMeta> keys = new ArrayList<>();
        keys.add(table.model.id());
        keys.addAll(table.model.uniques());
        for (int k = 0; k < keys.size(); k++) {
            List<Object> key = given(data, keys.get(k).fields());
            if (key != null) {
                Filter found = keys(table, keys.get(k).fields(), List.of(key));
                return read(table, selected, sql -> renderer.filters().condition(sql, table, "", found, true));
            }
            if (k == 0 && autoincrement(table)) {
                String column = table.column(table.model.id().fields().get(0));
                return read(table, selected, sql -> sql.append(column).append(" = LAST_INSERT_ID()"));
            }
        }
        throw new InvalidQueryException(table.model.name(), List.of(), "A create of " + table.model.name()
                + " must return the record, and this database returns nothing from an insert: the record is read"
                + " back by its id, but the database makes that id without autoincrement; give the id in the"
                + " create (e.g. @default(cuid()) or uuid()), or use @default(autoincrement())");
    }

    /** The values {@code data} sets to {@code fields}, or {@code null} when it does not set every one. */
    private static List<Object> given(WriteData data, List<Integer> fields) {
        List<Object> values = new ArrayList<>(fields.size());
        for (int field : fields) {
            WriteData.FieldWrite write = WriteRenderer.find(data.writes(), field);
            if (write == null || write.op() != WriteData.WriteOp.SET || write.value() == null) {
                return null;
            }
            values.add(write.value());
        }
        return values;
    }

    /** True when the model's id is one field the database numbers ({@code @default(autoincrement())}). */
    private static boolean autoincrement(TableLayout table) {
        List<Integer> id = table.model.id().fields();
        return id.size() == 1 && table.model.field(id.get(0)).defaultValue() instanceof DefaultValue.Autoincrement;
    }

    // ------------------------------------------------------------------------------------- updates

    /**
     * An update of the one record a where finds by a unique key and nothing else, which changes no
     * field of that key: the {@code UPDATE} itself, then the record read by the same key. The
     * {@code UPDATE}'s row lock holds until the plan's transaction ends, so the read sees this update
     * and no later one, with one round trip fewer than locking first. Any other update goes through
     * {@link #update}.
     */
    private SqlPlan.Steps updateOne(TableLayout table, Filter where, WriteData data, Selection selection) {
        List<Filter> conditions = where instanceof Filter.And and ? and.filters() : List.of(where);
        Optional<KeyMeta> key = WriteRenderer.keyFixedBy(table, conditions);
        if (key.isEmpty() || !conditions.stream().allMatch(condition -> WriteRenderer.fixesKeyField(condition, key.get()))
                || key.get().fields().stream().anyMatch(field -> WriteRenderer.find(data.writes(), field) != null)) {
            return update(table, where, data, selection);
        }
        SqlRenderer.Selected selected = renderer.selected(table, selection);
        return new SqlPlan.Steps(List.of(
                Run.of("update the record by its key", writes.update(builder(), table, where, data, null),
                        Yield.NOTHING),
                Run.of("read the record by its key", read(table, selected, where), Yield.ROWS)),
                selected.shape());
    }

    private SqlPlan.Steps update(TableLayout table, Filter where, WriteData data, Selection selection) {
        SqlRenderer.Selected selected = renderer.selected(table, selection);
        List<Integer> id = table.model.id().fields();
        requireKnownIds(table, data, id);
        return new SqlPlan.Steps(List.of(
                Run.of("lock the records the where finds", lockIds(table, where), Yield.NOTHING),
                new Run("update the records locked", results -> ids(table, results.get(0).rows())
                        .map(found -> writes.update(builder(), table, found, data, null)), Yield.NOTHING),
                new Run("read the records updated", results -> ids(table, updatedIds(data, id, results.get(0).rows()))
                        .map(found -> read(table, selected, found)), Yield.ROWS)),
                selected.shape());
    }

    /** Rejects an update that changes an id by arithmetic, whose new value the plan cannot know. */
    private static void requireKnownIds(TableLayout table, WriteData data, List<Integer> id) {
        for (int field : id) {
            WriteData.FieldWrite write = WriteRenderer.find(data.writes(), field);
            if (write != null && write.op() != WriteData.WriteOp.SET) {
                throw table.invalid(field, "This database returns nothing from an update, so the records are read"
                        + " back by their ids, and this update changes " + table.fieldName(field) + " of "
                        + table.model.name() + " by " + write.op().name().toLowerCase(java.util.Locale.ROOT)
                        + ": set the new id instead");
            }
        }
    }

    /** The ids of {@code rows} as they are after {@code data}: its value where it sets an id field. */
    private static List<Row> updatedIds(WriteData data, List<Integer> id, List<Row> rows) {
        List<Row> updated = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Object[] values = new Object[row.size()];
            for (int field : id) {
                WriteData.FieldWrite write = WriteRenderer.find(data.writes(), field);
                values[field] = write != null ? write.value() : row.get(field);
            }
            updated.add(Row.wrap(values));
        }
        return updated;
    }

    private SqlPlan.Steps upsert(TableLayout table, Operation.Upsert upsert) {
        SqlRenderer.Selected selected = renderer.selected(table, upsert.selection());
        Filter where = upsert.where();
        List<Filter> conditions = where instanceof Filter.And and ? and.filters() : List.of(where);
        KeyMeta key = WriteRenderer.conflictKey(table, conditions);
        if (conditions.stream().allMatch(condition -> WriteRenderer.fixesKeyField(condition, key))
                && WriteRenderer.createsTheKeyItFinds(upsert.create(), key, conditions)
                && key.fields().stream().noneMatch(field -> WriteRenderer.find(upsert.update().writes(), field) != null)
                && onlyKeyCanCollide(table, key, upsert.create())) {
            return new SqlPlan.Steps(List.of(
                    Run.of("insert the record, or update the one with its key",
                            writes.insertOrUpdate(builder(), table, upsert.create(), upsert.update()), Yield.NOTHING),
                    Run.of("read the record by its key", read(table, selected, where), Yield.ROWS)),
                    selected.shape());
        }
        List<Integer> id = table.model.id().fields();
        requireKnownIds(table, upsert.update(), id);
        Optional<SqlStatement> insert = Optional.of(writes.create(builder(), table, upsert.create(), null));
        Optional<SqlStatement> readInserted = Optional.of(readInserted(table, upsert.create(), selected));
        return new SqlPlan.Steps(List.of(
                Run.of("lock the record the where finds", lockIds(table, where), Yield.NOTHING),
                new Run("update the record found", results -> ids(table, results.get(0).rows())
                        .map(found -> writes.update(builder(), table, found, upsert.update(), null)), Yield.NOTHING),
                new Run("read the record updated", results -> ids(table,
                        updatedIds(upsert.update(), id, results.get(0).rows()))
                        .map(found -> read(table, selected, found)), Yield.ROWS),
                new Run("insert the record, none being found",
                        results -> results.get(0).rows().isEmpty() ? insert : Optional.empty(), Yield.NOTHING),
                new Run("read the record inserted",
                        results -> results.get(0).rows().isEmpty() ? readInserted : Optional.empty(), Yield.ROWS)),
                selected.shape());
    }

    /**
     * True when an insert of {@code create} can collide with no unique key of the model but
     * {@code key}: every other key is an autoincrement id the create leaves to the database.
     */
    private static boolean onlyKeyCanCollide(TableLayout table, KeyMeta key, WriteData create) {
        List<KeyMeta> others = new ArrayList<>();
        others.add(table.model.id());
        others.addAll(table.model.uniques());
        for (int field = 0; field < table.model.fieldCount(); field++) {
            if (table.model.field(field).unique()) {
                others.add(KeyMeta.of(field));
            }
        }
        for (KeyMeta other : others) {
            if (other.fields().equals(key.fields())) {
                continue;
            }
            boolean numbered = other.fields().equals(table.model.id().fields()) && autoincrement(table)
                    && given(create, other.fields()) == null;
            if (!numbered) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------- deletes

    private SqlPlan.Steps delete(TableLayout table, Operation.Delete delete) {
        SqlRenderer.Selected selected = renderer.selected(table, delete.selection());
        if (selected.counts().isEmpty() && selected.fields().containsAll(table.model.id().fields())) {
            return new SqlPlan.Steps(List.of(
                    Run.of("read and lock the record", forUpdate(read(table, selected, delete.where())), Yield.ROWS),
                    new Run("delete the record read", results -> ids(table, results.get(0).rows())
                            .map(found -> writes.delete(builder(), table, found, null)), Yield.NOTHING)),
                    selected.shape());
        }
        return new SqlPlan.Steps(List.of(
                Run.of("lock the record the where finds", lockIds(table, delete.where()), Yield.NOTHING),
                new Run("read the record locked", results -> ids(table, results.get(0).rows())
                        .map(found -> read(table, selected, found)), Yield.ROWS),
                new Run("delete the record read", results -> ids(table, results.get(0).rows())
                        .map(found -> writes.delete(builder(), table, found, null)), Yield.NOTHING)),
                selected.shape());
    }

    // ------------------------------------------------------------------------------------ pieces

    private SqlBuilder builder() {
        return new SqlBuilder(dialect);
    }

    /** {@code SELECT <id> FROM t WHERE <where> FOR UPDATE}: the ids of the records found, locked. */
    private SqlStatement lockIds(TableLayout table, Filter where) {
        List<Integer> id = table.model.id().fields();
        SqlRenderer.Selected ids = new SqlRenderer.Selected(id, List.of(),
                new ResultShape.Rows(table.model.index(), id));
        return forUpdate(read(table, ids, where));
    }

    private static SqlStatement forUpdate(SqlStatement select) {
        return new SqlStatement(select.sql() + " FOR UPDATE", select.parameters(), select.result());
    }

    /** {@code SELECT <selected> FROM t WHERE <where>}, or without {@code WHERE} for every record. */
    private SqlStatement read(TableLayout table, SqlRenderer.Selected selected, Filter where) {
        SqlBuilder sql = builder();
        sql.append("SELECT ");
        renderer.selectList().append(sql, table, selected, "");
        sql.append(" FROM ").append(table.table);
        renderer.filters().where(sql, table, "", where);
        return sql.toStatement(selected.shape());
    }

    /** {@code SELECT <selected> FROM t WHERE <what condition writes>}. */
    private SqlStatement read(TableLayout table, SqlRenderer.Selected selected, Consumer<SqlBuilder> condition) {
        SqlBuilder sql = builder();
        sql.append("SELECT ");
        renderer.selectList().append(sql, table, selected, "");
        sql.append(" FROM ").append(table.table).append(" WHERE ");
        condition.accept(sql);
        return sql.toStatement(selected.shape());
    }

    /** The filter matching the ids of {@code rows} (read at the id fields' positions), or empty for no row. */
    private static Optional<Filter> ids(TableLayout table, List<Row> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> id = table.model.id().fields();
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Object> key = new ArrayList<>(id.size());
            for (int field : id) {
                key.add(row.get(field));
            }
            values.add(key);
        }
        return Optional.of(keys(table, id, values));
    }

    /**
     * The filter matching the records whose {@code fields} hold one of {@code keys}:
     * {@code f = ?} for one, {@code f IN (?, …)} for more, {@code (a = ? AND b = ?) OR …} for a
     * compound key.
     */
    private static Filter keys(TableLayout table, List<Integer> fields, List<List<Object>> keys) {
        if (fields.size() == 1) {
            int field = fields.get(0);
            if (keys.size() == 1) {
                return equality(field, keys.get(0).get(0));
            }
            List<Object> values = new ArrayList<>(keys.size());
            for (List<Object> key : keys) {
                values.add(key.get(0));
            }
            return new Filter.Comparison(field, Filter.Operator.IN, values, Filter.Mode.DEFAULT);
        }
        List<Filter> any = new ArrayList<>(keys.size());
        for (List<Object> key : keys) {
            List<Filter> all = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                all.add(equality(fields.get(i), key.get(i)));
            }
            any.add(new Filter.And(all));
        }
        return any.size() == 1 ? any.get(0) : new Filter.Or(any);
    }

    private static Filter equality(int field, Object value) {
        return new Filter.Comparison(field, Filter.Operator.EQUALS, value, Filter.Mode.DEFAULT);
    }
}
