package dev.refract.r2dbc.sql;

import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import java.util.List;

/**
 * PostgreSQL's SQL.
 *
 * <ul>
 *   <li>Identifiers in double quotes, a double quote inside doubled; NUL and the empty name are
 *       rejected, as PostgreSQL cannot hold them.</li>
 *   <li>Placeholders {@code $1, $2, …}, which may be referred to more than once.</li>
 *   <li>Native enums: a value is bound as text and cast, {@code $1::"Status"}; lists of them
 *       {@code $1::"Status"[]}. {@code Json} is {@code jsonb}: {@code $1::jsonb}. A list column's
 *       whole value is bound as a {@link List} and cast to the array type ({@code $1::text[]},
 *       {@code $1::integer[]}, …), so an empty or {@code null} list has a type too; the executor
 *       may send a list as any array type the cast accepts.</li>
 *   <li>{@code ILIKE} for insensitive patterns, {@code lower(…)} for insensitive equality; the
 *       {@code LIKE} escape character is PostgreSQL's default, the backslash, independent of
 *       {@code standard_conforming_strings}.</li>
 *   <li>{@code NULLS FIRST}/{@code NULLS LAST}; by default missing values sort last ascending and
 *       first descending.</li>
 *   <li>{@code LIMIT $n OFFSET $m}; {@code RETURNING}; {@code DISTINCT ON};
 *       {@code ON CONFLICT DO NOTHING}; upserts as {@code ON CONFLICT (key) DO UPDATE SET}; a list of
 *       keys bound as one array ({@code = ANY($1::integer[])}, {@code unnest(…)}).</li>
 *   <li>Scalar lists: {@code has} as {@code col @> ARRAY[$1::text]}, {@code hasEvery} as
 *       {@code col @> $1::text[]}, {@code hasSome} as {@code col && $1::text[]}, {@code isEmpty} as
 *       {@code cardinality(col) = 0} (all usable by a GIN index but the last).</li>
 *   <li>JSON paths: the path is bound as a {@code text[]} and read with {@code #>} (as JSON) or
 *       {@code #>>} (as text); string conditions hold only for JSON strings, {@code array_contains}
 *       only for JSON arrays (with {@code @>}).</li>
 *   <li>{@code DateTime} lists are {@code timestamp(3)[]}, the type the relational schema gives a
 *       {@code DateTime} column.</li>
 *   <li>A native type written with {@code @db.} decides the casts: array columns are cast to its
 *       array ({@code @db.VarChar(255)} → {@code $1::varchar[]}, as {@code varchar[]} and
 *       {@code text[]} do not compare), and values of types a plain bind does not convert to on its
 *       own ({@code Uuid}, {@code Inet}, {@code Date}, {@code Json}, …) are cast to them.</li>
 * </ul>
 */
public final class PostgresDialect implements Dialect {

    /** The one instance; it holds no state. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    @Override
    public void identifier(StringBuilder sql, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An empty name cannot be a PostgreSQL identifier; give the table or column a name with @map/@@map");
        }
        sql.append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("The name \"" + name.replace("\0", "\\0")
                        + "\" holds a NUL character, which PostgreSQL identifiers cannot; rename it with @map/@@map");
            }
            if (c == '"') {
                sql.append('"');
            }
            sql.append(c);
        }
        sql.append('"');
    }

    @Override
    public void placeholder(StringBuilder sql, int position) {
        sql.append('$').append(position);
    }

    @Override
    public boolean reusesPlaceholders() {
        return true;
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public boolean supportsDistinctOn() {
        return true;
    }

    @Override
    public boolean supportsArrayParameters() {
        return true;
    }

    /**
     * Native types a value bound as text, a number or a timestamp does not compare with or assign
     * to on its own, so every value for such a column is cast.
     */
    private static final java.util.Set<String> CAST_NATIVE_TYPES = java.util.Set.of("uuid", "xml", "inet", "citext",
            "json", "jsonb", "money", "bit", "varbit", "date", "time", "timetz", "oid");

