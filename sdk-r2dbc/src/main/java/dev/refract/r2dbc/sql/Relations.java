package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * How a statement reaches the records related to one of its rows: the {@code FROM … WHERE} of a
 * subquery correlated with that row, following a path of relation fields, each step as its
 * {@link RelationLink} says (a foreign key on either side, or an implicit many-to-many join table).
 *
 * <p>Every table inside such a subquery has an alias numbered by its depth ({@code "refract_r1"},
 * {@code "refract_j1"} for a join table, {@code "refract_r2"} one level further, …), so nested
 * subqueries never capture each other's rows, self relations included; the row the subquery
 * belongs to is named by the qualifier its statement gives it, or by its table's own name.
 *
 * <p>Relations between datasources have no tables to join: naming one is an
 * {@link InvalidQueryException} that says so.
 */
final class Relations {

    private static final String TARGET_ALIAS = "refract_r";
    private static final String JOIN_ALIAS = "refract_j";

    private final SchemaMeta schema;
    private final Dialect dialect;
    private final TableLayout[] tables;
    /** Per model and field, the link of the relation field, or {@code null}. */
    private final RelationLink[][] links;
    /** Per model and field, why the relation field has no link, or {@code null}. */
    private final String[][] unlinkable;

    Relations(SchemaMeta schema, Dialect dialect, TableLayout[] tables) {
        this.schema = schema;
        this.dialect = dialect;
        this.tables = tables;
        this.links = new RelationLink[tables.length][];
        this.unlinkable = new String[tables.length][];
        for (TableLayout table : tables) {
            if (table == null) {
                continue;
            }
            int model = table.model.index();
            links[model] = new RelationLink[table.model.fieldCount()];
            unlinkable[model] = new String[table.model.fieldCount()];
            for (RelationMeta relation : table.model.relations()) {
                try {
                    links[model][relation.field()] = RelationLink.of(schema, model, relation.field());
                } catch (IllegalArgumentException e) {
                    unlinkable[model][relation.field()] = e.getMessage();
                }
            }
        }
    }

    /** The quoted alias of the related table at {@code depth}. */
    String alias(int depth) {
        return dialect.quote(TARGET_ALIAS + depth);
    }

    /** The qualifier ({@code alias.}) of the related table at {@code depth}. */
    String qualifier(int depth) {
        return alias(depth) + ".";
    }

    /**
     * The qualifier that names the row of {@code table} a subquery is correlated with: the
     * statement's {@code qualifier}, or the table's own name where the statement reads it
     * unqualified.
     */
    static String outer(TableLayout table, String qualifier) {
        return qualifier.isEmpty() ? table.table + "." : qualifier;
    }

    /**
     * The link of relation field {@code field} of {@code table}'s model, which SQL can follow.
     *
     * @param use what the query does with the relation, for the error message (e.g. "filter by")
     * @throws InvalidQueryException when the field is no relation field, or the relation crosses
     *                               datasources
     */
    RelationLink link(TableLayout table, int field, String use) {
        ModelMeta model = table.model;
        if (field < 0 || field >= model.fieldCount() || !model.field(field).isRelation()) {
            throw table.invalid(field, "Field " + table.fieldName(field) + " of " + model.name()
                    + " is not a relation field, so a query cannot " + use + " it as a relation");
        }
        RelationMeta relation = model.relation(field);
        ModelMeta target = schema.model(relation.targetModel());
        if (relation.crossDatasource() || tables[target.index()] == null) {
            throw table.invalid(field, "The relation " + model.name() + "." + table.fieldName(field)
                    + " crosses datasources (" + model.name() + " lives in "
                    + schema.datasource(model.datasource()).name() + ", " + target.name() + " in "
                    + schema.datasource(target.datasource()).name() + "), so SQL cannot join it and a query"
                    + " cannot " + use + " it; load it with include and work on the loaded records instead");
        }
        RelationLink link = links[model.index()][field];
        if (link == null) {
            throw table.invalid(field, unlinkable[model.index()][field]);
        }
        return link;
    }

