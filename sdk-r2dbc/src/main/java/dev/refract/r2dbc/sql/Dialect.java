package dev.refract.r2dbc.sql;

import dev.refract.query.Filter;
import dev.refract.query.OrderBy;
import java.util.List;

/**
 * Everything the SQL of one database differs in, so that {@link SqlRenderer} writes the shape of a
 * statement once and asks the dialect for each piece that is spelled differently.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Identifiers are always quoted, with the quote character doubled inside, so any name —
 *       a keyword, mixed case, a quote, a backslash — comes out as exactly one identifier. A name
 *       the database cannot hold (e.g. one containing NUL) is rejected with
 *       {@link IllegalArgumentException} rather than altered.</li>
 *   <li>No value ever enters the text: every value goes through {@link SqlBuilder#bind(Bind)},
 *       which writes the dialect's {@linkplain #placeholder placeholder}; the dialect only adds
 *       type casts and operators around placeholders.</li>
 *   <li>Methods are pure and the dialect holds no mutable state, so one instance serves every
 *       thread.</li>
 * </ul>
 * Abilities the database lacks are declared by the {@code supports…} methods; the renderer
 * rejects a query needing one with a clear error rather than rendering something subtly different.
 */
public interface Dialect {

    /** Appends {@code name} as one quoted identifier. */
    void identifier(StringBuilder sql, String name);

    /** {@code name} as one quoted identifier. */
    default String quote(String name) {
        StringBuilder sql = new StringBuilder(name.length() + 2);
        identifier(sql, name);
        return sql.toString();
    }

    /** Appends the placeholder of the bind at {@code position}, counted from 1. */
    void placeholder(StringBuilder sql, int position);

    /** True when a placeholder may be written again to use the same bind twice ({@code $1} can; {@code ?} cannot). */
    boolean reusesPlaceholders();

    /** True when {@code INSERT}, {@code UPDATE} and {@code DELETE} can return rows ({@code RETURNING}). */
    boolean supportsReturning();

    /**
     * True when a statement of {@code kind} can return rows ({@code RETURNING}). A write that must
     * return records and whose kind cannot is rendered as a {@link SqlPlan} of several statements.
     */
    default boolean supportsReturning(WriteKind kind) {
        return supportsReturning();
    }

    /** The kinds of write statement, for {@link #supportsReturning(WriteKind)}. */
    enum WriteKind { INSERT, UPDATE, DELETE }

    /**
     * True when {@code NULLS FIRST}/{@code NULLS LAST} can follow a sort key; otherwise the renderer
     * puts a {@code key IS NULL} key before a key whose nulls are not where
     * {@link #nullsFirstByDefault} puts them.
     */
    default boolean supportsNullsOrder() {
        return true;
    }

    /**
     * True when a column may hold a list of values (a scalar list field); otherwise a query that
     * writes or filters one is rejected.
     */
    default boolean supportsScalarLists() {
        return true;
    }

    /** The operator, with spaces around it, that holds when both sides are equal or both missing. */
    default String nullSafeEquals() {
        return " IS NOT DISTINCT FROM ";
    }

    /** What follows the table of an insert that writes no column, every one taking its default. */
    default String defaultValues() {
        return " DEFAULT VALUES";
    }

    /**
     * True when {@code SELECT DISTINCT ON (…)} keeps the first row of each group; otherwise the
     * renderer numbers each group's rows with {@code row_number()} and keeps the first.
     */
    boolean supportsDistinctOn();

    /**
     * True when a whole list of values binds to one placeholder as an array, cast with
     * {@link #valueCast} of a list column ({@code col = ANY($1::integer[])},
     * {@code unnest($1::text[], $2::integer[])}), so that matching any number of keys takes one bind
     * per key column.
     */
    default boolean supportsArrayParameters() {
        return false;
    }

    /**
     * What follows a placeholder holding a value of a column of {@code type} (its whole value, an
     * array for a list column) so the database reads it as that type, e.g. {@code ::"Status"} for a
     * native enum; empty when the driver's own typing suffices.
     */
    String valueCast(ColumnType type);

    /**
     * The expression that reads a column of {@code type} in a form the driver decodes, e.g.
     * {@code "balance"::numeric} for a PostgreSQL {@code money} column, which the driver has no
     * decoder for; {@code column} itself when the driver reads the column as it is. Only reads use
     * it (select lists, {@code RETURNING}, aggregate arguments): comparisons, writes and sort keys
     * keep the column, whose own type compares and sorts correctly.
     *
     * @param column the quoted (and possibly qualified) column
     */
    default String readExpression(String column, ColumnType type) {
        return column;
    }

    /** What follows a placeholder holding one element of a list column of {@code type}. */
    String elementCast(ColumnType type);

