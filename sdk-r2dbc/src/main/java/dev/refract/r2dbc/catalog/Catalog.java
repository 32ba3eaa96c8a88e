package dev.refract.r2dbc.catalog;

import dev.refract.meta.ReferentialAction;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables and enum types of one database namespace. Tables, and the indexes, foreign keys and
 * enum types within, are kept sorted by name, so two catalogs of the same database state are equal;
 * columns keep their order in the table. Types and defaults are in each database's canonical
 * spelling (see {@link DesiredCatalog}), so a catalog read from a server and one built from the
 * schema compare equal when they describe the same thing.
 *
 * @param tables the tables, sorted by name
 * @param enums  the enum types (PostgreSQL; MySQL keeps enums in column types), sorted by name
 */
public record Catalog(List<Table> tables, List<EnumType> enums) {

    /** A namespace that holds nothing. */
    public static final Catalog EMPTY = new Catalog(List.of(), List.of());

    public Catalog {
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        enums = enums.stream().sorted(Comparator.comparing(EnumType::name)).toList();
    }

    /** The table called {@code name}, if there is one. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The enum type called {@code name}, if there is one. */
    public Optional<EnumType> enumType(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * This catalog with each table's columns sorted by name: a migration appends the columns it adds,
     * where a fresh table has them in the schema's order, and both hold the same data.
     */
    public Catalog ignoringColumnOrder() {
        return new Catalog(tables.stream().map(t -> new Table(t.name(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(), t.primaryKey(),
                t.indexes(), t.foreignKeys())).toList(), enums);
    }

    /**
     * One table.
     *
     * @param name        the table's name
     * @param columns     its columns, in table order
     * @param primaryKey  its primary key, or {@code null} when it has none
     * @param indexes     its indexes other than the primary key, unique ones included, sorted by name
     * @param foreignKeys its foreign keys, sorted by name
     */
    public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<Index> indexes,
                        List<ForeignKey> foreignKeys) {

        public Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
            foreignKeys = foreignKeys.stream().sorted(Comparator.comparing(ForeignKey::name)).toList();
        }

        /** The column called {@code name}, if there is one. */
        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /**
     * One column.
     *
     * @param name              the column's name
     * @param type              its type in the database's canonical spelling, e.g. {@code character varying(80)},
     *                          {@code "Role"} or {@code enum('A','B')}
     * @param nullable          true when it takes NULL
     * @param defaultExpression its default in canonical spelling, or {@code null} when it has none
     * @param autoincrement     true for an identity or {@code AUTO_INCREMENT} column
     */
    public record Column(String name, String type, boolean nullable, String defaultExpression, boolean autoincrement) {

        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** The labels of a MySQL {@code enum('A','B')} column, in order; empty for any other type. */
        public List<String> enumLabels() {
            List<String> labels = MySqlSpelling.enumLabels(type);
            return labels == null ? List.of() : labels;
        }
    }

    /**
     * A primary key.
     *
     * @param name    the constraint's name ({@code Table_pkey}; {@code PRIMARY} in MySQL)
     * @param columns its columns, in key order
     */
    public record PrimaryKey(String name, List<String> columns) {

        public PrimaryKey {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /**
     * An index other than the primary key.
     *
     * @param name    the index's name
     * @param columns its columns, in key order
     * @param unique  true for a unique index
     */
    public record Index(String name, List<String> columns, boolean unique) {

        public Index {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key.
     *
     * @param name              the constraint's name
     * @param columns           the referencing columns, in key order
     * @param referencedTable   the table referenced
     * @param referencedColumns the referenced columns, in the same order
     * @param onDelete          what deleting a referenced row does
     * @param onUpdate          what changing a referenced key does
     */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             ReferentialAction onDelete, ReferentialAction onUpdate) {

        public ForeignKey {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
            Objects.requireNonNull(onDelete, "onDelete");
            Objects.requireNonNull(onUpdate, "onUpdate");
        }
    }

    /**
     * A PostgreSQL enum type.
     *
     * @param name   the type's name
     * @param values its labels, in sort order
     */
    public record EnumType(String name, List<String> values) {

        public EnumType {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }
}
