package dev.refract.r2dbc.catalog.pull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema type of a column from its canonical database type: the reverse of the adapter's column
 * types for fields ({@code PostgresColumnTypes}, {@code MySqlColumnTypes}), so that a pulled schema
 * pushed again makes the same columns. A type that is its scalar type's default ({@code text},
 * {@code timestamp(3)}, {@code varchar(191)} on MySQL, …) gets no {@code @db} attribute.
 */
final class NativeTypes {

    private static final Pattern POSTGRES = Pattern.compile(
            "([a-z][a-z ]*?)(?:\\((\\d+(?:,\\d+)?)\\))?( with time zone| without time zone)?");

    private static final Pattern MYSQL = Pattern.compile("([a-z]+)(?:\\((\\d+(?:,\\d+)?)\\))?( unsigned)?");

    private NativeTypes() {
    }

    /** The schema type of a PostgreSQL column of canonical {@code type}, an element type (no {@code []}) and no enum. */
    static PulledType postgres(String type) {
        Matcher matcher = POSTGRES.matcher(type);
        if (!matcher.matches()) {
            return PulledType.unsupported(type);
        }
        String arguments = matcher.group(2);
        boolean withZone = " with time zone".equals(matcher.group(3));
        return switch (matcher.group(1)) {
            case "text" -> PulledType.of("String");
            case "character varying" -> PulledType.of("String", "VarChar", arguments);
            case "character" -> PulledType.of("String", "Char", arguments);
            case "uuid" -> PulledType.of("String", "Uuid", null);
            case "citext" -> PulledType.of("String", "Citext", null);
            case "inet" -> PulledType.of("String", "Inet", null);
            case "xml" -> PulledType.of("String", "Xml", null);
            case "bit" -> PulledType.of("String", "Bit", arguments);
            case "bit varying" -> PulledType.of("String", "VarBit", arguments);
            case "boolean" -> PulledType.of("Boolean");
            case "integer" -> PulledType.of("Int");
            case "smallint" -> PulledType.of("Int", "SmallInt", null);
            case "oid" -> PulledType.of("Int", "Oid", null);
            case "bigint" -> PulledType.of("BigInt");
            case "real" -> PulledType.of("Float", "Real", null);
            case "double precision" -> PulledType.of("Float");
            case "numeric" -> "65,30".equals(arguments) ? PulledType.of("Decimal")
                    : PulledType.of("Decimal", "Decimal", arguments);
            case "money" -> PulledType.of("Decimal", "Money", null);
            case "timestamp" -> withZone ? PulledType.of("DateTime", "Timestamptz", arguments)
                    : "3".equals(arguments) ? PulledType.of("DateTime") : PulledType.of("DateTime", "Timestamp", arguments);
            case "time" -> PulledType.of("DateTime", withZone ? "Timetz" : "Time", arguments);
            case "date" -> PulledType.of("DateTime", "Date", null);
            case "jsonb" -> PulledType.of("Json");
            case "json" -> PulledType.of("Json", "Json", null);
            case "bytea" -> PulledType.of("Bytes");
            default -> PulledType.unsupported(type);
        };
    }

    /** The schema type of a MySQL column of canonical {@code type}, not an {@code enum(…)}. */
    static PulledType mysql(String type) {
        Matcher matcher = MYSQL.matcher(type);
        if (!matcher.matches()) {
            return PulledType.unsupported(type);
        }
        String name = matcher.group(1);
        String arguments = matcher.group(2);
        boolean unsigned = matcher.group(3) != null;
        if (unsigned) {
            return switch (name) {
                case "int" -> PulledType.of("Int", "UnsignedInt", null);
                case "smallint" -> PulledType.of("Int", "UnsignedSmallInt", null);
                case "mediumint" -> PulledType.of("Int", "UnsignedMediumInt", null);
                case "tinyint" -> PulledType.of("Int", "UnsignedTinyInt", null);
                case "bigint" -> PulledType.of("BigInt", "UnsignedBigInt", null);
                default -> PulledType.unsupported(type);
            };
        }
        return switch (name) {
            case "varchar" -> "191".equals(arguments) ? PulledType.of("String")
                    : PulledType.of("String", "VarChar", arguments);
            case "char" -> PulledType.of("String", "Char", arguments);
            case "text" -> PulledType.of("String", "Text", null);
            case "tinytext" -> PulledType.of("String", "TinyText", null);
            case "mediumtext" -> PulledType.of("String", "MediumText", null);
            case "longtext" -> PulledType.of("String", "LongText", null);
            case "tinyint" -> "1".equals(arguments) ? PulledType.of("Boolean") : PulledType.of("Int", "TinyInt", null);
            case "int" -> PulledType.of("Int");
            case "smallint" -> PulledType.of("Int", "SmallInt", null);
            case "mediumint" -> PulledType.of("Int", "MediumInt", null);
            case "year" -> PulledType.of("Int", "Year", null);
            case "bigint" -> PulledType.of("BigInt");
            case "decimal" -> "65,30".equals(arguments) ? PulledType.of("Decimal")
                    : PulledType.of("Decimal", "Decimal", arguments);
            case "double" -> PulledType.of("Float");
            case "float" -> PulledType.of("Float", "Float", null);
            case "datetime" -> "3".equals(arguments) ? PulledType.of("DateTime")
                    : PulledType.of("DateTime", "DateTime", arguments);
            case "timestamp" -> PulledType.of("DateTime", "Timestamp", arguments);
            case "date" -> PulledType.of("DateTime", "Date", null);
            case "time" -> PulledType.of("DateTime", "Time", arguments);
            case "json" -> PulledType.of("Json");
            case "longblob" -> PulledType.of("Bytes");
            case "blob" -> PulledType.of("Bytes", "Blob", null);
            case "tinyblob" -> PulledType.of("Bytes", "TinyBlob", null);
            case "mediumblob" -> PulledType.of("Bytes", "MediumBlob", null);
            case "varbinary" -> PulledType.of("Bytes", "VarBinary", arguments);
            case "binary" -> PulledType.of("Bytes", "Binary", arguments);
            case "bit" -> "1".equals(arguments) || arguments == null ? PulledType.of("Boolean", "Bit", "1")
                    : PulledType.of("Bytes", "Bit", arguments);
            default -> PulledType.unsupported(type);
        };
    }
}
