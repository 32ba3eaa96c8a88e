package dev.refract.r2dbc.codec;

import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.spi.Readable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a result, as a codec reads it from each row: where it sits and its database type.
 * A column is described once per result (or once per statement shape) and serves every row.
 *
 * @param index    the column's position in the row
 * @param typeName the database type's name, lower case, e.g. {@code timestamptz}, {@code _text} for
 *                 an array of text, or the type's OID for a type the driver does not know (an enum)
 */
public record Column(int index, String typeName) {

    /** The names of the types the driver knows, by OID; built once, never changed. */
    private static final Map<Integer, String> KNOWN_TYPES = knownTypes();

    public Column {
        Objects.requireNonNull(typeName, "typeName");
    }

    /** The column at {@code index} whose type has the PostgreSQL OID {@code oid}. */
    public static Column of(int index, int oid) {
        String known = KNOWN_TYPES.get(oid);
        return new Column(index, known != null ? known : Integer.toString(oid));
    }

    /**
     * The column at {@code index} whose type the driver names {@code driverName} (its
     * {@code ColumnMetadata.getType().getName()}), e.g. {@code TIMESTAMP_ARRAY} for {@code _timestamp}.
     */
    public static Column named(int index, String driverName) {
        return new Column(index, typeName(driverName));
    }

    /** The value of this column in {@code row}, converted by the driver to {@code type}, or {@code null}. */
    public <T> T get(Readable row, Class<T> type) {
        return row.get(index, type);
    }

    private static String typeName(String driverName) {
        String lower = driverName.toLowerCase(Locale.ROOT);
        return lower.endsWith("_array") ? "_" + lower.substring(0, lower.length() - "_array".length()) : lower;
    }

    private static Map<Integer, String> knownTypes() {
        Map<Integer, String> names = new HashMap<>();
        for (PostgresqlObjectId type : PostgresqlObjectId.values()) {
            names.putIfAbsent(type.getObjectId(), typeName(type.name()));
        }
        return Map.copyOf(names);
    }
}
