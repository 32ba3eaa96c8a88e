package dev.refract.r2dbc.migrate.diff;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import java.util.HashMap;
import java.util.Map;

/**
 * The tables and columns whose database name changed while their model or field kept its name
 * ({@code @@map}, {@code @map}), so the diff renames them and keeps their data instead of dropping
 * and adding them. Without this knowledge ({@link #NONE}) a changed name is a drop and an add.
 *
 * @param tables  new table name to old table name
 * @param columns new table name to (new column name to old column name)
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    /** No renames known. */
    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        Map<String, Map<String, String>> copy = new HashMap<>();
        columns.forEach((table, renamed) -> copy.put(table, Map.copyOf(renamed)));
        columns = Map.copyOf(copy);
    }

    /**
     * The renames from {@code previous} to {@code next} in the datasource of {@code next} at
     * {@code datasourceIndex} (found in {@code previous} by its name): each model of both whose
     * {@code @@map} changed, and each scalar or enum field of both whose {@code @map} changed.
     */
    public static Renames between(SchemaMeta previous, SchemaMeta next, int datasourceIndex) {
        String datasource = next.datasource(datasourceIndex).name();
        Map<String, ModelMeta> before = new HashMap<>();
        for (ModelMeta model : previous.models()) {
            if (previous.datasource(model.datasource()).name().equals(datasource)) {
                before.put(model.name(), model);
            }
        }
        Map<String, String> tables = new HashMap<>();
        Map<String, Map<String, String>> columns = new HashMap<>();
        for (ModelMeta model : next.models()) {
            ModelMeta old = before.get(model.name());
            if (model.datasource() != datasourceIndex || old == null) {
                continue;
            }
            if (!old.dbName().equals(model.dbName())) {
                tables.put(model.dbName(), old.dbName());
            }
            for (FieldMeta field : model.fields()) {
                FieldMeta oldField = old.fields().stream().filter(f -> f.name().equals(field.name())).findFirst()
                        .orElse(null);
                if (!field.isRelation() && oldField != null && !oldField.isRelation()
                        && !oldField.dbName().equals(field.dbName())) {
                    columns.computeIfAbsent(model.dbName(), t -> new HashMap<>()).put(field.dbName(), oldField.dbName());
                }
            }
        }
        return new Renames(tables, columns);
    }

    /** The old name of column {@code column} of table {@code table} (new names), or {@code column} itself. */
    String oldColumn(String table, String column) {
        return columns.getOrDefault(table, Map.of()).getOrDefault(column, column);
    }
}
