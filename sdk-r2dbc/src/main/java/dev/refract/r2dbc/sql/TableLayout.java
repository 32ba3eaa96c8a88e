package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's table as the renderer writes it, computed once: quoted names, column types and
 * casts, and the statement pieces every query of the model shares.
 */
final class TableLayout {

    final ModelMeta model;
    final String table;
    /** The quoted column per field; {@code null} for a field without a column (a relation). */
    final String[] columns;
    final ColumnType[] types;
    final String[] valueCasts;
    final List<Integer> allFields;
    /** The columns of every scalar field as stored, for subqueries whose rows an outer query reads. */
    final String allColumns;
    /** The columns of every scalar field as read for a result row (see {@link Dialect#readExpression}). */
    final String allReadColumns;
    private final Dialect dialect;
    final ResultShape.Rows allRows;
    final SqlRenderer.Selected allSelected;

    TableLayout(SchemaMeta schema, ModelMeta model, Dialect dialect) {
        this.model = model;
        this.dialect = dialect;
        this.table = dialect.quote(model.dbName());
        int count = model.fieldCount();
        columns = new String[count];
        types = new ColumnType[count];
        valueCasts = new String[count];
        List<Integer> scalars = new ArrayList<>(count);
        StringBuilder all = new StringBuilder();
        StringBuilder allRead = new StringBuilder();
        for (int i = 0; i < count; i++) {
            FieldMeta field = model.field(i);
            ColumnType type = columnType(schema, model, field);
            if (type == null) {
                continue;
            }
            columns[i] = dialect.quote(field.dbName());
            types[i] = type;
            valueCasts[i] = dialect.valueCast(type);
            if (!scalars.isEmpty()) {
                all.append(", ");
                allRead.append(", ");
            }
            all.append(columns[i]);
            appendRead(allRead, i, "");
            scalars.add(i);
        }
        allFields = List.copyOf(scalars);
        allColumns = all.toString();
        allReadColumns = allRead.toString();
        allRows = new ResultShape.Rows(model.index(), allFields);
        allSelected = new SqlRenderer.Selected(allFields, List.of(), allRows);
    }

    private static ColumnType columnType(SchemaMeta schema, ModelMeta model, FieldMeta field) {
        if (field.kind() == FieldKind.SCALAR) {
            return ColumnType.scalar(field.scalarType(), field.isList(), field.nativeType());
        }
        if (field.kind() == FieldKind.ENUM) {
            for (EnumMeta enumMeta : schema.enums()) {
                if (enumMeta.name().equals(field.typeName())) {
                    return ColumnType.enumeration(enumMeta.dbName(), field.isList());
                }
            }
            throw new IllegalArgumentException("Field " + model.name() + "." + field.name() + " has the enum type "
                    + field.typeName() + ", which the schema metadata does not declare; regenerate the client");
        }
        if (field.kind() == FieldKind.COMPOSITE) {
            throw new IllegalArgumentException("Field " + model.name() + "." + field.name()
                    + " holds the composite type " + field.typeName()
                    + ", which a relational database cannot store; use Json, or move the model to a MongoDB datasource");
        }
        return null;
    }

    /** The quoted column of {@code field}, or a clear error when it has none. */
    String column(int field) {
        String column = field >= 0 && field < columns.length ? columns[field] : null;
        if (column == null) {
            throw new InvalidQueryException(model.name(), List.of(fieldName(field)), "Field " + fieldName(field)
                    + " of " + model.name() + " is not a column; read a relation with include, filter by it with a"
                    + " relation filter (some, every, none, is, isNot), sort by a related field or a relation count,"
                    + " and write it with nested writes");
        }
        return column;
    }

    /**
     * Appends the select-list item that reads {@code field} for a result row: the column, or the
     * dialect's read expression named after the column, so a query around it still finds the
     * column by its name.
     */
    void appendRead(StringBuilder sql, int field, String qualifier) {
        String column = column(field);
        String read = dialect.readExpression(qualifier + column, types[field]);
        sql.append(read);
        if (!read.equals(qualifier + column)) {
            sql.append(" AS ").append(column);
        }
    }

    /** The expression that reads {@code field} inside an aggregate function or another expression. */
    String readExpression(int field) {
        return dialect.readExpression(column(field), types[field]);
    }

    ColumnType type(int field) {
        column(field);
        return types[field];
    }

    String fieldName(int field) {
        return field >= 0 && field < model.fieldCount() ? model.field(field).name() : "#" + field;
    }

    InvalidQueryException invalid(int field, String message) {
        return new InvalidQueryException(model.name(), List.of(fieldName(field)), message);
    }
}