    @Override
    public String valueCast(ColumnType type) {
        if (type.list()) {
            return "::" + elementType(type) + "[]";
        }
        if (type.enumName() != null) {
            return "::" + elementType(type);
        }
        if (type.nativeType() != null) {
            String nativeType = nativeSqlType(type.nativeType());
            return nativeType != null && CAST_NATIVE_TYPES.contains(nativeType) ? "::" + nativeType : "";
        }
        return type.scalar() == dev.refract.meta.ScalarType.JSON ? "::jsonb" : "";
    }

    /** A {@code money} value is read as {@code numeric}, as the driver decodes no {@code money} (OID 790). */
    @Override
    public String readExpression(String column, ColumnType type) {
        if (type.nativeType() == null || !"money".equals(nativeSqlType(type.nativeType()))) {
            return column;
        }
        return column + (type.list() ? "::numeric[]" : "::numeric");
    }

    @Override
    public String elementCast(ColumnType type) {
        return "::" + elementType(type);
    }

    private String elementType(ColumnType type) {
        if (type.enumName() != null) {
            return quote(type.enumName());
        }
        String nativeType = type.nativeType() == null ? null : nativeSqlType(type.nativeType());
        if (nativeType != null) {
            return nativeType;
        }
        return switch (type.scalar()) {
            case STRING -> "text";
            case BOOLEAN -> "boolean";
            case INT -> "integer";
            case BIGINT -> "bigint";
            case FLOAT -> "double precision";
            case DECIMAL -> "numeric";
            case DATETIME -> "timestamp(3)";
            case JSON -> "jsonb";
            case BYTES -> "bytea";
        };
    }

    /**
     * The SQL name of a schema's native type ({@code VarChar(255)} → {@code varchar}), without its
     * arguments, which a cast does not need; {@code null} for a name PostgreSQL has no type for.
     * A type whose bare name would fix a length is named by its unbounded form.
     */
    static String nativeSqlType(String nativeType) {
        int arguments = nativeType.indexOf('(');
        String name = arguments < 0 ? nativeType : nativeType.substring(0, arguments);
        return switch (name) {
            case "Text" -> "text";
            case "Char" -> "bpchar";
            case "VarChar" -> "varchar";
            // bit without a length is bit(1), which would cut a longer value to its first bit.
            case "Bit" -> "varbit";
            case "VarBit" -> "varbit";
            case "Uuid" -> "uuid";
            case "Xml" -> "xml";
            case "Inet" -> "inet";
            case "Citext" -> "citext";
            case "Boolean" -> "boolean";
            case "Integer" -> "integer";
            case "SmallInt" -> "smallint";
            case "Oid" -> "oid";
            case "BigInt" -> "bigint";
            case "DoublePrecision" -> "double precision";
            case "Real" -> "real";
            case "Decimal" -> "numeric";
            case "Money" -> "money";
            case "Timestamp" -> "timestamp";
            case "Timestamptz" -> "timestamptz";
            case "Date" -> "date";
            case "Time" -> "time";
            case "Timetz" -> "timetz";
            case "Json" -> "json";
            case "JsonB" -> "jsonb";
            case "ByteA" -> "bytea";
            default -> null;
        };
    }

    @Override
    public String insensitiveLike() {
        return " ILIKE ";
    }

    @Override
    public String caseFold() {
        return "lower";
    }

    @Override
    public char likeEscape() {
        return '\\';
    }

    @Override
    public String likeEscapeClause() {
        return "";
    }

    @Override
    public void nullsOrder(StringBuilder sql, OrderBy.Direction direction, OrderBy.Nulls nulls) {
        switch (nulls) {
            case FIRST -> sql.append(" NULLS FIRST");
            case LAST -> sql.append(" NULLS LAST");
            case DEFAULT -> { }
        }
    }

