package dev.refract.r2dbc.migrate.diff;

import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import dev.refract.r2dbc.sql.PostgresDialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The steps that turn a database whose catalog is {@code from} into one whose catalog is {@code to},
 * in an order that works:
 *
 * <ol>
 *   <li>drop the foreign keys that change or go (a dropped table's too), so nothing references
 *       what is dropped or changed after;</li>
 *   <li>drop the indexes and primary keys that change or go;</li>
 *   <li>rename tables, columns, indexes and primary keys ({@link Renames});</li>
 *   <li>drop columns and tables;</li>
 *   <li>create enum types and add values, before any column uses them; recreate the types that lose
 *       values;</li>
 *   <li>create tables; add and alter columns; add primary keys;</li>
 *   <li>drop the enum types no column uses any more;</li>
 *   <li>create indexes, then add foreign keys, once everything they reference exists.</li>
 * </ol>
 *
 * Tables and columns are matched by name, or through {@link Renames}; indexes by name, or by
 * columns when only the name changed (a rename). Pure.
 */
public final class SchemaDiff {

    private final Catalog from;
    private final Catalog to;
    private final Renames renames;

    private final List<Step> dropForeignKeys = new ArrayList<>();
    private final List<Step> dropIndexes = new ArrayList<>();
    private final List<Step> renameTables = new ArrayList<>();
    private final List<Step> renameColumns = new ArrayList<>();
    private final List<Step> renameIndexes = new ArrayList<>();
    private final List<Step> dropColumns = new ArrayList<>();
    private final List<Step> dropTables = new ArrayList<>();
    private final List<Step> enumSteps = new ArrayList<>();
    private final List<Step> createTables = new ArrayList<>();
    private final List<Step> columnSteps = new ArrayList<>();
    private final List<Step> addPrimaryKeys = new ArrayList<>();
    private final List<Step> dropEnums = new ArrayList<>();
    private final List<Step> createIndexes = new ArrayList<>();
    private final List<Step> addForeignKeys = new ArrayList<>();
    private final List<Hazard> hazards = new ArrayList<>();

    /** New table name to old, for the tables of both. */
    private final Map<String, String> oldTables = new HashMap<>();
    /** Old table name to new. */
    private final Map<String, String> newTables = new HashMap<>();
    /** New table name to (new column name to old), for the columns of both. */
    private final Map<String, Map<String, String>> oldColumns = new HashMap<>();
    /** Old table name to (old column name to new). */
    private final Map<String, Map<String, String>> newColumns = new HashMap<>();
    /** The columns (new table, new column) a recreated enum type moves and gives their new default. */
    private final Set<List<String>> recast = new HashSet<>();

    private SchemaDiff(Catalog from, Catalog to, Renames renames) {
        this.from = from;
        this.to = to;
        this.renames = renames;
    }

    /** The migration from {@code from} to {@code to}, renaming what {@code renames} names. */
    public static SchemaChanges between(Catalog from, Catalog to, Renames renames) {
        SchemaDiff diff = new SchemaDiff(from, to, renames);
        diff.matchTables();
        diff.enums();
        diff.tables();
        return diff.migration();
    }

    private SchemaChanges migration() {
        List<Step> steps = Stream.of(dropForeignKeys, dropIndexes, renameTables, renameColumns, renameIndexes,
                dropColumns, dropTables, enumSteps, createTables, columnSteps, addPrimaryKeys, dropEnums, createIndexes,
                addForeignKeys).flatMap(List::stream).toList();
        return new SchemaChanges(steps, hazards);
    }

    private void matchTables() {
        for (Table table : to.tables()) {
            String old = renamed(renames.tables().getOrDefault(table.name(), table.name()), table.name(),
                    name -> from.table(name).isPresent(), name -> to.table(name).isPresent());
            if (old != null) {
                oldTables.put(table.name(), old);
                newTables.put(old, table.name());
                matchColumns(from.table(old).orElseThrow(), table);
            }
        }
    }

    private void matchColumns(Table old, Table table) {
        Map<String, String> olds = new HashMap<>();
        Map<String, String> news = new HashMap<>();
        for (Column column : table.columns()) {
            String match = renamed(renames.oldColumn(table.name(), column.name()), column.name(),
                    name -> old.column(name).isPresent(), name -> table.column(name).isPresent());
            if (match != null) {
                olds.put(column.name(), match);
                news.put(match, column.name());
            }
        }
        oldColumns.put(table.name(), olds);
        newColumns.put(old.name(), news);
    }

    /**
     * The old name of what is now {@code name}: {@code old} when it was renamed and the old name is
     * free on the new side, else {@code name} when it existed, else {@code null}.
     */
    private static String renamed(String old, String name, Predicate<String> existed,
                                  Predicate<String> exists) {
        if (!old.equals(name) && existed.test(old) && !existed.test(name) && !exists.test(old)) {
            return old;
        }
        return existed.test(name) ? name : null;
    }

    private void enums() {
        for (EnumType type : to.enums()) {
            Optional<EnumType> old = from.enumType(type.name());
            if (old.isEmpty()) {
                enumSteps.add(new Step.CreateEnum(type));
            } else if (!old.get().values().equals(type.values())) {
                if (inOrder(old.get().values(), type.values())) {
                    addValues(old.get(), type);
                } else {
                    recreate(old.get(), type);
                }
            }
        }
        for (EnumType type : from.enums()) {
            if (to.enumType(type.name()).isEmpty()) {
                dropEnums.add(new Step.DropEnum(type.name()));
            }
        }
    }

    /** True when {@code all} holds every one of {@code some} in the same order. */
    private static boolean inOrder(List<String> some, List<String> all) {
        int next = 0;
        for (String value : all) {
            if (next < some.size() && some.get(next).equals(value)) {
                next++;
            }
        }
        return next == some.size();
    }

    private void addValues(EnumType old, EnumType type) {
        List<String> values = type.values();
        for (int i = 0; i < values.size(); i++) {
            if (old.values().contains(values.get(i))) {
                continue;
            }
            if (i > 0) {
                enumSteps.add(new Step.AddEnumValue(type.name(), values.get(i), null, values.get(i - 1)));
            } else {
                String before = values.stream().filter(old.values()::contains).findFirst().orElseThrow();
                enumSteps.add(new Step.AddEnumValue(type.name(), values.get(i), before, null));
            }
        }
    }

    private void recreate(EnumType old, EnumType type) {
        String quoted = PostgresDialect.INSTANCE.quote(type.name());
        List<String> removed = old.values().stream().filter(v -> !type.values().contains(v)).toList();
        List<Step.EnumColumn> columns = new ArrayList<>();
        for (Table table : to.tables()) {
            String oldTable = oldTables.get(table.name());
            if (oldTable == null) {
                continue;
            }
            Table before = from.table(oldTable).orElseThrow();
            for (Column column : table.columns()) {
                String oldColumn = oldColumns.get(table.name()).get(column.name());
                boolean ofType = column.type().equals(quoted) || column.type().equals(quoted + "[]");
                if (oldColumn == null || !ofType || !before.column(oldColumn).orElseThrow().type().equals(column.type())) {
                    continue;
                }
                boolean list = column.type().endsWith("[]");
                columns.add(new Step.EnumColumn(table.name(), column.name(), list, column.defaultExpression()));
                recast.add(List.of(table.name(), column.name()));
                if (!removed.isEmpty()) {
                    hazards.add(new Hazard.RemovedEnumValues(oldTable, oldColumn, list, removed));
                }
            }
        }
        String retired = type.name() + "_old";
        while (from.enumType(retired).isPresent() || to.enumType(retired).isPresent()) {
            retired = retired + "_";
        }
        enumSteps.add(new Step.RecreateEnum(type, retired, columns));
        dropEnums.add(new Step.DropEnum(retired));
    }

    private void tables() {
        for (Table old : from.tables()) {
            if (!newTables.containsKey(old.name())) {
                old.foreignKeys().forEach(key -> dropForeignKeys.add(new Step.DropForeignKey(old.name(), key.name())));
                dropTables.add(new Step.DropTable(old.name()));
                hazards.add(new Hazard.DroppedTable(old.name()));
            }
        }
        for (Table table : to.tables()) {
            String oldName = oldTables.get(table.name());
            if (oldName == null) {
                createTables.add(new Step.CreateTable(table));
                table.indexes().forEach(index -> createIndexes.add(new Step.CreateIndex(table.name(), index)));
                table.foreignKeys().forEach(key -> addForeignKeys.add(new Step.AddForeignKey(table.name(), key)));
                continue;
            }
            Table old = from.table(oldName).orElseThrow();
            if (!oldName.equals(table.name())) {
                renameTables.add(new Step.RenameTable(oldName, table.name()));
            }
            columns(old, table);
            primaryKey(old, table);
            indexes(old, table);
            foreignKeys(old, table);
        }
    }

    private void columns(Table old, Table table) {
        Map<String, String> olds = oldColumns.get(table.name());
        for (Column column : table.columns()) {
            String oldName = olds.get(column.name());
            if (oldName == null) {
                columnSteps.add(new Step.AddColumn(table.name(), column));
                if (!column.nullable() && column.defaultExpression() == null && !column.autoincrement()) {
                    hazards.add(new Hazard.RequiredColumnWithoutDefault(old.name(), column.name()));
                }
                continue;
            }
            if (!oldName.equals(column.name())) {
                renameColumns.add(new Step.RenameColumn(table.name(), oldName, column.name()));
            }
            Column before = old.column(oldName).orElseThrow();
            Column current = new Column(column.name(), before.type(), before.nullable(),
                    recast.contains(List.of(table.name(), column.name())) ? column.defaultExpression()
                            : before.defaultExpression(), before.autoincrement());
            if (current.equals(column)) {
                continue;
            }
            columnSteps.add(new Step.AlterColumn(table.name(), current, column));
            if (!current.type().equals(column.type())) {
                typeHazard(old.name(), before, column);
            }
            if (current.nullable() && !column.nullable()) {
                hazards.add(new Hazard.NullsInRequiredColumn(old.name(), oldName));
            }
        }
        Map<String, String> news = newColumns.get(old.name());
        for (Column column : old.columns()) {
            if (!news.containsKey(column.name())) {
                dropColumns.add(new Step.DropColumn(table.name(), column.name()));
                hazards.add(new Hazard.DroppedColumn(old.name(), column.name()));
            }
        }
    }

    private void typeHazard(String table, Column before, Column after) {
        List<String> oldLabels = before.enumLabels();
        List<String> newLabels = after.enumLabels();
        if (!oldLabels.isEmpty() && !newLabels.isEmpty()) {
            List<String> removed = oldLabels.stream().filter(v -> !newLabels.contains(v)).toList();
            if (!removed.isEmpty()) {
                hazards.add(new Hazard.RemovedEnumValues(table, before.name(), false, removed));
            }
            return;
        }
        Hazard hazard = TypeNarrowing.of(table, before.name(), before.type(), after.type());
        if (hazard != null) {
            hazards.add(hazard);
        }
    }

    private void primaryKey(Table old, Table table) {
        PrimaryKey before = old.primaryKey();
        PrimaryKey after = table.primaryKey();
        if (before != null && after != null && newNames(old.name(), before.columns()).equals(after.columns())) {
            if (!before.name().equals(after.name())) {
                renameIndexes.add(new Step.RenamePrimaryKey(table.name(), before.name(), after.name()));
            }
            return;
        }
        if (before != null) {
            dropIndexes.add(new Step.DropPrimaryKey(old.name(), before.name()));
        }
        if (after != null) {
            addPrimaryKeys.add(new Step.AddPrimaryKey(table.name(), after));
        }
    }

    private void indexes(Table old, Table table) {
        List<Index> befores = old.indexes().stream()
                .map(i -> new Index(i.name(), newNames(old.name(), i.columns()), i.unique())).toList();
        Set<String> kept = new HashSet<>();
        List<Index> missing = new ArrayList<>();
        for (Index index : table.indexes()) {
            if (befores.contains(index)) {
                kept.add(index.name());
            } else {
                missing.add(index);
            }
        }
        for (Index index : missing) {
            Optional<Index> renamed = befores.stream().filter(b -> !kept.contains(b.name())
                    && b.columns().equals(index.columns()) && b.unique() == index.unique()
                    && table.indexes().stream().noneMatch(i -> i.name().equals(b.name()))).findFirst();
            if (renamed.isPresent()) {
                kept.add(renamed.get().name());
                renameIndexes.add(new Step.RenameIndex(table.name(), renamed.get().name(), index.name()));
            } else {
                createIndexes.add(new Step.CreateIndex(table.name(), index));
            }
        }
        for (Index index : befores) {
            if (!kept.contains(index.name())) {
                dropIndexes.add(new Step.DropIndex(old.name(), index.name()));
            }
        }
    }

    private void foreignKeys(Table old, Table table) {
        List<ForeignKey> befores = old.foreignKeys().stream().map(key -> new ForeignKey(key.name(),
                newNames(old.name(), key.columns()), newTables.getOrDefault(key.referencedTable(), ""),
                newNames(key.referencedTable(), key.referencedColumns()), key.onDelete(), key.onUpdate())).toList();
        for (ForeignKey key : table.foreignKeys()) {
            if (!befores.contains(key)) {
                addForeignKeys.add(new Step.AddForeignKey(table.name(), key));
            }
        }
        for (ForeignKey key : befores) {
            if (!table.foreignKeys().contains(key)) {
                dropForeignKeys.add(new Step.DropForeignKey(old.name(), key.name()));
            }
        }
    }

    /** {@code columns} of old table {@code table} by their new names (a dropped column keeps its old one). */
    private List<String> newNames(String table, List<String> columns) {
        Map<String, String> news = newColumns.getOrDefault(table, Map.of());
        return columns.stream().map(c -> news.getOrDefault(c, c)).toList();
    }
}
