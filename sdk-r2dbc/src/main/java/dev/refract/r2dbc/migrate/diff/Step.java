package dev.refract.r2dbc.migrate.diff;

import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import java.util.List;

/**
 * One change of a migration, independent of the database's SQL. Table and column names are those
 * the database has when the step runs: a step that runs before the renames of a migration names
 * the old table, one that runs after names the new.
 */
public sealed interface Step {

    /** Creates a PostgreSQL enum type. */
    record CreateEnum(EnumType type) implements Step {
    }

    /**
     * Adds {@code value} to a PostgreSQL enum type, placed before {@code before} or, when that is
     * {@code null}, after {@code after}.
     */
    record AddEnumValue(String enumName, String value, String before, String after) implements Step {
    }

    /**
     * Replaces a PostgreSQL enum type whose values were removed (PostgreSQL cannot drop a value): the
     * old type is renamed to {@code retired}, the new one created, and each of {@code columns} is cast
     * to it through text and given its default again. {@code retired} is dropped by a later
     * {@link DropEnum}, once no column uses it.
     */
    record RecreateEnum(EnumType type, String retired, List<EnumColumn> columns) implements Step {

        public RecreateEnum {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A column that {@link RecreateEnum} moves to the new type.
     *
     * @param list              true for an array of the enum
     * @param defaultExpression the default to give it again, or {@code null}
     */
    record EnumColumn(String table, String column, boolean list, String defaultExpression) {
    }

    /** Drops a PostgreSQL enum type that no column uses any more. */
    record DropEnum(String name) implements Step {
    }

    /** Creates a table with its columns and primary key; its indexes and foreign keys are steps of their own. */
    record CreateTable(Table table) implements Step {
    }

    /** Drops a table with its data. */
    record DropTable(String name) implements Step {
    }

    /** Renames a table, keeping its data. */
    record RenameTable(String from, String to) implements Step {
    }

    /** Adds a column. */
    record AddColumn(String table, Column column) implements Step {
    }

    /** Drops a column with its data. */
    record DropColumn(String table, String column) implements Step {
    }

    /** Changes the type, nullability, default or autoincrement of column {@code to.name()}. */
    record AlterColumn(String table, Column from, Column to) implements Step {
    }

    /** Renames a column, keeping its data. */
    record RenameColumn(String table, String from, String to) implements Step {
    }

    /** Adds a primary key. */
    record AddPrimaryKey(String table, PrimaryKey key) implements Step {
    }

    /** Drops a primary key. */
    record DropPrimaryKey(String table, String name) implements Step {
    }

    /** Renames a primary key constraint (PostgreSQL; MySQL's is always {@code PRIMARY}). */
    record RenamePrimaryKey(String table, String from, String to) implements Step {
    }

    /** Creates an index. */
    record CreateIndex(String table, Index index) implements Step {
    }

    /** Drops an index. */
    record DropIndex(String table, String name) implements Step {
    }

    /** Renames an index whose columns stay. */
    record RenameIndex(String table, String from, String to) implements Step {
    }

    /** Adds a foreign key. */
    record AddForeignKey(String table, ForeignKey key) implements Step {
    }

    /** Drops a foreign key. */
    record DropForeignKey(String table, String name) implements Step {
    }
}
