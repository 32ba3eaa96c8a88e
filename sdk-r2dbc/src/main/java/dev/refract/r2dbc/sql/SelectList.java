package dev.refract.r2dbc.sql;

import dev.refract.meta.RelationLink;
import dev.refract.query.Selection;
import java.util.List;

/**
 * Writes what a statement returns for each row: the columns of the selected fields, then one
 * {@code bigint} column per counted relation ({@link Selection#counts()}), a subquery correlated
 * with the row, {@code (SELECT count(*) FROM … WHERE <link> AND <where>)}, as
 * {@link ResultShape.Rows} reads them.
 */
final class SelectList {

    private static final String COUNT_ALIAS = "refract_count";

    private final Dialect dialect;
    private final Relations relations;
    private final FilterRenderer filters;

    SelectList(Dialect dialect, Relations relations, FilterRenderer filters) {
        this.dialect = dialect;
        this.relations = relations;
        this.filters = filters;
    }

    /**
     * Appends the columns of {@code selected} as a result row reads them, each prefixed with
     * {@code qualifier}, and its relation counts.
     */
    void append(SqlBuilder sql, TableLayout table, SqlRenderer.Selected selected, String qualifier) {
        SqlRenderer.appendColumns(sql.text(), table, selected.fields(), qualifier, true);
        for (Selection.RelationCount count : selected.counts()) {
            sql.append(", ");
            count(sql, table, count, qualifier, 1);
        }
    }

    /**
     * Appends {@code (SELECT count(*) …)} counting the records of {@code count}'s relation related to
     * the row {@code qualifier} names (see {@link Relations#outer}) that match its filter, the tables
     * of the subquery aliased from {@code depth} on.
     */
    void count(SqlBuilder sql, TableLayout table, Selection.RelationCount count, String qualifier, int depth) {
        RelationLink link = link(table, count);
        boolean all = FilterRenderer.isAll(count.where());
        sql.append("(SELECT count(*)");
        TableLayout target = relations.from(sql.text(), table, List.of(link), Relations.outer(table, qualifier), depth,
                !all);
        if (!all) {
            sql.append(" AND ");
            filters.condition(sql, target, relations.qualifier(depth), count.where(), true, depth + 1);
        }
        sql.append(')');
    }

    /** The name a statement gives the count at {@code index} of a selection where an outer query reads it by name. */
    String countAlias(int index) {
        return dialect.quote(COUNT_ALIAS + index);
    }

    /** The link of a counted relation, which must be a list. */
    RelationLink link(TableLayout table, Selection.RelationCount count) {
        RelationLink link = relations.link(table, count.field(), "count");
        if (!link.toMany()) {
            throw table.invalid(count.field(), table.model.name() + "." + table.fieldName(count.field())
                    + " holds one record; _count counts the records of list relations");
        }
        return link;
    }
}
