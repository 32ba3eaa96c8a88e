package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.RelationLink;
import dev.refract.query.OrderBy;
import java.util.List;

/**
 * Writes the sort keys of reads: what each key sorts on, its direction and where missing values go.
 *
 * <ul>
 *   <li>{@link OrderBy.Key.Field}: the column, as stored.</li>
 *   <li>{@link OrderBy.Key.RelatedField}: a scalar subquery reading the field of the record reached
 *       through the to-one relations, {@code (SELECT "refract_r2"."name" FROM "Post" AS "refract_r1"
 *       JOIN "User" AS "refract_r2" ON … WHERE <link to the row>)}; a relation not set reads as a
 *       missing value.</li>
 *   <li>{@link OrderBy.Key.RelationCount}: {@code (SELECT count(*) FROM … WHERE <link>)} over the
 *       path, 0 when nothing is related.</li>
 *   <li>{@link OrderBy.Key.Aggregate} sorts groups; outside a group-by it is an
 *       {@link InvalidQueryException}.</li>
 * </ul>
 * The subqueries of a key hold no binds, so a statement may write a key more than once (a cursor
 * compares it twice).
 */
final class SortKeys {

    private final Dialect dialect;
    private final Relations relations;

    SortKeys(Dialect dialect, Relations relations) {
        this.dialect = dialect;
        this.relations = relations;
    }

    /** The field a key sorts on, or {@code -1} for a key that is not a field of the model itself. */
    static int field(OrderBy sort) {
        return sort.key() instanceof OrderBy.Key.Field field ? field.field() : -1;
    }

    /** Appends {@code " ORDER BY k1, k2 DESC, …"}, or nothing for no key. */
    void orderBy(SqlBuilder sql, TableLayout table, List<OrderBy> order, String qualifier) {
        if (order.isEmpty()) {
            return;
        }
        sql.append(" ORDER BY ");
        keys(sql, table, order, qualifier);
    }

    /** Appends the keys comma-separated, each with its direction and nulls. */
    void keys(SqlBuilder sql, TableLayout table, List<OrderBy> order, String qualifier) {
        keys(sql, table, order, qualifier, 1);
    }

    /**
     * Appends the keys comma-separated, each with its direction and nulls (e.g. for a window's
     * {@code ORDER BY}), their subqueries aliasing tables from {@code depth} on.
     */
    void keys(SqlBuilder sql, TableLayout table, List<OrderBy> order, String qualifier, int depth) {
        for (int i = 0; i < order.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            StringBuilder expression = new StringBuilder();
            expression(expression, table, order.get(i).key(), qualifier, depth);
            key(sql.text(), expression.toString(), order.get(i));
        }
    }

    /**
     * Appends {@code expression} as the sort key {@code sort}: its {@code DESC} and where its missing
     * values go, as {@code NULLS FIRST/LAST} or, where the dialect has none and the default differs,
     * an {@code expression IS NULL} key before it. The expression holds no binds, so writing it twice
     * is safe.
     */
    void key(StringBuilder sql, String expression, OrderBy sort) {
        key(dialect, sql, expression, sort.direction(), sort.nulls());
    }

    /** Appends {@code expression} sorted in {@code direction} with its missing values at {@code nulls}; see {@link #key(StringBuilder, String, OrderBy)}. */
    static void key(Dialect dialect, StringBuilder sql, String expression, OrderBy.Direction direction,
            OrderBy.Nulls nulls) {
        if (!dialect.supportsNullsOrder() && nulls != OrderBy.Nulls.DEFAULT
                && (nulls == OrderBy.Nulls.FIRST) != dialect.nullsFirstByDefault(direction)) {
            // false sorts before true: "IS NULL" ascending puts the missing values last
            sql.append(expression).append(nulls == OrderBy.Nulls.FIRST ? " IS NULL DESC, " : " IS NULL, ");
        }
        sql.append(expression);
        if (direction == OrderBy.Direction.DESC) {
            sql.append(" DESC");
        }
        dialect.nullsOrder(sql, direction, nulls);
    }

    /**
     * Appends what {@code key} sorts on for the row of {@code table} that {@code qualifier} names,
     * the tables of its subquery aliased from {@code depth} on.
     *
     * @throws InvalidQueryException for an aggregate, a path through a list, or a relation that
     *                               crosses datasources
     */
    void expression(StringBuilder sql, TableLayout table, OrderBy.Key key, String qualifier, int depth) {
        if (key instanceof OrderBy.Key.Field field) {
            sql.append(qualifier).append(table.column(field.field()));
        } else if (key instanceof OrderBy.Key.RelatedField related) {
            List<RelationLink> path = toOnePath(table, related.relations(), related.relations().size());
            TableLayout target = relations.target(path.get(path.size() - 1));
            String column = target.column(related.field());
            sql.append("(SELECT ").append(relations.qualifier(depth + path.size() - 1)).append(column);
            relations.from(sql, table, path, Relations.outer(table, qualifier), depth, true);
            sql.append(')');
        } else if (key instanceof OrderBy.Key.RelationCount count) {
            List<RelationLink> path = toOnePath(table, count.relations(), count.relations().size() - 1);
            RelationLink counted = path.get(path.size() - 1);
            if (!counted.toMany()) {
                throw table.invalid(count.relations().get(0), "A sort by a relation count counts a list; "
                        + counted.parent().name() + "." + counted.parent().field(counted.relation().field()).name()
                        + " holds one record");
            }
            sql.append("(SELECT count(*)");
            relations.from(sql, table, path, Relations.outer(table, qualifier), depth, false);
            sql.append(')');
        } else if (key instanceof OrderBy.Key.Aggregate aggregate) {
            throw new InvalidQueryException(table.model.name(), List.of(), "Only a groupBy sorts by an aggregate ("
                    + aggregate.function().name().toLowerCase(java.util.Locale.ROOT) + "); sort " + table.model.name()
                    + " by a field, a related field or a relation count");
        }
    }

    /** True when {@code key} may sort on a missing value. */
    static boolean optional(TableLayout table, OrderBy.Key key) {
        if (key instanceof OrderBy.Key.Field field) {
            return table.model.field(field.field()).isOptional();
        }
        return key instanceof OrderBy.Key.RelatedField;
    }

    /** The links of {@code relations}, checking that the first {@code toOne} of them hold one record each. */
    private List<RelationLink> toOnePath(TableLayout table, List<Integer> fields, int toOne) {
        List<RelationLink> path = relations.path(table, fields, "sort by");
        for (int i = 0; i < toOne; i++) {
            RelationLink link = path.get(i);
            if (link.toMany()) {
                String name = link.parent().name() + "." + link.parent().field(link.relation().field()).name();
                throw table.invalid(fields.get(0), "A sort key follows relations that hold one record; " + name
                        + " is a list: sort by its count instead");
            }
        }
        return path;
    }
}
