package dev.refract.r2dbc.catalog.pull;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the catalog of an existing PostgreSQL or MySQL database as schema models: a model per table
 * (a table without a primary key or a unique key over required columns is left out, with a comment
 * saying why; the migration history table is never a model), a field per column with its schema type,
 * native type, default and keys, a relation field on both sides of each foreign key, and an enum per
 * PostgreSQL enum type or MySQL {@code enum(…)} column. Database names that are not the schema's
 * names are kept with {@code @map} and {@code @@map}. Pure.
 */
public final class SchemaWriter {

    /** The table in which migrations keep their history; it belongs to Refract, not to the schema. */
    public static final String HISTORY_TABLE = "_refract_migrations";

    /** Starts the comment line of a table left out; a later pull replaces such lines with its own. */
    public static final String SKIPPED_COMMENT = "// db pull left out ";

    private final boolean mysql;
    private final String datasource;
    private final Set<String> topLevelNames = new HashSet<>();
    private final Map<String, Model> models = new LinkedHashMap<>();
    private final Map<String, PulledEnum> postgresEnums = new HashMap<>();
    private final List<PulledEnum> enums = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private SchemaWriter(Provider provider, String datasource) {
        this.mysql = provider == Provider.MYSQL;
        this.datasource = datasource;
    }

    /**
     * The models and enums of {@code catalog}, read from a database of {@code provider}.
     *
     * @param datasource the datasource to name in each model's {@code @@datasource}, or {@code null} for the
     *                   schema's first datasource, whose models need none
     * @throws IllegalArgumentException for a provider other than PostgreSQL and MySQL
     */
    public static PulledSchema write(Catalog catalog, Provider provider, String datasource) {
        if (provider != Provider.POSTGRESQL && provider != Provider.MYSQL) {
            throw new IllegalArgumentException(provider.schemaName() + " has no relational catalog to pull;"
                    + " pull only postgresql and mysql datasources");
        }
        return new SchemaWriter(provider, datasource).pull(catalog);
    }

    private PulledSchema pull(Catalog catalog) {
        for (Table table : catalog.tables()) {
            if (table.name().equals(HISTORY_TABLE)) {
                continue;
            }
            if (table.primaryKey() == null && requiredUniqueKey(table) == null) {
                skipped.add("table \"" + table.name() + "\": it has no primary key and no unique key over required"
                        + " columns, so its rows cannot be told apart; add one, then pull again.");
                continue;
            }
            models.put(table.name(), new Model(table, SchemaNames.free(SchemaNames.pascal(table.name()), topLevelNames)));
        }
        for (EnumType type : catalog.enums()) {
            PulledEnum pulled = new PulledEnum(SchemaNames.free(SchemaNames.pascal(type.name()), topLevelNames),
                    type.name(), type.values());
            postgresEnums.put(type.name(), pulled);
            enums.add(pulled);
        }
        models.values().forEach(this::addColumns);
        new Relations(models).addTo();
        StringBuilder text = new StringBuilder();
        skipped.forEach(reason -> text.append(SKIPPED_COMMENT).append(reason).append('\n'));
        if (!skipped.isEmpty()) {
            text.append('\n');
        }
        models.values().forEach(model -> model.write(text, datasource));
        enums.forEach(pulled -> pulled.write(text, !mysql));
        return new PulledSchema(text.toString(), models.values().stream().map(Model::name).toList(),
                enums.stream().map(PulledEnum::name).toList(), skipped);
    }

    private void addColumns(Model model) {
        for (Column column : model.table().columns()) {
            String fieldName = model.freeField(SchemaNames.camel(column.name()));
            PulledEnum pulledEnum = enumOf(model, fieldName, column);
            boolean list = !mysql && column.type().endsWith("[]");
            PulledType type = pulledEnum != null ? PulledType.of(pulledEnum.name())
                    : mysql ? NativeTypes.mysql(column.type())
                    : NativeTypes.postgres(list ? column.type().substring(0, column.type().length() - 2) : column.type());
            model.addColumn(column, fieldName, type, list, pulledEnum == null ? null : pulledEnum.valueNames());
        }
    }

    /** The enum of {@code column}, or {@code null} when it is not of an enum type. */
    private PulledEnum enumOf(Model model, String fieldName, Column column) {
        if (mysql) {
            if (column.enumLabels().isEmpty()) {
                return null;
            }
            PulledEnum pulled = new PulledEnum(SchemaNames.free(model.name() + SchemaNames.pascal(fieldName),
                    topLevelNames), null, column.enumLabels());
            enums.add(pulled);
            return pulled;
        }
        String type = column.type().endsWith("[]") ? column.type().substring(0, column.type().length() - 2)
                : column.type();
        if (type.length() > 1 && type.startsWith("\"") && type.endsWith("\"")) {
            type = type.substring(1, type.length() - 1).replace("\"\"", "\"");
        }
        return postgresEnums.get(type);
    }

    /** A unique index of {@code table} whose columns all refuse NULL, or {@code null}. */
    static Index requiredUniqueKey(Table table) {
        return table.indexes().stream().filter(Index::unique)
                .filter(index -> !index.columns().isEmpty() && index.columns().stream()
                        .allMatch(name -> table.column(name).map(c -> !c.nullable()).orElse(false)))
                .findFirst().orElse(null);
    }

    /**
     * An enum as written: a PostgreSQL enum type, or the labels of one MySQL {@code enum(…)} column.
     *
     * @param dbName the PostgreSQL type's name, or {@code null} for MySQL, where an enum has no name
     */
    record PulledEnum(String name, String dbName, List<String> labels) {

        /** The value names by database label. */
        Map<String, String> valueNames() {
            Map<String, String> names = new LinkedHashMap<>();
            Set<String> taken = new HashSet<>();
            labels.forEach(label -> names.put(label, SchemaNames.free(SchemaNames.enumValue(label), taken)));
            return names;
        }

        void write(StringBuilder text, boolean mapName) {
            text.append("enum ").append(name).append(" {\n");
            valueNames().forEach((label, value) -> text.append("  ").append(value)
                    .append(value.equals(label) ? "" : " @map(" + SchemaNames.quoted(label) + ")").append('\n'));
            if (mapName && !name.equals(dbName)) {
                text.append("\n  @@map(").append(SchemaNames.quoted(dbName)).append(")\n");
            }
            text.append("}\n\n");
        }
    }

    /** Joins field names for a key list, e.g. {@code [a, b]}. */
    static String fieldList(List<String> fields) {
        return fields.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    /** True when {@code a} and {@code b} hold the same columns, in any order. */
    static boolean sameColumns(List<String> a, List<String> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }
}
