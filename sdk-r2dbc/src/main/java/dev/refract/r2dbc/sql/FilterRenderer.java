package dev.refract.r2dbc.sql;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.meta.RelationLink;
import dev.refract.meta.ScalarType;
import dev.refract.query.Filter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Filter} as a SQL condition. Column references are prefixed with a qualifier
 * (empty, or a quoted table name and a dot) where the statement has more than one row source.
 *
 * <p>A {@link Filter.Related} filter becomes a subquery correlated with the row (see
 * {@link Relations}), at a depth that numbers its aliases, one deeper per nesting:
 * <ul>
 *   <li>{@code SOME}, {@code IS}: {@code EXISTS (SELECT 1 FROM target WHERE <link> AND <filter>)},
 *       so {@code IS} with {@link Filter#ALL} holds when the relation is set and its record exists;</li>
 *   <li>{@code NONE}: {@code NOT EXISTS (… AND <filter>)}; {@code IS_NOT}: {@code NOT} of {@code IS};</li>
 *   <li>{@code EVERY}: {@code NOT EXISTS (… AND NOT COALESCE((<filter>), FALSE))}: a related record
 *       for which the filter is unknown (a comparison with a missing value) does not match, so it
 *       falsifies {@code EVERY} as it does not satisfy {@code SOME}. {@code EVERY} of
 *       {@link Filter#ALL} is {@code TRUE}.</li>
 * </ul>
 * {@code SOME}, {@code EVERY} and {@code NONE} apply to to-many relations, {@code IS} and
 * {@code IS_NOT} to to-one relations; the other way round is an {@link InvalidQueryException}.
 */
final class FilterRenderer {

    private final Dialect dialect;
    private final Relations relations;

    FilterRenderer(Dialect dialect, Relations relations) {
        this.dialect = dialect;
        this.relations = relations;
    }

    /** Appends {@code " WHERE …"}, or nothing for a filter matching every record. */
    void where(SqlBuilder sql, TableLayout table, String qualifier, Filter filter) {
        where(sql, table, qualifier, filter, 1);
    }

    /**
     * Appends {@code " WHERE …"}, or nothing for a filter matching every record, inside a subquery:
     * its relation filters alias their tables from {@code depth} on.
     */
    void where(SqlBuilder sql, TableLayout table, String qualifier, Filter filter, int depth) {
        if (isAll(filter)) {
            return;
        }
        sql.append(" WHERE ");
        condition(sql, table, qualifier, filter, true, depth);
    }

    /** Appends {@code filter} as a condition; {@code topLevel} omits the parentheses of a conjunction. */
    void condition(SqlBuilder sql, TableLayout table, String qualifier, Filter filter, boolean topLevel) {
        condition(sql, table, qualifier, filter, topLevel, 1);
    }

    /**
     * Appends {@code filter} as a condition; {@code topLevel} omits the parentheses of a conjunction;
     * relation filters alias their tables from {@code depth} on.
     */
    void condition(SqlBuilder sql, TableLayout table, String qualifier, Filter filter, boolean topLevel, int depth) {
        if (filter instanceof Filter.Comparison comparison) {
            comparison(sql, table, qualifier, comparison);
        } else if (filter instanceof Filter.And and) {
            junction(sql, table, qualifier, and.filters(), " AND ", "TRUE", topLevel, depth);
        } else if (filter instanceof Filter.Or or) {
            junction(sql, table, qualifier, or.filters(), " OR ", "FALSE", false, depth);
        } else if (filter instanceof Filter.Not not) {
            sql.append("NOT (");
            condition(sql, table, qualifier, not.filter(), true, depth);
            sql.append(')');
        } else if (filter instanceof Filter.IsNull isNull) {
            sql.append(qualifier).append(table.column(isNull.field()))
                    .append(isNull.isNull() ? " IS NULL" : " IS NOT NULL");
        } else if (filter instanceof Filter.FieldComparison fields) {
            sql.append(qualifier).append(table.column(fields.field())).append(operator(fields.operator()))
                    .append(qualifier).append(table.column(fields.otherField()));
        } else if (filter instanceof Filter.JsonPath path) {
            jsonPath(sql, table, qualifier, path);
        } else if (filter instanceof Filter.Related related) {
            related(sql, table, qualifier, related, depth);
        } else if (filter instanceof Filter.Embedded embedded) {
            throw table.invalid(embedded.field(), "it holds an embedded composite value, which only a MongoDB"
                    + " datasource stores; a relational table has no column to filter on.");
        } else {
            throw new IllegalArgumentException("No SQL for the filter " + filter);
        }
    }

    /** True for a filter that matches every record: an empty {@code AND}. */
    static boolean isAll(Filter filter) {
        return filter instanceof Filter.And and && and.filters().isEmpty();
    }

    private void junction(SqlBuilder sql, TableLayout table, String qualifier, List<Filter> filters, String joiner,
            String empty, boolean topLevel, int depth) {
        if (filters.isEmpty()) {
            sql.append(empty);
            return;
        }
        if (filters.size() == 1) {
            condition(sql, table, qualifier, filters.get(0), topLevel, depth);
            return;
        }
        if (!topLevel) {
            sql.append('(');
        }
        for (int i = 0; i < filters.size(); i++) {
            if (i > 0) {
                sql.append(joiner);
            }
            condition(sql, table, qualifier, filters.get(i), false, depth);
        }
        if (!topLevel) {
            sql.append(')');
        }
    }

    private void related(SqlBuilder sql, TableLayout table, String qualifier, Filter.Related related, int depth) {
        RelationLink link = relations.link(table, related.field(), "filter by");
        Filter.Quantifier quantifier = related.quantifier();
        if (quantifier.toMany() != link.toMany()) {
            String relation = table.model.name() + "." + table.fieldName(related.field());
            String given = quantifier == Filter.Quantifier.IS_NOT ? "isNot" : quantifier.name().toLowerCase(Locale.ROOT);
            throw table.invalid(related.field(), link.toMany()
                    ? relation + " is a list: filter it with some, every or none, not " + given
                    : relation + " holds one record: filter it with is or isNot, not " + given);
        }
        Filter filter = related.filter();
        boolean all = isAll(filter);
        if (quantifier == Filter.Quantifier.EVERY && all) {
            sql.append("TRUE");
            return;
        }
        boolean negated = quantifier == Filter.Quantifier.EVERY || quantifier == Filter.Quantifier.NONE
                || quantifier == Filter.Quantifier.IS_NOT;
        sql.append(negated ? "NOT EXISTS (SELECT 1" : "EXISTS (SELECT 1");
        TableLayout target = relations.from(sql.text(), table, List.of(link), Relations.outer(table, qualifier), depth,
                !all);
        if (!all) {
            sql.append(" AND ");
            String inner = relations.qualifier(depth);
            if (quantifier == Filter.Quantifier.EVERY) {
                sql.append("NOT COALESCE((");
                condition(sql, target, inner, filter, true, depth + 1);
                sql.append("), FALSE)");
            } else {
                condition(sql, target, inner, filter, true, depth + 1);
            }
        }
        sql.append(')');
    }

    private void comparison(SqlBuilder sql, TableLayout table, String qualifier, Filter.Comparison comparison) {
        int field = comparison.field();
        String column = table.column(field);
        ColumnType type = table.types[field];
        Filter.Operator operator = comparison.operator();
        Object value = comparison.value();
        boolean insensitive = comparison.mode() == Filter.Mode.INSENSITIVE && type.isText() && !type.list();
        switch (operator) {
            case HAS, HAS_EVERY, HAS_SOME, IS_EMPTY -> {
                requireListsSupported(table, field);
                if (!type.list()) {
                    throw table.invalid(field, operator + " applies to list fields; " + table.fieldName(field)
                            + " of " + table.model.name() + " holds one value");
                }
                if (operator == Filter.Operator.HAS_EVERY || operator == Filter.Operator.HAS_SOME) {
                    requireList(table, field, operator, value);
                }
                dialect.listCondition(sql, qualifier.isEmpty() ? column : qualifier + column, type, operator, value);
            }
            case IN, NOT_IN -> in(sql, table, qualifier, field, operator == Filter.Operator.NOT_IN,
                    requireList(table, field, operator, value), insensitive);
            case CONTAINS, STARTS_WITH, ENDS_WITH -> {
                if (!(value instanceof String text) || !type.isText() || type.list()) {
                    throw table.invalid(field, operator + " matches text; " + table.fieldName(field) + " of "
                            + table.model.name() + " is not a String field or the value is not a String");
                }
                String pattern = LikePattern.of(text, position(operator), dialect.likeEscape());
                String like = insensitive ? dialect.insensitiveLike() : " LIKE ";
                if (like == null) {
                    fold(sql, qualifier, column);
                    sql.append(" LIKE ").append(dialect.caseFold()).append('(');
                    sql.bind(Bind.of(pattern));
                    sql.append(')');
                } else {
                    sql.append(qualifier).append(column).append(like);
                    sql.bind(Bind.of(pattern));
                }
                sql.append(dialect.likeEscapeClause());
            }
            default -> {
                if (type.scalar() == ScalarType.JSON && !type.list()
                        && (operator == Filter.Operator.EQUALS || operator == Filter.Operator.NOT)) {
                    dialect.jsonComparison(sql, qualifier + column, type, operator == Filter.Operator.NOT,
                            value == null ? Bind.nullOf(type.javaType()) : Bind.of(value));
                } else if (insensitive) {
                    fold(sql, qualifier, column);
                    sql.append(operator(operator)).append(dialect.caseFold()).append('(');
                    sql.bind(Bind.of(value));
                    sql.append(')');
                } else {
                    sql.append(qualifier).append(column).append(operator(operator));
                    bindValue(sql, table, field, value);
                }
            }
        }
    }

    private void in(SqlBuilder sql, TableLayout table, String qualifier, int field, boolean negated, List<?> values,
            boolean insensitive) {
        if (values.isEmpty()) {
            sql.append(negated ? "TRUE" : "FALSE");
            return;
        }
        if (insensitive) {
            fold(sql, qualifier, table.columns[field]);
        } else {
            sql.append(qualifier).append(table.columns[field]);
        }
        sql.append(negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Object value = values.get(i);
            if (value == null) {
                throw table.invalid(field, "A list given to in/notIn on " + table.fieldName(field)
                        + " holds null; match missing values with isNull instead");
            }
            if (insensitive) {
                sql.append(dialect.caseFold()).append('(');
                sql.bind(Bind.of(value));
                sql.append(')');
            } else {
                bindValue(sql, table, field, value);
            }
        }
        sql.append(')');
    }

    private void fold(SqlBuilder sql, String qualifier, String column) {
        sql.append(dialect.caseFold()).append('(').append(qualifier).append(column).append(')');
    }

    /** Binds one whole value of {@code field}'s column, with the cast its type needs. */
    void bindValue(SqlBuilder sql, TableLayout table, int field, Object value) {
        ColumnType type = table.types[field];
        if (value == null) {
            sql.bind(Bind.nullOf(type.javaType()));
        } else if (type.list()) {
            requireListsSupported(table, field);
            if (!(value instanceof List<?>)) {
                throw table.invalid(field, table.fieldName(field) + " of " + table.model.name()
                        + " holds a list, but the value given is a " + value.getClass().getSimpleName());
            }
            sql.bind(new Bind(value, List.class));
        } else {
            sql.bind(Bind.of(value));
        }
        sql.append(table.valueCasts[field]);
    }

    /** Rejects a list column where the dialect's database cannot hold one. */
    private void requireListsSupported(TableLayout table, int field) {
        if (table.types[field].list() && !dialect.supportsScalarLists()) {
            throw table.invalid(field, table.fieldName(field) + " of " + table.model.name() + " is a list, which"
                    + " this database cannot store: use a Json field, or a separate model with a relation");
        }
    }

    private void jsonPath(SqlBuilder sql, TableLayout table, String qualifier, Filter.JsonPath path) {
        int field = path.field();
        String column = table.column(field);
        ColumnType type = table.types[field];
        if (type.scalar() != ScalarType.JSON || type.list()) {
            throw table.invalid(field, "A JSON path filter applies to Json fields; " + table.fieldName(field)
                    + " of " + table.model.name() + " is not one");
        }
        String pattern = null;
        switch (path.operator()) {
            case EQUALS, ARRAY_CONTAINS -> {
                if (!(path.value() instanceof Json)) {
                    throw table.invalid(field, "The value of a JSON path " + path.operator()
                            + " filter must be a Json; wrap it with Json.of(…)");
                }
            }
            case STRING_CONTAINS, STRING_STARTS_WITH, STRING_ENDS_WITH -> {
                if (!(path.value() instanceof String text)) {
                    throw table.invalid(field, "The value of a JSON path " + path.operator() + " filter must be a String");
                }
                LikePattern.Position position = switch (path.operator()) {
                    case STRING_STARTS_WITH -> LikePattern.Position.STARTS_WITH;
                    case STRING_ENDS_WITH -> LikePattern.Position.ENDS_WITH;
                    default -> LikePattern.Position.CONTAINS;
                };
                pattern = LikePattern.of(text, position, dialect.likeEscape());
            }
        }
        dialect.jsonPathCondition(sql, qualifier.isEmpty() ? column : qualifier + column, path.path(),
                path.operator(), path.value(), pattern);
    }

    private static List<?> requireList(TableLayout table, int field, Filter.Operator operator, Object value) {
        if (!(value instanceof List<?> list)) {
            throw table.invalid(field, operator + " on " + table.fieldName(field) + " takes a list of values, not a "
                    + value.getClass().getSimpleName());
        }
        return list;
    }

    private static LikePattern.Position position(Filter.Operator operator) {
        return switch (operator) {
            case STARTS_WITH -> LikePattern.Position.STARTS_WITH;
            case ENDS_WITH -> LikePattern.Position.ENDS_WITH;
            default -> LikePattern.Position.CONTAINS;
        };
    }

    static String operator(Filter.Operator operator) {
        return switch (operator) {
            case EQUALS -> " = ";
            case NOT -> " <> ";
            case LT -> " < ";
            case LTE -> " <= ";
            case GT -> " > ";
            case GTE -> " >= ";
            default -> throw new IllegalArgumentException(operator + " is not a comparison operator");
        };
    }
}