    @Override
    public boolean nullsFirstByDefault(OrderBy.Direction direction) {
        return direction == OrderBy.Direction.DESC;
    }

    @Override
    public void limitOffset(SqlBuilder sql, Integer take, int skip) {
        if (take != null) {
            sql.append(" LIMIT ");
            sql.bind(Bind.of(take));
        }
        if (skip > 0) {
            sql.append(" OFFSET ");
            sql.bind(Bind.of(skip));
        }
    }

    @Override
    public String insertInto(boolean skipDuplicates) {
        return "INSERT INTO ";
    }

    @Override
    public String skipDuplicatesSuffix() {
        return " ON CONFLICT DO NOTHING";
    }

    @Override
    public void upsertUpdate(StringBuilder sql, List<String> conflictColumns) {
        sql.append(" ON CONFLICT (");
        for (int i = 0; i < conflictColumns.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(conflictColumns.get(i));
        }
        sql.append(") DO UPDATE SET ");
    }

    @Override
    public void listCondition(SqlBuilder sql, String column, ColumnType type, Filter.Operator operator, Object value) {
        switch (operator) {
            case HAS -> {
                sql.append(column).append(" @> ARRAY[");
                sql.bind(Bind.of(value));
                sql.append(elementCast(type)).append(']');
            }
            case HAS_EVERY, HAS_SOME -> {
                sql.append(column).append(operator == Filter.Operator.HAS_EVERY ? " @> " : " && ");
                sql.bind(new Bind(value, List.class));
                sql.append(valueCast(type));
            }
            case IS_EMPTY -> sql.append("cardinality(").append(column).append(") = 0");
            default -> throw new IllegalArgumentException(operator + " is not a list condition");
        }
    }

    @Override
    public void jsonPathCondition(SqlBuilder sql, String column, List<String> path, Filter.JsonOperator operator,
            Object value, String pattern) {
        switch (operator) {
            case EQUALS -> {
                sql.append('(').append(column).append(" #> ");
                sql.bind(new Bind(path, List.class));
                sql.append("::text[]) = ");
                sql.bind(Bind.of(value));
                sql.append("::jsonb");
            }
            case ARRAY_CONTAINS -> {
                sql.append("(jsonb_typeof(").append(column).append(" #> ");
                int pathBind = sql.bind(new Bind(path, List.class));
                sql.append("::text[]) = 'array' AND (").append(column).append(" #> ");
                sql.placeholder(pathBind);
                sql.append("::text[]) @> ");
                sql.bind(Bind.of(value));
                sql.append("::jsonb)");
            }
            case STRING_CONTAINS, STRING_STARTS_WITH, STRING_ENDS_WITH -> {
                sql.append("(jsonb_typeof(").append(column).append(" #> ");
                int pathBind = sql.bind(new Bind(path, List.class));
                sql.append("::text[]) = 'string' AND (").append(column).append(" #>> ");
                sql.placeholder(pathBind);
                sql.append("::text[]) LIKE ");
                sql.bind(Bind.of(pattern));
                sql.append(likeEscapeClause()).append(')');
            }
        }
    }

    @Override
    public String aggregateCast(dev.refract.query.Aggregations.Function function, ColumnType type) {
        dev.refract.meta.ScalarType scalar = type.scalar();
        return switch (function) {
            // sum(bigint) is numeric in PostgreSQL; the result promised is a whole number
            case SUM -> scalar == dev.refract.meta.ScalarType.BIGINT ? "::bigint" : "";
            // avg of whole numbers is numeric in PostgreSQL; the result promised is a double
            case AVG -> scalar == dev.refract.meta.ScalarType.INT || scalar == dev.refract.meta.ScalarType.BIGINT
                    ? "::double precision" : "";
            case MIN, MAX -> type.enumName() != null ? "::text" : "";
            case COUNT -> "";
        };
    }
}