    /**
     * The links of the relation fields of {@code relations}, the first a field of {@code table}'s
     * model, each next one a field of the target of the one before.
     */
    List<RelationLink> path(TableLayout table, List<Integer> relations, String use) {
        List<RelationLink> path = new ArrayList<>(relations.size());
        TableLayout parent = table;
        for (int field : relations) {
            RelationLink link = link(parent, field, use);
            path.add(link);
            parent = target(link);
        }
        return path;
    }

    /** The table of the model on the other side of {@code link}. */
    TableLayout target(RelationLink link) {
        return tables[link.target().index()];
    }

    /**
     * Appends {@code " FROM … WHERE <link>"}: the records reached from the row named by
     * {@code outer} through the relation fields of {@code path} (the first a field of
     * {@code table}'s model, each next one a field of the target before it), the table of step
     * {@code i} aliased {@link #alias(int) alias(depth + i)}. The caller may go on with
     * {@code " AND …"}.
     *
     * @param readsLast false when nothing reads the last target's columns, so a last join table
     *                  is enough (its foreign keys guarantee the target)
     * @return the table of the last target
     */
    TableLayout from(StringBuilder sql, TableLayout table, List<RelationLink> path, String outer, int depth,
            boolean readsLast) {
        sql.append(" FROM ");
        TableLayout parent = table;
        for (int i = 0; i < path.size(); i++) {
            RelationLink link = path.get(i);
            TableLayout target = target(link);
            boolean last = i == path.size() - 1;
            if (i > 0) {
                sql.append(" JOIN ");
            }
            if (link.shape() == RelationLink.Shape.JOIN_TABLE) {
                String join = dialect.quote(JOIN_ALIAS + (depth + i));
                sql.append(dialect.quote(link.joinTable().name())).append(" AS ").append(join);
                if (i > 0) {
                    sql.append(" ON ").append(join).append('.').append(dialect.quote(link.joinTable().parentColumn()))
                            .append(" = ").append(qualifier(depth + i - 1))
                            .append(parent.column(link.parentKey().get(0)));
                }
                if (!last || readsLast) {
                    sql.append(" JOIN ").append(target.table).append(" AS ").append(alias(depth + i)).append(" ON ")
                            .append(qualifier(depth + i)).append(target.column(link.targetKey().get(0)))
                            .append(" = ").append(join).append('.')
                            .append(dialect.quote(link.joinTable().targetColumn()));
                }
            } else {
                sql.append(target.table).append(" AS ").append(alias(depth + i));
                if (i > 0) {
                    sql.append(" ON ");
                    keys(sql, link, parent, qualifier(depth + i - 1), target, qualifier(depth + i));
                }
            }
            parent = target;
        }
        sql.append(" WHERE ");
        RelationLink first = path.get(0);
        if (first.shape() == RelationLink.Shape.JOIN_TABLE) {
            sql.append(dialect.quote(JOIN_ALIAS + depth)).append('.')
                    .append(dialect.quote(first.joinTable().parentColumn())).append(" = ").append(outer)
                    .append(table.column(first.parentKey().get(0)));
        } else {
            keys(sql, first, table, outer, target(first), qualifier(depth));
        }
        return parent;
    }

    /** {@code target.k1 = parent.p1 AND …} over the link key's fields. */
    private static void keys(StringBuilder sql, RelationLink link, TableLayout parent, String parentQualifier,
            TableLayout target, String targetQualifier) {
        for (int k = 0; k < link.parentKey().size(); k++) {
            sql.append(k == 0 ? "" : " AND ").append(targetQualifier).append(target.column(link.targetKey().get(k)))
                    .append(" = ").append(parentQualifier).append(parent.column(link.parentKey().get(k)));
        }
    }
}
