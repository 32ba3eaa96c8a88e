package dev.refract.r2dbc.sql;

import dev.refract.meta.ScalarType;
import java.util.Objects;

/**
 * What a dialect needs to know about a column to write values for it: its scalar type or native
 * enum, and whether it holds a list. Built once per field when a {@link SqlRenderer} is created.
 *
 * @param scalar   the scalar type, or {@code null} for an enum column
 * @param enumName the native enum type's database name, or {@code null} for a scalar column
 * @param list       true when the column holds an array of values
 * @param nativeType the native type written after {@code @db.} in the schema (e.g. {@code VarChar(255)},
 *                   {@code Uuid}), or {@code null} for the scalar type's default column type
 */
public record ColumnType(ScalarType scalar, String enumName, boolean list, String nativeType) {

    public ColumnType {
        if ((scalar == null) == (enumName == null)) {
            throw new IllegalArgumentException("a column type is either a scalar or an enum, not both or neither");
        }
    }

    /** A column of one scalar value or a list of them. */
    public static ColumnType scalar(ScalarType type, boolean list) {
        return new ColumnType(Objects.requireNonNull(type, "type"), null, list, null);
    }

    /** A column of one scalar value or a list of them, of the native type {@code nativeType} (or the default for {@code null}). */
    public static ColumnType scalar(ScalarType type, boolean list, String nativeType) {
        return new ColumnType(Objects.requireNonNull(type, "type"), null, list, nativeType);
    }

    /** A column of a native enum called {@code enumName} in the database, or a list of them. */
    public static ColumnType enumeration(String enumName, boolean list) {
        return new ColumnType(null, Objects.requireNonNull(enumName, "enumName"), list, null);
    }

    /** True for a text column, where case-insensitive matching applies. */
    public boolean isText() {
        return scalar == ScalarType.STRING;
    }

    /** True for a column that arithmetic updates apply to. */
    public boolean isNumeric() {
        return !list && (scalar == ScalarType.INT || scalar == ScalarType.BIGINT || scalar == ScalarType.FLOAT
                || scalar == ScalarType.DECIMAL);
    }

    /** The Java type of one value (of one element, for a list column), for binding a {@code null}. */
    public Class<?> elementJavaType() {
        if (scalar == null) {
            return String.class;
        }
        return switch (scalar) {
            case STRING -> String.class;
            case BOOLEAN -> Boolean.class;
            case INT -> Integer.class;
            case BIGINT -> Long.class;
            case FLOAT -> Double.class;
            case DECIMAL -> java.math.BigDecimal.class;
            case DATETIME -> java.time.Instant.class;
            case JSON -> dev.refract.json.Json.class;
            case BYTES -> byte[].class;
        };
    }

    /** The Java type of the column's whole value, for binding a {@code null}. */
    public Class<?> javaType() {
        return list ? java.util.List.class : elementJavaType();
    }
}
