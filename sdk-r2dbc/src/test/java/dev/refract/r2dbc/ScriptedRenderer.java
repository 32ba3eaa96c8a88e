package dev.refract.r2dbc;

import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.Filter;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.r2dbc.sql.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A renderer for tests that run hand-written SQL: each statement registered gets an operation of
 * its own (told apart by its skip), and rendering that operation gives the statement back.
 */
final class ScriptedRenderer implements StatementRenderer {

    private final Map<Operation, SqlStatement> statements = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** An operation on {@code model} that renders to {@code statement}. */
    Operation register(int model, SqlStatement statement) {
        Query query = new Query(Filter.ALL, List.of(), next.incrementAndGet(), null, null, List.of(), Selection.ALL);
        Operation operation = statement.result() instanceof ResultShape.Rows
                ? new Operation.FindMany(model, query) : new Operation.Count(model, query);
        statements.put(operation, statement);
        return operation;
    }

    /** {@code operation}, which renders to {@code statement} from now on. */
    Operation register(Operation operation, SqlStatement statement) {
        statements.put(operation, statement);
        return operation;
    }

    @Override
    public SqlStatement render(Operation operation) {
        SqlStatement statement = statements.get(operation);
        if (statement == null) {
            throw new IllegalStateException("no statement registered for " + operation);
        }
        return statement;
    }
}
