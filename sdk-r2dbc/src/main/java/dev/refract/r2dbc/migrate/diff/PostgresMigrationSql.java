package dev.refract.r2dbc.migrate.diff;

import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.ddl.Literals;
import dev.refract.r2dbc.ddl.ReferentialActions;
import dev.refract.r2dbc.sql.PostgresDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL's SQL for migration steps. Enum values are added in place ({@code ALTER TYPE ... ADD
 * VALUE ... BEFORE/AFTER}); an enum that loses values is recreated, as PostgreSQL cannot drop one.
 * A type change casts through {@code USING}, through text when an enum is involved.
 */
final class PostgresMigrationSql implements MigrationSql {

    static final PostgresMigrationSql INSTANCE = new PostgresMigrationSql();

    private PostgresMigrationSql() {
    }

    @Override
    public String quote(String name) {
        return PostgresDialect.INSTANCE.quote(name);
    }

    @Override
    public List<String> renderOwn(Step step) {
        if (step instanceof Step.CreateEnum s) {
            return List.of(createEnum(s.type().name(), s.type().values()));
        }
        if (step instanceof Step.AddEnumValue s) {
            return List.of("ALTER TYPE " + quote(s.enumName()) + " ADD VALUE "
                    + Literals.literal(s.value()) + (s.before() != null ? " BEFORE " + Literals.literal(s.before())
                    : " AFTER " + Literals.literal(s.after())));
        }
        if (step instanceof Step.RecreateEnum s) {
            return recreateEnum(s);
        }
        if (step instanceof Step.DropEnum s) {
            return List.of("DROP TYPE " + quote(s.name()));
        }
        if (step instanceof Step.CreateTable s) {
            List<String> lines = new ArrayList<>();
            s.table().columns().forEach(column -> lines.add(column(column)));
            if (s.table().primaryKey() != null) {
                lines.add("CONSTRAINT " + quote(s.table().primaryKey().name()) + " PRIMARY KEY ("
                        + columns(s.table().primaryKey().columns()) + ")");
            }
            return List.of("CREATE TABLE " + quote(s.table().name()) + " (\n    " + String.join(",\n    ", lines) + "\n)");
        }
        if (step instanceof Step.RenameTable s) {
            return List.of("ALTER TABLE " + quote(s.from()) + " RENAME TO " + quote(s.to()));
        }
        if (step instanceof Step.AlterColumn s) {
            return List.of(alterColumn(s));
        }
        if (step instanceof Step.AddPrimaryKey s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " ADD CONSTRAINT "
                    + quote(s.key().name()) + " PRIMARY KEY (" + columns(s.key().columns()) + ")");
        }
        if (step instanceof Step.DropPrimaryKey s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " DROP CONSTRAINT " + quote(s.name()));
        }
        if (step instanceof Step.RenamePrimaryKey s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " RENAME CONSTRAINT "
                    + quote(s.from()) + " TO " + quote(s.to()));
        }
        if (step instanceof Step.CreateIndex s) {
            return List.of("CREATE " + (s.index().unique() ? "UNIQUE " : "") + "INDEX "
                    + quote(s.index().name()) + " ON " + quote(s.table()) + "(" + columns(s.index().columns()) + ")");
        }
        if (step instanceof Step.DropIndex s) {
            return List.of("DROP INDEX " + quote(s.name()));
        }
        if (step instanceof Step.RenameIndex s) {
            return List.of("ALTER INDEX " + quote(s.from()) + " RENAME TO " + quote(s.to()));
        }
        if (step instanceof Step.AddForeignKey s) {
            return List.of(addForeignKey(s.table(), s.key()));
        }
        if (step instanceof Step.DropForeignKey s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " DROP CONSTRAINT " + quote(s.name()));
        }
        throw new IllegalArgumentException("No SQL for the step " + step);
    }

    @Override
    public String count(Hazard hazard) {
        String from = "SELECT COUNT(*) FROM " + quote(hazard.table());
        if (hazard instanceof Hazard.DroppedColumn h) {
            return from + " WHERE " + quote(h.column()) + " IS NOT NULL";
        }
        if (hazard instanceof Hazard.NullsInRequiredColumn h) {
            return from + " WHERE " + quote(h.column()) + " IS NULL";
        }
        if (hazard instanceof Hazard.RemovedEnumValues h) {
            String values = h.values().stream().map(Literals::literal).collect(Collectors.joining(", "));
            return from + " WHERE " + (h.list() ? quote(h.column()) + "::text[] && ARRAY[" + values + "]::text[]"
                    : quote(h.column()) + "::text IN (" + values + ")");
        }
        if (hazard instanceof Hazard.NarrowedType h) {
            return from + " WHERE " + (h.maxLength() != null
                    ? "char_length(" + quote(h.column()) + "::text) > " + h.maxLength()
                    : quote(h.column()) + " IS NOT NULL");
        }
        // a dropped table, or a required column without default: every row counts
        return from;
    }

    private String createEnum(String name, List<String> values) {
        return "CREATE TYPE " + quote(name) + " AS ENUM ("
                + values.stream().map(Literals::literal).collect(Collectors.joining(", ")) + ")";
    }

    private List<String> recreateEnum(Step.RecreateEnum step) {
        String type = quote(step.type().name());
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TYPE " + type + " RENAME TO " + quote(step.retired()));
        statements.add(createEnum(step.type().name(), step.type().values()));
        for (Step.EnumColumn column : step.columns()) {
            String name = quote(column.column());
            String target = column.list() ? type + "[]" : type;
            statements.add("ALTER TABLE " + quote(column.table()) + " ALTER COLUMN " + name + " DROP DEFAULT, ALTER COLUMN "
                    + name + " TYPE " + target + " USING (" + name + (column.list() ? "::text[]::" : "::text::") + target
                    + ")" + (column.defaultExpression() == null ? ""
                    : ", ALTER COLUMN " + name + " SET DEFAULT " + column.defaultExpression()));
        }
        return statements;
    }

    private String alterColumn(Step.AlterColumn step) {
        Column from = step.from();
        Column to = step.to();
        String column = " ALTER COLUMN " + quote(to.name());
        List<String> actions = new ArrayList<>();
        boolean retyped = !from.type().equals(to.type());
        if (retyped) {
            if (from.defaultExpression() != null) {
                actions.add(column + " DROP DEFAULT");
            }
            boolean throughText = from.type().startsWith("\"") || to.type().startsWith("\"");
            String via = throughText ? (to.type().endsWith("[]") ? "::text[]" : "::text") : "";
            actions.add(column + " TYPE " + to.type() + " USING (" + quote(to.name()) + via + "::" + to.type() + ")");
        }
        if (to.defaultExpression() != null && (retyped || !to.defaultExpression().equals(from.defaultExpression()))) {
            actions.add(column + " SET DEFAULT " + to.defaultExpression());
        } else if (to.defaultExpression() == null && from.defaultExpression() != null && !retyped) {
            actions.add(column + " DROP DEFAULT");
        }
        if (from.nullable() != to.nullable()) {
            actions.add(column + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        if (from.autoincrement() != to.autoincrement()) {
            actions.add(column + (to.autoincrement() ? " ADD GENERATED BY DEFAULT AS IDENTITY" : " DROP IDENTITY"));
        }
        return "ALTER TABLE " + quote(step.table()) + String.join(",", actions);
    }

    @Override
    public String column(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        if (column.autoincrement()) {
            sql.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        return sql.toString();
    }

    private String addForeignKey(String table, ForeignKey key) {
        return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(key.name()) + " FOREIGN KEY ("
                + columns(key.columns()) + ") REFERENCES " + quote(key.referencedTable()) + "("
                + columns(key.referencedColumns()) + ") ON DELETE " + ReferentialActions.sql(key.onDelete()) + " ON UPDATE "
                + ReferentialActions.sql(key.onUpdate());
    }

    private String columns(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }
}