    /**
     * The operator, with spaces around it, of {@code divide} on an Int or BigInt column: whole-number
     * division that truncates toward zero, as on every store. PostgreSQL's {@code /} already does;
     * MySQL's {@code /} gives a decimal, which the column would round, so MySQL says {@code DIV}.
     */
    default String wholeNumberDivision() {
        return " / ";
    }

    /**
     * The case-insensitive {@code LIKE} operator with spaces around it (e.g. {@code " ILIKE "}), or
     * {@code null} when there is none and both sides are to be wrapped in {@link #caseFold()}.
     */
    String insensitiveLike();

    /** The function that folds case for insensitive comparisons, e.g. {@code lower}. */
    String caseFold();

    /**
     * The escape character of {@code LIKE} patterns; {@link LikePattern} escapes {@code %}, {@code _}
     * and this character itself with it.
     */
    char likeEscape();

    /** What follows a {@code LIKE} pattern to declare {@link #likeEscape()}; empty when it is the default. */
    String likeEscapeClause();

    /** Appends the {@code NULLS FIRST}/{@code NULLS LAST} of a sort key, with its leading space; nothing for the default. */
    void nullsOrder(StringBuilder sql, OrderBy.Direction direction, OrderBy.Nulls nulls);

    /** Whether missing values come first under {@code direction} when a sort key says {@link OrderBy.Nulls#DEFAULT}. */
    boolean nullsFirstByDefault(OrderBy.Direction direction);

    /** Appends the paging clause, with its leading space, binding {@code take} and {@code skip}; nothing when neither applies. */
    void limitOffset(SqlBuilder sql, Integer take, int skip);

    /** The start of an insert, e.g. {@code "INSERT INTO "} (some databases skip duplicates here). */
    String insertInto(boolean skipDuplicates);

    /** What ends an insert that skips rows conflicting with a unique key, with its leading space. */
    String skipDuplicatesSuffix();

    /**
     * True when the insert of {@link #insertInto insertInto(true)} skips more than duplicates (MySQL's
     * {@code INSERT IGNORE} also skips rows breaking a foreign key and stores defaults for missing
     * values, each as a warning), so the renderer follows it with a {@link SqlPlan.CheckWarnings}.
     */
    default boolean skipsMoreThanDuplicates() {
        return false;
    }

    /**
     * Appends the start of the update branch of an upsert, with its leading space, up to where the
     * assignments begin, e.g. {@code ON CONFLICT ("id") DO UPDATE SET }.
     *
     * @param conflictColumns the quoted columns of the unique key the insert may collide on
     */
    void upsertUpdate(StringBuilder sql, List<String> conflictColumns);

    /**
     * Appends a condition on a list column: {@link Filter.Operator#HAS}, {@code HAS_EVERY},
     * {@code HAS_SOME} or {@code IS_EMPTY}.
     *
     * @param column the quoted (and possibly qualified) column
     * @param value  an element for {@code HAS}, a {@link List} for {@code HAS_EVERY}/{@code HAS_SOME}, {@code null} for {@code IS_EMPTY}
     */
    void listCondition(SqlBuilder sql, String column, ColumnType type, Filter.Operator operator, Object value);

    /**
     * Appends a condition on the value at {@code path} inside a JSON column.
     *
     * @param column  the quoted (and possibly qualified) column
     * @param path    the keys from the root
     * @param pattern for the string operators, the {@code LIKE} pattern already built by {@link LikePattern};
     *                otherwise {@code null}
     */
    void jsonPathCondition(SqlBuilder sql, String column, List<String> path, Filter.JsonOperator operator,
            Object value, String pattern);

    /**
     * What follows {@code function(column)} so that its result has the type
     * {@link ResultShape.Aggregated} promises for a column of {@code type}; empty when it has already.
     */
    String aggregateCast(dev.refract.query.Aggregations.Function function, ColumnType type);

    /**
     * {@code call}, the aggregate {@code function(column)}, converted to the type
     * {@link ResultShape.Aggregated} promises for a column of {@code type}: by default followed by
     * {@link #aggregateCast}; a dialect whose casts wrap the expression overrides this instead.
     */
    default String castAggregate(String call, dev.refract.query.Aggregations.Function function, ColumnType type) {
        return call + aggregateCast(function, type);
    }

    /**
     * Appends a comparison of a {@code Json} column with a whole JSON value: {@code equals} or
     * {@code not} ({@code negated}), a missing value never matching. By default the column, the
     * operator and the bound value with {@link #valueCast}.
     *
     * @param column the quoted (and possibly qualified) column
     * @param value  the bound JSON value, or a typed {@code null}
     */
    default void jsonComparison(SqlBuilder sql, String column, ColumnType type, boolean negated, Bind value) {
        sql.append(column).append(negated ? " <> " : " = ");
        sql.bind(value);
        sql.append(valueCast(type));
    }
}
