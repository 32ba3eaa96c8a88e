package dev.refract.r2dbc.ddl;

import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import dev.refract.r2dbc.sql.PostgresDialect;
import java.util.Map;

/**
 * The PostgreSQL column type of a field: from its native type ({@code @db.VarChar(255)}) when one is
 * written, otherwise from its scalar type as Prisma maps it.
 */
final class PostgresColumnTypes {

    /** Native type names of the schema language and how PostgreSQL spells them. */
    private static final Map<String, String> NATIVE = Map.ofEntries(
            Map.entry("Text", "text"), Map.entry("VarChar", "varchar"), Map.entry("Char", "char"),
            Map.entry("Uuid", "uuid"), Map.entry("Citext", "citext"), Map.entry("Inet", "inet"),
            Map.entry("Xml", "xml"), Map.entry("Bit", "bit"), Map.entry("VarBit", "varbit"),
            Map.entry("SmallInt", "smallint"), Map.entry("Integer", "integer"), Map.entry("BigInt", "bigint"),
            Map.entry("Oid", "oid"), Map.entry("Real", "real"), Map.entry("DoublePrecision", "double precision"),
            Map.entry("Decimal", "decimal"), Map.entry("Money", "money"), Map.entry("Timestamp", "timestamp"),
            Map.entry("Timestamptz", "timestamptz"), Map.entry("Date", "date"), Map.entry("Time", "time"),
            Map.entry("Timetz", "timetz"), Map.entry("Json", "json"), Map.entry("JsonB", "jsonb"),
            Map.entry("ByteA", "bytea"), Map.entry("Boolean", "boolean"));

    private PostgresColumnTypes() {
    }

    /**
     * The element type of {@code field}'s column: for a list field, the type of one element.
     *
     * @param enumType the field's enum, or {@code null} for a scalar field
     */
    static String elementType(String model, FieldMeta field, EnumMeta enumType) {
        if (field.kind() == FieldKind.ENUM) {
            return PostgresDialect.INSTANCE.quote(enumType.dbName());
        }
        if (field.kind() != FieldKind.SCALAR) {
            throw new IllegalArgumentException("Field " + model + "." + field.name() + " is a " + field.kind()
                    + " field, which has no column in PostgreSQL; composite types exist only in MongoDB");
        }
        if (field.nativeType() != null) {
            return nativeType(model, field);
        }
        return scalarType(field.scalarType());
    }

    /** The type of a column holding a value of {@code type} without a native type. */
    static String scalarType(ScalarType type) {
        return switch (type) {
            case STRING -> "text";
            case BOOLEAN -> "boolean";
            case INT -> "integer";
            case BIGINT -> "bigint";
            case FLOAT -> "double precision";
            case DECIMAL -> "numeric(65,30)";
            case DATETIME -> "timestamp(3)";
            case JSON -> "jsonb";
            case BYTES -> "bytea";
        };
    }

    private static String nativeType(String model, FieldMeta field) {
        NativeType written = NativeType.of(model, field, NATIVE, "PostgreSQL");
        return written.arguments() == null ? written.type() : written.type() + "(" + written.arguments() + ")";
    }

    /** True for the integer types an identity column can have. */
    static boolean isInteger(String type) {
        return type.equals("integer") || type.equals("bigint") || type.equals("smallint");
    }
}
