package dev.refract.r2dbc.catalog;

import dev.refract.meta.ReferentialAction;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import dev.refract.r2dbc.ddl.Literals;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Reads the {@link Catalog} of the connection's current database from MySQL's or MariaDB's
 * {@code information_schema}: base tables, their columns, the primary key, indexes, foreign keys,
 * all spelled canonically ({@link MySqlSpelling}). Two things the servers do on their own are read
 * back as what the data definition wrote: the index InnoDB adds for a foreign key that no index
 * covers (named after the foreign key) is left out, and MariaDB's {@code JSON}, a {@code longtext}
 * with a {@code json_valid} check, is {@code json}. Read only.
 */
public final class MySqlCatalogReader {

    private static final String SERVER = "SELECT VERSION()";

    private static final String TABLES = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";

    private static final String COLUMNS = "SELECT table_name, column_name, column_type, is_nullable, column_default,"
            + " extra FROM information_schema.columns WHERE table_schema = DATABASE()"
            + " ORDER BY table_name, ordinal_position";

    private static final String INDEXES = "SELECT table_name, index_name, non_unique, column_name"
            + " FROM information_schema.statistics WHERE table_schema = DATABASE()"
            + " ORDER BY table_name, index_name, seq_in_index";

    private static final String FOREIGN_KEYS = "SELECT k.table_name, k.constraint_name, k.column_name,"
            + " k.referenced_table_name, k.referenced_column_name, r.delete_rule, r.update_rule"
            + " FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r"
            + " ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name"
            + " AND r.table_name = k.table_name"
            + " WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL"
            + " ORDER BY k.table_name, k.constraint_name, k.ordinal_position";

    private static final String JSON_CHECKS = "SELECT table_name, constraint_name FROM information_schema.check_constraints"
            + " WHERE constraint_schema = DATABASE() AND check_clause = CONCAT('json_valid(`', constraint_name, '`)')";

    private MySqlCatalogReader() {
    }

    /** The catalog of the current database of a connection of {@code connections}; nothing happens until subscription. */
    public static Mono<Catalog> read(ConnectionFactory connections) {
        return Mono.usingWhen(connections.create(), MySqlCatalogReader::read, Connection::close);
    }

    /** The catalog of the current database of {@code connection}, read by one query after another. */
    public static Mono<Catalog> read(Connection connection) {
        return CatalogRows.rows(connection, SERVER, row -> text(row, 0)).flatMap(version -> {
            boolean mariaDb = version.get(0).toLowerCase(Locale.ROOT).contains("mariadb");
            Mono<List<List<String>>> jsonChecks = mariaDb ? CatalogRows.rows(connection, JSON_CHECKS, row -> texts(row, 2))
                    : Mono.just(List.of());
            return jsonChecks.flatMap(checks ->
                    CatalogRows.rows(connection, TABLES, row -> text(row, 0)).flatMap(tables ->
                            CatalogRows.rows(connection, COLUMNS, row -> texts(row, 6)).flatMap(columns ->
                                    CatalogRows.rows(connection, INDEXES, row -> texts(row, 4)).flatMap(indexes ->
                                            CatalogRows.rows(connection, FOREIGN_KEYS, row -> texts(row, 7)).map(keys ->
                                                    assemble(mariaDb, checks, tables, columns, indexes, keys))))));
        });
    }

    private static String text(Row row, int index) {
        Object value = row.get(index);
        return value == null ? null : value.toString();
    }

    private static List<String> texts(Row row, int width) {
        List<String> values = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            values.add(text(row, i));
        }
        return values;
    }

    private static Catalog assemble(boolean mariaDb, List<List<String>> jsonChecks, List<String> tableNames,
                                    List<List<String>> columns, List<List<String>> indexes, List<List<String>> keys) {
        Map<String, CatalogRows.TableParts> parts = new LinkedHashMap<>();
        tableNames.forEach(name -> parts.put(name, new CatalogRows.TableParts()));
        Set<List<String>> jsonColumns = new HashSet<>(jsonChecks);
        for (List<String> row : columns) {
            CatalogRows.TableParts table = parts.get(row.get(0));
            if (table != null) {
                table.columns.add(column(mariaDb, jsonColumns.contains(List.of(row.get(0), row.get(1))), row));
            }
        }
        Map<List<String>, ForeignKey> foreignKeys = new LinkedHashMap<>();
        for (List<String> row : keys) {
            foreignKeys.merge(List.of(row.get(0), row.get(1)), new ForeignKey(row.get(1), List.of(row.get(2)), row.get(3),
                    List.of(row.get(4)), action(row.get(5)), action(row.get(6))), (a, b) -> new ForeignKey(a.name(),
                    concat(a.columns(), b.columns()), a.referencedTable(), concat(a.referencedColumns(),
                    b.referencedColumns()), a.onDelete(), a.onUpdate()));
        }
        foreignKeys.forEach((owner, key) -> {
            if (parts.containsKey(owner.get(0))) {
                parts.get(owner.get(0)).foreignKeys.add(key);
            }
        });
        Map<List<String>, Index> allIndexes = new LinkedHashMap<>();
        for (List<String> row : indexes) {
            allIndexes.merge(List.of(row.get(0), row.get(1)), new Index(row.get(1), List.of(row.get(3)),
                    "0".equals(row.get(2))), (a, b) -> new Index(a.name(), concat(a.columns(), b.columns()), a.unique()));
        }
        allIndexes.forEach((owner, index) -> {
            CatalogRows.TableParts table = parts.get(owner.get(0));
            if (table == null) {
                return;
            }
            if (index.name().equals("PRIMARY")) {
                table.primaryKey = new PrimaryKey("PRIMARY", index.columns());
            } else if (!addedForForeignKey(index, table.foreignKeys)) {
                table.indexes.add(index);
            }
        });
        List<Table> tables = new ArrayList<>();
        parts.forEach((name, table) -> tables.add(table.table(name)));
        return new Catalog(tables, List.of());
    }

    /**
     * True for the index InnoDB adds on its own for a foreign key no index covered: plain, on exactly
     * the key's columns, and named after a foreign key ({@code _fkey}, Prisma's suffix), which stays
     * when a renamed table's key is recreated under its new name.
     */
    private static boolean addedForForeignKey(Index index, List<ForeignKey> foreignKeys) {
        return !index.unique() && index.name().endsWith("_fkey")
                && foreignKeys.stream().anyMatch(key -> key.columns().equals(index.columns()));
    }

    private static Column column(boolean mariaDb, boolean json, List<String> row) {
        String type = json ? "json" : MySqlSpelling.type(row.get(2));
        String extra = row.get(5) == null ? "" : row.get(5).toLowerCase(Locale.ROOT);
        String defaultExpression = row.get(4);
        if (!mariaDb && defaultExpression != null && !extra.contains("default_generated") && !MySqlSpelling.numeric(type)
                && !type.startsWith("bit")) {
            // MySQL reports a literal default unquoted; MariaDB quotes it, which is the canonical spelling
            defaultExpression = Literals.mysql(defaultExpression);
        }
        return new Column(row.get(1), type, "YES".equals(row.get(3)),
                MySqlSpelling.defaultExpression(defaultExpression, type), extra.contains("auto_increment"));
    }

    private static ReferentialAction action(String rule) {
        return switch (rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
