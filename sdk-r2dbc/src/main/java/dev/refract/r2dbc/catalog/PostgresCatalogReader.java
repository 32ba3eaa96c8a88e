package dev.refract.r2dbc.catalog;

import dev.refract.meta.ReferentialAction;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import dev.refract.r2dbc.sql.PostgresDialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Reads the {@link Catalog} of the connection's current schema from PostgreSQL's {@code pg_catalog}:
 * ordinary and partitioned tables, their columns (type by {@code format_type}, identity, default by
 * {@code pg_get_expr}), primary keys, indexes other than the primary key (expression indexes left
 * out), foreign keys and enum types, all spelled canonically ({@link PostgresSpelling}). Read only.
 */
public final class PostgresCatalogReader {

    private static final String TABLES = "SELECT c.relname::text FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')";

    private static final String COLUMNS = "SELECT c.relname::text, a.attname::text,"
            + " format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
            + " a.attidentity <> '', e.typname::text, t.typcategory = 'A'"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_type e ON e.typtype = 'e'"
            + " AND e.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0"
            + " AND NOT a.attisdropped ORDER BY c.relname, a.attnum";

    private static final String CONSTRAINTS = "SELECT c.relname::text, con.conname::text, con.contype::text,"
            + " ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),"
            + " r.relname::text,"
            + " ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),"
            + " con.confdeltype::text, con.confupdtype::text"
            + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_class r ON r.oid = con.confrelid"
            + " WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f')";

    private static final String INDEXES = "SELECT t.relname::text, i.relname::text, x.indisunique,"
            + " ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.num ORDER BY k.ord)"
            + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_catalog.pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
            + " WHERE n.nspname = current_schema() AND NOT x.indisprimary AND x.indexprs IS NULL";

    private static final String ENUMS = "SELECT t.typname::text, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)"
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE n.nspname = current_schema() GROUP BY t.typname";

    private PostgresCatalogReader() {
    }

    /** The catalog of the current schema of a connection of {@code connections}; nothing happens until subscription. */
    public static Mono<Catalog> read(ConnectionFactory connections) {
        return Mono.usingWhen(connections.create(), PostgresCatalogReader::read, Connection::close);
    }

    /** The catalog of the current schema of {@code connection}, read by one query after another. */
    public static Mono<Catalog> read(Connection connection) {
        return CatalogRows.rows(connection, TABLES, row -> row.get(0, String.class)).flatMap(tables ->
                CatalogRows.rows(connection, COLUMNS, PostgresCatalogReader::column).flatMap(columns ->
                        CatalogRows.rows(connection, CONSTRAINTS, PostgresCatalogReader::constraint).flatMap(constraints ->
                                CatalogRows.rows(connection, INDEXES, PostgresCatalogReader::index).flatMap(indexes ->
                                        CatalogRows.rows(connection, ENUMS, PostgresCatalogReader::enumType).map(enums ->
                                                assemble(tables, columns, constraints, indexes, enums))))));
    }

    private record Owned<T>(String table, T item) {
    }

    private static Owned<Column> column(Row row) {
        String enumName = row.get(6, String.class);
        String type = enumName != null
                ? PostgresDialect.INSTANCE.quote(enumName) + (Boolean.TRUE.equals(row.get(7, Boolean.class)) ? "[]" : "")
                : PostgresSpelling.type(row.get(2, String.class));
        return new Owned<>(row.get(0, String.class), new Column(row.get(1, String.class), type,
                !Boolean.TRUE.equals(row.get(3, Boolean.class)),
                PostgresSpelling.defaultExpression(row.get(4, String.class), type),
                Boolean.TRUE.equals(row.get(5, Boolean.class))));
    }

    /** A primary key or a foreign key. */
    private static Owned<Object> constraint(Row row) {
        String name = row.get(1, String.class);
        List<String> columns = Arrays.asList(row.get(3, String[].class));
        if ("p".equals(row.get(2, String.class))) {
            return new Owned<>(row.get(0, String.class), new PrimaryKey(name, columns));
        }
        return new Owned<>(row.get(0, String.class), new ForeignKey(name, columns, row.get(4, String.class),
                Arrays.asList(row.get(5, String[].class)), action(row.get(6, String.class)),
                action(row.get(7, String.class))));
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "c" -> ReferentialAction.CASCADE;
            case "r" -> ReferentialAction.RESTRICT;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static Owned<Index> index(Row row) {
        return new Owned<>(row.get(0, String.class), new Index(row.get(1, String.class),
                Arrays.asList(row.get(3, String[].class)), Boolean.TRUE.equals(row.get(2, Boolean.class))));
    }

    private static EnumType enumType(Row row) {
        return new EnumType(row.get(0, String.class), Arrays.asList(row.get(1, String[].class)));
    }

    private static Catalog assemble(List<String> tableNames, List<Owned<Column>> columns, List<Owned<Object>> constraints,
                                    List<Owned<Index>> indexes, List<EnumType> enums) {
        Map<String, CatalogRows.TableParts> parts = new LinkedHashMap<>();
        tableNames.forEach(name -> parts.put(name, new CatalogRows.TableParts()));
        columns.stream().filter(c -> parts.containsKey(c.table())).forEach(c -> parts.get(c.table()).columns.add(c.item()));
        for (Owned<Object> constraint : constraints) {
            CatalogRows.TableParts table = parts.get(constraint.table());
            if (table != null && constraint.item() instanceof PrimaryKey key) {
                table.primaryKey = key;
            } else if (table != null && constraint.item() instanceof ForeignKey key) {
                table.foreignKeys.add(key);
            }
        }
        indexes.stream().filter(i -> parts.containsKey(i.table())).forEach(i -> parts.get(i.table()).indexes.add(i.item()));
        List<Table> tables = new ArrayList<>();
        parts.forEach((name, table) -> tables.add(table.table(name)));
        return new Catalog(tables, enums);
    }
}
