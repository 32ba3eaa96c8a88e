package dev.refract.r2dbc.sql;

import dev.refract.meta.ScalarType;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The SQL of MySQL 8 and MariaDB 10.3+, for one {@link MySqlServer}.
 *
 * <ul>
 *   <li>Identifiers in backticks, a backtick inside doubled; the empty name, NUL, characters outside
 *       the Basic Multilingual Plane and a trailing space are rejected, as the server cannot hold
 *       them.</li>
 *   <li>Placeholders {@code ?}, each bound once: a value used twice is bound twice.</li>
 *   <li>No casts on values: an {@code ENUM(…)} column takes its value as text, a {@code JSON} column
 *       takes JSON text. Scalar lists cannot be stored (the schema validator refuses them); a
 *       query naming one is rejected.</li>
 *   <li>Insensitive mode is {@code LOWER(col) LIKE LOWER(?)} and {@code LOWER(col) = LOWER(?)}. In
 *       the default mode comparisons follow the column's collation: with the usual
 *       {@code utf8mb4_*_ci} collations {@code equals}, {@code contains} and the other text filters
 *       already ignore case, and only a {@code _bin} or {@code _cs} collation makes them exact.</li>
 *   <li>{@code LIKE ? ESCAPE '\\'}: the backslash, written as MySQL's string literals spell it (the
 *       server's {@code NO_BACKSLASH_ESCAPES} mode is not supported).</li>
 *   <li>Missing values sort first ascending and last descending, and there is no
 *       {@code NULLS FIRST/LAST}: the renderer puts {@code col IS NULL} before a key whose nulls go
 *       the other way.</li>
 *   <li>{@code LIMIT ? OFFSET ?}; an offset alone takes the largest limit,
 *       {@code LIMIT 18446744073709551615 OFFSET ?}, as MySQL has no offset without a limit.</li>
 *   <li>No {@code DISTINCT ON}: distinct keeps the first row of each group by
 *       {@code row_number()}; no array parameters: keys are bound one by one
 *       ({@code IN (?, ?)}, {@code (a, b) IN ((?, ?), …)}).</li>
 *   <li>{@code skipDuplicates} is {@code INSERT IGNORE}, which the write plans follow with a check of
 *       {@code SHOW WARNINGS} so that only duplicates are skipped (see {@link SqlPlan}); upserts end
 *       with {@code ON DUPLICATE KEY UPDATE}.</li>
 *   <li>{@code RETURNING} only where the server has it ({@link MySqlServer#returnsFromInsertAndDelete()});
 *       other writes that return records are {@link SqlPlan}s.</li>
 *   <li>JSON paths are bound as MySQL path text ({@code $."a"."b"}): {@code equals} compares with
 *       {@code JSON_EXTRACT} (as JSON on MySQL, with {@code JSON_EQUALS} on MariaDB, whose JSON is
 *       text), {@code array_contains} with {@code JSON_CONTAINS} on a JSON array, the string filters
 *       with {@code JSON_UNQUOTE(JSON_EXTRACT(…)) LIKE ?} on a JSON string.</li>
 *   <li>Aggregates: sums of whole numbers {@code CAST(… AS SIGNED)} (MySQL sums them as
 *       {@code DECIMAL}), averages of whole numbers and floats {@code CAST(… AS DOUBLE)}; the minimum
 *       and maximum of an {@code ENUM} compare its text, not the declared order.</li>
 * </ul>
 */
public final class MySqlDialect implements Dialect {

    /** The largest row count MySQL takes, the limit of an offset without one. */
    static final String NO_LIMIT = "18446744073709551615";

    private final MySqlServer server;

    /**
     * The dialect of {@code server}.
     *
     * @throws IllegalArgumentException when the server is older than Refract serves
     */
    public MySqlDialect(MySqlServer server) {
        this.server = Objects.requireNonNull(server, "server").requireSupported();
    }

    /** The server this dialect writes for. */
    public MySqlServer server() {
        return server;
    }

    @Override
    public void identifier(StringBuilder sql, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An empty name cannot be a MySQL identifier; give the table or column a name with @map/@@map");
        }
        if (name.endsWith(" ")) {
            throw new IllegalArgumentException("The name \"" + name + "\" ends with a space, which MySQL identifiers"
                    + " cannot; rename it with @map/@@map");
        }
        sql.append('`');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\0' || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("The name \"" + name.replace("\0", "\\0") + "\" holds "
                        + (c == '\0' ? "a NUL character" : "a character beyond the Basic Multilingual Plane")
                        + ", which MySQL identifiers cannot; rename it with @map/@@map");
            }
            if (c == '`') {
                sql.append('`');
            }
            sql.append(c);
        }
        sql.append('`');
    }

    @Override
    public void placeholder(StringBuilder sql, int position) {
        sql.append('?');
    }

    @Override
    public boolean reusesPlaceholders() {
        return false;
    }

    @Override
    public boolean supportsReturning() {
        return false;
    }

    @Override
    public boolean supportsReturning(WriteKind kind) {
        return kind != WriteKind.UPDATE && server.returnsFromInsertAndDelete();
    }

    @Override
    public boolean supportsDistinctOn() {
        return false;
    }

    @Override
    public boolean supportsNullsOrder() {
        return false;
    }

    @Override
    public boolean supportsScalarLists() {
        return false;
    }

    @Override
    public String nullSafeEquals() {
        return " <=> ";
    }

    @Override
    public String defaultValues() {
        return " () VALUES ()";
    }

    @Override
    public String valueCast(ColumnType type) {
        return "";
    }

    /** {@code DIV}: MySQL's {@code /} of two whole numbers is a decimal, which the column would round. */
    @Override
    public String wholeNumberDivision() {
        return " DIV ";
    }

    @Override
    public String elementCast(ColumnType type) {
        return "";
    }

    @Override
    public String insensitiveLike() {
        return null;
    }

    @Override
    public String caseFold() {
        return "LOWER";
    }

    @Override
    public char likeEscape() {
        return '\\';
    }

    @Override
    public String likeEscapeClause() {
        return " ESCAPE '\\\\'";
    }

    @Override
    public void nullsOrder(StringBuilder sql, OrderBy.Direction direction, OrderBy.Nulls nulls) {
        // no NULLS FIRST/LAST: SortKeys puts an "IS NULL" key first where needed
    }

    @Override
    public boolean nullsFirstByDefault(OrderBy.Direction direction) {
        return direction == OrderBy.Direction.ASC;
    }

    @Override
    public void limitOffset(SqlBuilder sql, Integer take, int skip) {
        if (take != null) {
            sql.append(" LIMIT ");
            sql.bind(Bind.of(take));
        } else if (skip > 0) {
            sql.append(" LIMIT ").append(NO_LIMIT);
        }
        if (skip > 0) {
            sql.append(" OFFSET ");
            sql.bind(Bind.of(skip));
        }
    }

    @Override
    public String insertInto(boolean skipDuplicates) {
        return skipDuplicates ? "INSERT IGNORE INTO " : "INSERT INTO ";
    }

    @Override
    public String skipDuplicatesSuffix() {
        return "";
    }

    @Override
    public boolean skipsMoreThanDuplicates() {
        return true;
    }

    @Override
    public void upsertUpdate(StringBuilder sql, List<String> conflictColumns) {
        sql.append(" ON DUPLICATE KEY UPDATE ");
    }

    @Override
    public void listCondition(SqlBuilder sql, String column, ColumnType type, Filter.Operator operator, Object value) {
        throw new UnsupportedOperationException("MySQL cannot store lists, so " + operator
                + " has no column to test; use a Json field, or a separate model with a relation");
    }

    @Override
    public void jsonPathCondition(SqlBuilder sql, String column, List<String> path, Filter.JsonOperator operator,
            Object value, String pattern) {
        String jsonPath = jsonPath(path);
        switch (operator) {
            case EQUALS -> jsonEquals(sql, left -> extract(left, column, jsonPath), Bind.of(value), false);
            case ARRAY_CONTAINS -> {
                sql.append("(JSON_TYPE(");
                extract(sql, column, jsonPath);
                sql.append(") = 'ARRAY' AND JSON_CONTAINS(").append(column).append(", ");
                sql.bind(Bind.of(value));
                sql.append(", ");
                sql.bind(Bind.of(jsonPath));
                sql.append("))");
            }
            case STRING_CONTAINS, STRING_STARTS_WITH, STRING_ENDS_WITH -> {
                sql.append("(JSON_TYPE(");
                extract(sql, column, jsonPath);
                sql.append(") = 'STRING' AND JSON_UNQUOTE(");
                extract(sql, column, jsonPath);
                sql.append(") LIKE ");
                sql.bind(Bind.of(pattern));
                sql.append(likeEscapeClause()).append(')');
            }
        }
    }

    /** Appends {@code JSON_EXTRACT(column, ?)}, binding {@code path}. */
    private static void extract(SqlBuilder sql, String column, String path) {
        sql.append("JSON_EXTRACT(").append(column).append(", ");
        sql.bind(Bind.of(path));
        sql.append(')');
    }

    /**
     * The MySQL JSON path of {@code keys} from the root: {@code $."a"."b"}, each key quoted, a double
     * quote or backslash inside escaped with a backslash. It is bound, never written into the text.
     */
    static String jsonPath(List<String> keys) {
        StringBuilder path = new StringBuilder("$");
        for (String key : keys) {
            path.append(".\"");
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == '"' || c == '\\') {
                    path.append('\\');
                }
                path.append(c);
            }
            path.append('"');
        }
        return path.toString();
    }

    @Override
    public void jsonComparison(SqlBuilder sql, String column, ColumnType type, boolean negated, Bind value) {
        jsonEquals(sql, left -> left.append(column), value, negated);
    }

    /**
     * Appends what {@code left} writes, equal (or not) to the JSON value bound: as JSON values on MySQL, with
     * {@code JSON_EQUALS} on MariaDB 10.7+, else on the compacted texts (where keys in another order
     * differ).
     */
    private void jsonEquals(SqlBuilder sql, Consumer<SqlBuilder> left, Bind value, boolean negated) {
        if (!server.storesJsonAsText()) {
            left.accept(sql);
            sql.append(negated ? " <> " : " = ").append("CAST(");
            sql.bind(value);
            sql.append(" AS JSON)");
        } else if (server.atLeast(10, 7, 0)) {
            sql.append(negated ? "NOT JSON_EQUALS(" : "JSON_EQUALS(");
            left.accept(sql);
            sql.append(", ");
            sql.bind(value);
            sql.append(')');
        } else {
            sql.append("JSON_COMPACT(");
            left.accept(sql);
            sql.append(negated ? ") <> JSON_COMPACT(" : ") = JSON_COMPACT(");
            sql.bind(value);
            sql.append(')');
        }
    }

    /** Casts wrap the aggregate on MySQL; see {@link #castAggregate}. */
    @Override
    public String aggregateCast(Aggregations.Function function, ColumnType type) {
        return "";
    }

    @Override
    public String castAggregate(String call, Aggregations.Function function, ColumnType type) {
        ScalarType scalar = type.scalar();
        boolean whole = scalar == ScalarType.INT || scalar == ScalarType.BIGINT;
        return switch (function) {
            // MySQL sums whole numbers as DECIMAL; the result promised is a whole number
            case SUM -> whole ? "CAST(" + call + " AS SIGNED)" : call;
            // MySQL averages whole numbers as DECIMAL; the result promised is a double
            case AVG -> whole || scalar == ScalarType.FLOAT ? "CAST(" + call + " AS DOUBLE)" : call;
            case MIN, MAX, COUNT -> call;
        };
    }
}
