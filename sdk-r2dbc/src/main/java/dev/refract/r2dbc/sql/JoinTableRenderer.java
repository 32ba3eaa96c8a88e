package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import java.util.List;

/**
 * Writes {@link Operation.Link} and {@link Operation.Unlink}: the rows of implicit many-to-many join
 * tables, as {@link RelationLink} names them.
 *
 * <ul>
 *   <li>Link adds the pairs missing and keeps the ones present:
 *       {@code INSERT INTO "_PostToTag" ("A", "B") SELECT $1, "id" FROM "Tag" WHERE "id" IN ($2, $3)
 *       ON CONFLICT DO NOTHING}. Selecting the targets from their table pairs only records that exist
 *       and gives the bound keys the column types of the ids; the count is the pairs added.</li>
 *   <li>Unlink removes the pairs of the targets matching its filter:
 *       {@code DELETE FROM "_PostToTag" WHERE "A" = $1 AND "B" IN (SELECT "id" FROM "Tag" WHERE …)
 *       RETURNING "B"}, the subquery left out for {@link Filter#ALL}. It returns the id of each target
 *       unlinked, as rows of the target holding only their id, so nested writes act on exactly the
 *       records that were related; the count is the pairs removed.</li>
 * </ul>
 */
final class JoinTableRenderer {

    private final Dialect dialect;
    private final TableLayout[] tables;
    private final FilterRenderer filters;
    /** Per model and field, the link of an implicit many-to-many relation field; {@code null} elsewhere. */
    private final RelationLink[][] links;

    JoinTableRenderer(SchemaMeta schema, Dialect dialect, TableLayout[] tables, FilterRenderer filters) {
        this.dialect = dialect;
        this.tables = tables;
        this.filters = filters;
        this.links = new RelationLink[tables.length][];
        for (ModelMeta model : schema.models()) {
            links[model.index()] = new RelationLink[model.fieldCount()];
            if (tables[model.index()] == null) {
                continue;
            }
            for (RelationMeta relation : model.relations()) {
                if (relation.crossDatasource() || !relation.toMany() || relation.holdsForeignKey()) {
                    continue;
                }
                RelationLink link = joinLink(schema, model, relation);
                if (link != null && tables[link.target().index()] != null) {
                    links[model.index()][relation.field()] = link;
                }
            }
        }
    }

    private static RelationLink joinLink(SchemaMeta schema, ModelMeta model, RelationMeta relation) {
        try {
            RelationLink link = RelationLink.of(schema, model.index(), relation.field());
            return link.shape() == RelationLink.Shape.JOIN_TABLE ? link : null;
        } catch (IllegalArgumentException e) {
            // a compound id on either side: the schema validator refuses it, and link() says why
            return null;
        }
    }

    SqlStatement link(SqlBuilder sql, Operation.Link link) {
        RelationLink relation = joinLink(link.model(), link.field(), "Link");
        RelationLink.JoinTable join = relation.joinTable();
        TableLayout parent = tables[link.model()];
        TableLayout target = tables[relation.target().index()];
        int targetId = relation.targetKey().get(0);
        sql.append(dialect.insertInto(true)).identifier(join.name()).append(" (")
                .identifier(join.parentColumn()).append(", ").identifier(join.targetColumn()).append(") SELECT ");
        filters.bindValue(sql, parent, relation.parentKey().get(0), link.key());
        sql.append(", ").append(target.column(targetId)).append(" FROM ").append(target.table).append(" WHERE ");
        filters.condition(sql, target, "", new Filter.Comparison(targetId, Filter.Operator.IN, link.targetKeys(),
                Filter.Mode.DEFAULT), true);
        sql.append(dialect.skipDuplicatesSuffix());
        return sql.toStatement(new ResultShape.AffectedCount());
    }

    SqlStatement unlink(SqlBuilder sql, Operation.Unlink unlink) {
        RelationLink relation = joinLink(unlink.model(), unlink.field(), "Unlink");
        RelationLink.JoinTable join = relation.joinTable();
        TableLayout target = tables[relation.target().index()];
        int targetId = relation.targetKey().get(0);
        sql.append("DELETE FROM ").identifier(join.name());
        unlinkedRows(sql, unlink, relation);
        if (!dialect.supportsReturning(Dialect.WriteKind.DELETE)) {
            return sql.toStatement(new ResultShape.AffectedCount());
        }
        sql.append(" RETURNING ").identifier(join.targetColumn());
        return sql.toStatement(new ResultShape.Rows(target.model.index(), List.of(targetId)));
    }

    /**
     * {@code SELECT "B" FROM "_PostToTag" WHERE <the rows unlink removes> FOR UPDATE}: the targets an
     * unlink is about to unrelate, read and locked first where its {@code DELETE} cannot return them.
     */
    SqlStatement unlinkedTargets(SqlBuilder sql, Operation.Unlink unlink) {
        RelationLink relation = joinLink(unlink.model(), unlink.field(), "Unlink");
        RelationLink.JoinTable join = relation.joinTable();
        TableLayout target = tables[relation.target().index()];
        sql.append("SELECT ").identifier(join.targetColumn()).append(" FROM ").identifier(join.name());
        unlinkedRows(sql, unlink, relation);
        sql.append(" FOR UPDATE");
        return sql.toStatement(new ResultShape.Rows(target.model.index(), List.of(relation.targetKey().get(0))));
    }

    /** Appends the {@code WHERE} of the join rows {@code unlink} removes. */
    private void unlinkedRows(SqlBuilder sql, Operation.Unlink unlink, RelationLink relation) {
        RelationLink.JoinTable join = relation.joinTable();
        TableLayout parent = tables[unlink.model()];
        TableLayout target = tables[relation.target().index()];
        int targetId = relation.targetKey().get(0);
        sql.append(" WHERE ").identifier(join.parentColumn()).append(" = ");
        filters.bindValue(sql, parent, relation.parentKey().get(0), unlink.key());
        if (!(unlink.targets() instanceof Filter.And and && and.filters().isEmpty())) {
            sql.append(" AND ").identifier(join.targetColumn()).append(" IN (SELECT ")
                    .append(target.column(targetId)).append(" FROM ").append(target.table);
            filters.where(sql, target, "", unlink.targets());
            sql.append(')');
        }
    }

    private RelationLink joinLink(int model, int field, String operation) {
        ModelMeta parent = tables[model].model;
        RelationLink link = field >= 0 && field < links[model].length ? links[model][field] : null;
        if (link == null) {
            String name = field >= 0 && field < parent.fieldCount() ? parent.field(field).name() : "#" + field;
            throw new InvalidQueryException(parent.name(), List.of(name), operation + " writes the join table of an"
                    + " implicit many-to-many relation, and " + parent.name() + "." + name + " is not one: relate"
                    + " records of other relations through their foreign keys");
        }
        return link;
    }
}
