package dev.refract.r2dbc;

import dev.refract.query.Operation;
import dev.refract.r2dbc.sql.SqlPlan;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.r2dbc.sql.SqlStatement;
import java.util.Objects;

/**
 * Turns an operation into the statement, or the plan of statements, that carries it out. Pure: it
 * touches no connection, so the adapter may call it on any thread, once per subscription.
 */
@FunctionalInterface
public interface StatementRenderer {

    /**
     * The statement for {@code operation}, when one statement carries it out.
     *
     * @throws dev.refract.error.InvalidQueryException when the operation cannot be expressed
     */
    SqlStatement render(Operation operation);

    /**
     * What carries out {@code operation}: by default the one statement {@link #render} gives.
     *
     * @throws dev.refract.error.InvalidQueryException when the operation cannot be expressed
     */
    default SqlPlan plan(Operation operation) {
        return new SqlPlan.Single(render(operation));
    }

    /** The renderer of {@code renderer}'s statements and plans. */
    static StatementRenderer of(SqlRenderer renderer) {
        Objects.requireNonNull(renderer, "renderer");
        return new StatementRenderer() {
            @Override
            public SqlStatement render(Operation operation) {
                return renderer.render(operation);
            }

            @Override
            public SqlPlan plan(Operation operation) {
                return renderer.plan(operation);
            }
        };
    }
}
