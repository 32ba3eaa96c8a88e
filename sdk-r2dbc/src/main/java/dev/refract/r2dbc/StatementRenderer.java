package dev.refract.r2dbc;

import dev.refract.query.Operation;
import dev.refract.r2dbc.sql.SqlStatement;

/**
 * Turns an operation into the one statement that carries it out. Pure: it touches no connection,
 * so the adapter may call it on any thread, once per subscription.
 */
@FunctionalInterface
public interface StatementRenderer {

    /**
     * The statement for {@code operation}.
     *
     * @throws dev.refract.error.InvalidQueryException when the operation cannot be expressed
     */
    SqlStatement render(Operation operation);
}
