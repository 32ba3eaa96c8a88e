package dev.refract.r2dbc.sql;

import java.util.List;
import java.util.Objects;

/**
 * One statement ready for the driver: what the renderer hands the executor.
 *
 * @param sql        the text, with the dialect's placeholders ({@code $1, $2, …} in PostgreSQL,
 *                   {@code ?} in MySQL) and identifiers quoted by the dialect
 * @param parameters the values bound to the placeholders, in order
 * @param result     how to read what the statement returns
 */
public record SqlStatement(String sql, List<Bind> parameters, ResultShape result) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(result, "result");
    }
}
