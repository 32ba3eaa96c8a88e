package dev.refract.r2dbc.catalog.pull;

import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One model being written: the table it comes from, its fields by column, and its relation fields. */
final class Model {

    /** A field of a column. */
    private record ScalarField(Column column, String name, PulledType type, boolean list, Map<String, String> enumValues) {}

    private final Table table;
    private final String name;
    private final Set<String> fieldNames = new HashSet<>();
    private final Map<String, ScalarField> fields = new LinkedHashMap<>();
    private final List<String> relationLines = new ArrayList<>();
    private final List<String> backRelationLines = new ArrayList<>();

    Model(Table table, String name) {
        this.table = table;
        this.name = name;
    }

    Table table() {
        return table;
    }

    String name() {
        return name;
    }

    /** {@code wanted}, or a numbered variant of it when the model already has a field of that name; taken from now on. */
    String freeField(String wanted) {
        return SchemaNames.free(wanted, fieldNames);
    }

    void addColumn(Column column, String fieldName, PulledType type, boolean list, Map<String, String> enumValues) {
        fields.put(column.name(), new ScalarField(column, fieldName, type, list, enumValues));
    }

    /** The field names of {@code columns}, in their order. */
    List<String> fieldsOf(List<String> columns) {
        return columns.stream().map(column -> fields.get(column).name()).toList();
    }

    /** True when {@code columns} are the model's primary key or one of its unique keys, in any order. */
    boolean isUniqueKey(List<String> columns) {
        return table.primaryKey() != null && SchemaWriter.sameColumns(table.primaryKey().columns(), columns)
                || table.indexes().stream().anyMatch(i -> i.unique() && SchemaWriter.sameColumns(i.columns(), columns));
    }

    /** True when every one of {@code columns} is a column of this model. */
    boolean hasColumns(List<String> columns) {
        return fields.keySet().containsAll(columns);
    }

    /** True when one of {@code columns} takes NULL. */
    boolean anyNullable(List<String> columns) {
        return columns.stream().anyMatch(column -> fields.get(column).column().nullable());
    }

    /** Adds the field of a relation whose foreign key this model's table holds. */
    void addRelationLine(String line) {
        relationLines.add(line);
    }

    /** Adds the field back of a relation whose foreign key another table (or this one) holds. */
    void addBackRelationLine(String line) {
        backRelationLines.add(line);
    }

    void write(StringBuilder text, String datasource) {
        List<String> primaryKey = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
        List<List<String>> uniques = new ArrayList<>();
        for (Index index : table.indexes()) {
            if (index.unique() && !SchemaWriter.sameColumns(index.columns(), primaryKey)
                    && uniques.stream().noneMatch(u -> SchemaWriter.sameColumns(u, index.columns()))) {
                uniques.add(index.columns());
            }
        }
        text.append("model ").append(name).append(" {\n");
        for (ScalarField field : fields.values()) {
            text.append("  ").append(field.name()).append(' ').append(field.type().name())
                    .append(field.list() ? "[]" : field.column().nullable() ? "?" : "");
            if (primaryKey.size() == 1 && primaryKey.get(0).equals(field.column().name())) {
                text.append(" @id");
            }
            String defaultAttribute = Defaults.attribute(field.column(), field.type(), field.enumValues());
            if (defaultAttribute != null) {
                text.append(' ').append(defaultAttribute);
            }
            if (uniques.stream().anyMatch(u -> u.size() == 1 && u.get(0).equals(field.column().name()))) {
                text.append(" @unique");
            }
            if (!field.name().equals(field.column().name())) {
                text.append(" @map(").append(SchemaNames.quoted(field.column().name())).append(')');
            }
            if (field.type().attribute() != null) {
                text.append(' ').append(field.type().attribute());
            }
            text.append('\n');
        }
        relationLines.forEach(line -> text.append("  ").append(line).append('\n'));
        backRelationLines.forEach(line -> text.append("  ").append(line).append('\n'));
        List<String> blockLines = new ArrayList<>();
        if (primaryKey.size() > 1) {
            blockLines.add("@@id(" + SchemaWriter.fieldList(fieldsOf(primaryKey)) + ")");
        }
        uniques.stream().filter(u -> u.size() > 1)
                .forEach(u -> blockLines.add("@@unique(" + SchemaWriter.fieldList(fieldsOf(u)) + ")"));
        table.indexes().stream().filter(i -> !i.unique() && !i.columns().isEmpty() && hasColumns(i.columns()))
                .forEach(i -> blockLines.add("@@index(" + SchemaWriter.fieldList(fieldsOf(i.columns())) + ")"));
        if (!name.equals(table.name())) {
            blockLines.add("@@map(" + SchemaNames.quoted(table.name()) + ")");
        }
        if (datasource != null) {
            blockLines.add("@@datasource(" + datasource + ")");
        }
        if (!blockLines.isEmpty()) {
            text.append('\n');
            blockLines.forEach(line -> text.append("  ").append(line).append('\n'));
        }
        text.append("}\n\n");
    }
}
