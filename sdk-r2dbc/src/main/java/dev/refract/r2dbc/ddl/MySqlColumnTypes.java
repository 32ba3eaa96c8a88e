package dev.refract.r2dbc.ddl;

import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MySQL column type of a field: from its native type ({@code @db.VarChar(80)}) when one is
 * written, an {@code ENUM('A', 'B')} for an enum, otherwise from its scalar type as Prisma maps it
 * ({@code String} as {@code VARCHAR(191)}, the longest a {@code utf8mb4} index takes whole on old
 * InnoDB row formats).
 */
final class MySqlColumnTypes {

    /** Native type names of the schema language's MySQL catalog and how MySQL spells them. */
    private static final Map<String, String> NATIVE = Map.ofEntries(
            Map.entry("VarChar", "VARCHAR"), Map.entry("Char", "CHAR"), Map.entry("Text", "TEXT"),
            Map.entry("TinyText", "TINYTEXT"), Map.entry("MediumText", "MEDIUMTEXT"), Map.entry("LongText", "LONGTEXT"),
            Map.entry("Int", "INT"), Map.entry("UnsignedInt", "INT UNSIGNED"), Map.entry("SmallInt", "SMALLINT"),
            Map.entry("UnsignedSmallInt", "SMALLINT UNSIGNED"), Map.entry("MediumInt", "MEDIUMINT"),
            Map.entry("UnsignedMediumInt", "MEDIUMINT UNSIGNED"), Map.entry("TinyInt", "TINYINT"),
            Map.entry("UnsignedTinyInt", "TINYINT UNSIGNED"), Map.entry("Year", "YEAR"), Map.entry("BigInt", "BIGINT"),
            Map.entry("UnsignedBigInt", "BIGINT UNSIGNED"), Map.entry("Decimal", "DECIMAL"),
            Map.entry("Double", "DOUBLE"), Map.entry("Float", "FLOAT"), Map.entry("DateTime", "DATETIME"),
            Map.entry("Timestamp", "TIMESTAMP"), Map.entry("Date", "DATE"), Map.entry("Time", "TIME"),
            Map.entry("Json", "JSON"), Map.entry("Blob", "BLOB"), Map.entry("TinyBlob", "TINYBLOB"),
            Map.entry("MediumBlob", "MEDIUMBLOB"), Map.entry("LongBlob", "LONGBLOB"),
            Map.entry("VarBinary", "VARBINARY"), Map.entry("Binary", "BINARY"), Map.entry("Bit", "BIT"));

    private MySqlColumnTypes() {
    }

    /**
     * The type of {@code field}'s column.
     *
     * @param enumType the field's enum, or {@code null} for a scalar field
     * @throws IllegalArgumentException for a list, a composite, or a native type MySQL does not know
     */
    static String of(String model, FieldMeta field, EnumMeta enumType) {
        if (field.isList()) {
            throw new IllegalArgumentException("Field " + model + "." + field.name() + " is a list, which MySQL"
                    + " cannot store; use a Json field, or a separate model with a relation");
        }
        if (field.kind() == FieldKind.ENUM) {
            return "ENUM(" + enumType.dbValues().stream().map(Literals::mysql).collect(Collectors.joining(", ")) + ")";
        }
        if (field.kind() != FieldKind.SCALAR) {
            throw new IllegalArgumentException("Field " + model + "." + field.name() + " is a " + field.kind()
                    + " field, which has no column in MySQL; composite types exist only in MongoDB");
        }
        if (field.nativeType() != null) {
            return nativeType(model, field);
        }
        return scalarType(field.scalarType());
    }

    /** The type of a column holding a value of {@code type} without a native type. */
    static String scalarType(ScalarType type) {
        return switch (type) {
            case STRING -> "VARCHAR(191)";
            case BOOLEAN -> "BOOLEAN";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case FLOAT -> "DOUBLE";
            case DECIMAL -> "DECIMAL(65,30)";
            case DATETIME -> "DATETIME(3)";
            case JSON -> "JSON";
            case BYTES -> "LONGBLOB";
        };
    }

    private static String nativeType(String model, FieldMeta field) {
        NativeType written = NativeType.of(model, field, NATIVE, "MySQL");
        String type = written.type();
        if (written.arguments() == null) {
            // a Boolean on TINYINT is TINYINT(1), which the driver and every client read as a boolean
            return written.name().equals("TinyInt") && field.scalarType() == ScalarType.BOOLEAN ? "TINYINT(1)" : type;
        }
        int unsigned = type.indexOf(" UNSIGNED");
        return unsigned < 0 ? type + "(" + written.arguments() + ")"
                : type.substring(0, unsigned) + "(" + written.arguments() + ")" + type.substring(unsigned);
    }

    /** True for the integer types an {@code AUTO_INCREMENT} column can have. */
    static boolean isInteger(String type) {
        return type.matches("(?:TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT)(?:\\(\\d+\\))?(?: UNSIGNED)?");
    }

    /** True for the types whose literal defaults MySQL takes only as expressions in parentheses. */
    static boolean needsExpressionDefault(String type) {
        return type.matches("(?:TINY|MEDIUM|LONG)?(?:TEXT|BLOB)|JSON");
    }

    /** The fractional digits of a {@code DATETIME(n)}, {@code TIMESTAMP(n)} or {@code TIME(n)}, or 0. */
    static int fractionalDigits(String type) {
        int open = type.indexOf('(');
        return open < 0 || !type.matches("(?:DATETIME|TIMESTAMP|TIME)\\(\\d\\)") ? 0
                : Integer.parseInt(type.substring(open + 1, type.length() - 1));
    }
}
