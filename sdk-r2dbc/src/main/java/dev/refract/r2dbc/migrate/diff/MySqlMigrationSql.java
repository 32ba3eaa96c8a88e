package dev.refract.r2dbc.migrate.diff;

import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.ddl.Literals;
import dev.refract.r2dbc.ddl.MySqlDdl;
import dev.refract.r2dbc.ddl.ReferentialActions;
import dev.refract.r2dbc.sql.MySqlDialect;
import dev.refract.r2dbc.sql.MySqlServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MySQL's and MariaDB's SQL for migration steps. Enums are column types here, so an enum change is a
 * column change ({@code MODIFY COLUMN}); a column is changed by writing its whole definition again.
 * Tables are created with the options {@code db push} gives them (InnoDB, {@code utf8mb4}).
 */
final class MySqlMigrationSql implements MigrationSql {

    static final MySqlMigrationSql INSTANCE = new MySqlMigrationSql();

    /** Quoting only: the server's version changes no identifier. */
    private static final MySqlDialect QUOTING = new MySqlDialect(MySqlServer.OLDEST_MYSQL);

    private MySqlMigrationSql() {
    }

    @Override
    public String quote(String name) {
        return QUOTING.quote(name);
    }

    @Override
    public List<String> renderOwn(Step step) {
        if (step instanceof Step.CreateTable s) {
            List<String> lines = new ArrayList<>();
            s.table().columns().forEach(column -> lines.add(column(column)));
            if (s.table().primaryKey() != null) {
                lines.add("PRIMARY KEY (" + columns(s.table().primaryKey().columns()) + ")");
            }
            return List.of("CREATE TABLE " + quote(s.table().name()) + " (\n    " + String.join(",\n    ", lines) + "\n)"
                    + MySqlDdl.TABLE_OPTIONS);
        }
        if (step instanceof Step.RenameTable s) {
            return List.of("RENAME TABLE " + quote(s.from()) + " TO " + quote(s.to()));
        }
        if (step instanceof Step.AlterColumn s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " MODIFY COLUMN " + column(s.to()));
        }
        if (step instanceof Step.AddPrimaryKey s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " ADD PRIMARY KEY (" + columns(s.key().columns()) + ")");
        }
        if (step instanceof Step.DropPrimaryKey s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " DROP PRIMARY KEY");
        }
        if (step instanceof Step.RenamePrimaryKey) {
            // MySQL names every primary key PRIMARY
            return List.of();
        }
        if (step instanceof Step.CreateIndex s) {
            return List.of("CREATE " + (s.index().unique() ? "UNIQUE " : "") + "INDEX " + quote(s.index().name()) + " ON "
                    + quote(s.table()) + "(" + columns(s.index().columns()) + ")");
        }
        if (step instanceof Step.DropIndex s) {
            return List.of("DROP INDEX " + quote(s.name()) + " ON " + quote(s.table()));
        }
        if (step instanceof Step.RenameIndex s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " RENAME INDEX " + quote(s.from()) + " TO "
                    + quote(s.to()));
        }
        if (step instanceof Step.AddForeignKey s) {
            return List.of(addForeignKey(s.table(), s.key()));
        }
        if (step instanceof Step.DropForeignKey s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " DROP FOREIGN KEY " + quote(s.name()));
        }
        throw new IllegalArgumentException("MySQL keeps enums in column types and has no " + step
                + "; diff catalogs read from or built for MySQL, which hold no enum types");
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
            return from + " WHERE " + quote(h.column()) + " IN ("
                    + h.values().stream().map(Literals::mysql).collect(Collectors.joining(", ")) + ")";
        }
        if (hazard instanceof Hazard.NarrowedType h) {
            return from + " WHERE " + (h.maxLength() != null ? "CHAR_LENGTH(" + quote(h.column()) + ") > " + h.maxLength()
                    : quote(h.column()) + " IS NOT NULL");
        }
        // a dropped table, or a required column without default: every row counts
        return from;
    }

    @Override
    public String column(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type())
                .append(column.nullable() ? " NULL" : " NOT NULL");
        if (column.autoincrement()) {
            sql.append(" AUTO_INCREMENT");
        }
        if (column.defaultExpression() != null) {
            String value = column.defaultExpression();
            boolean function = Character.isLetter(value.charAt(0)) && !value.startsWith("current_timestamp");
            sql.append(" DEFAULT ").append(function || MySqlDdl.takesDefaultAsExpression(column.type())
                    ? "(" + value + ")" : value);
        }
        return sql.toString();
    }

    private String addForeignKey(String table, ForeignKey key) {
        return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(key.name()) + " FOREIGN KEY ("
                + columns(key.columns()) + ") REFERENCES " + quote(key.referencedTable()) + "("
                + columns(key.referencedColumns()) + ") ON DELETE " + ReferentialActions.sql(key.onDelete())
                + " ON UPDATE " + ReferentialActions.sql(key.onUpdate());
    }

    private String columns(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }
}
