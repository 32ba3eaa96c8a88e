package dev.refract.r2dbc.execute;

import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.sql.Bind;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.r2dbc.sql.SqlPlan;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcNonTransientException;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link SqlStatement}s on a connection it is handed; it neither opens nor closes
 * connections. Every parameter is bound (a {@code null} with its type), never spliced into the SQL.
 * Cold: nothing is sent before subscription. How rows of each result shape are read is worked out
 * once per shape and kept, for up to {@value #MAX_PLANS} shapes.
 */
public final class StatementExecutor {

    /** The most row plans kept; an application's queries have far fewer shapes, so this only bounds the memory. */
    static final int MAX_PLANS = 1024;

    private final SchemaMeta schema;
    private final CodecRegistry codecs;
    private final Map<ResultShape.Rows, RowPlan> plans = new ConcurrentHashMap<>();

    /** An executor reading rows of {@code schema}'s models through {@code codecs}. */
    public StatementExecutor(SchemaMeta schema, CodecRegistry codecs) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
    }

    /**
     * The rows of a statement shaped {@link ResultShape.Rows} or {@link ResultShape.Aggregated}, streamed: with a positive
     * {@code fetchSize} the driver fetches that many rows at a time, the next batch only once the
     * subscriber has asked for more, so a large result never sits in memory whole.
     *
     * @throws IllegalArgumentException (signalled) when the statement does not return rows
     */
    public Flux<Row> stream(Connection connection, SqlStatement statement, int fetchSize) {
        return Flux.defer(() -> rows(connection, statement, fetchSize));
    }

    /**
     * Runs {@code statement} and collects what it returns: the rows of a {@link ResultShape.Rows}
     * or {@link ResultShape.Aggregated} statement, the update count of an {@link ResultShape.AffectedCount} one, the number of a
     * {@link ResultShape.SingleNumber} one.
     */
    public Mono<Result> execute(Connection connection, SqlStatement statement) {
        return Mono.defer(() -> {
            ResultShape shape = statement.result();
            if (shape instanceof ResultShape.Rows || shape instanceof ResultShape.Aggregated) {
                return rows(connection, statement, 0).collectList().map(Result::ofRows);
            }
            Statement prepared = prepare(connection, statement);
            if (shape instanceof ResultShape.AffectedCount) {
                return Flux.from(prepared.execute()).concatMap(io.r2dbc.spi.Result::getRowsUpdated, 1)
                        .reduce(0L, Long::sum).map(Result::ofCount);
            }
            return Flux.from(prepared.execute())
                    .concatMap(result -> result.map((row, metadata) -> number(row.get(0))), 1)
                    .next()
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            "A statement meant to return one number returned no row: " + statement.sql())))
                    .map(Result::ofCount);
        });
    }

    /**
     * Carries out {@code plan} as {@link SqlPlan} describes: a {@link SqlPlan.Single} as
     * {@link #execute} does, {@link SqlPlan.Steps} in order on {@code connection}, inside a
     * transaction of their own unless {@code inTransaction} says the connection already runs one
     * (then a failed step leaves the rollback to that transaction's owner).
     */
    public Mono<Result> run(Connection connection, SqlPlan plan, boolean inTransaction) {
        if (plan instanceof SqlPlan.Single single) {
            return execute(connection, single.statement());
        }
        SqlPlan.Steps steps = (SqlPlan.Steps) plan;
        Mono<Result> run = Mono.defer(() -> runSteps(connection, steps));
        if (inTransaction) {
            return run;
        }
        return Mono.from(connection.beginTransaction())
                .then(run)
                .flatMap(result -> Mono.from(connection.commitTransaction()).thenReturn(result))
                .onErrorResume(error -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(rollback -> Mono.empty())
                        .then(Mono.error(error)));
    }

    private Mono<Result> runSteps(Connection connection, SqlPlan.Steps plan) {
        List<SqlPlan.StepResult> results = new ArrayList<>(plan.steps().size());
        return Flux.fromIterable(plan.steps())
                .concatMap(step -> step(connection, step, results)
                        .doOnNext(results::add)
                        .map(result -> new StepOutcome(step, result)), 1)
                .collectList()
                .map(outcomes -> answer(plan, outcomes));
    }

    /** One step's result, once it ran; {@code results} holds those of the steps before it. */
    private Mono<SqlPlan.StepResult> step(Connection connection, SqlPlan.Step step, List<SqlPlan.StepResult> results) {
        if (step instanceof SqlPlan.CheckWarnings check) {
            return checkWarnings(connection, check).thenReturn(SqlPlan.StepResult.SKIPPED);
        }
        SqlPlan.Run run = (SqlPlan.Run) step;
        Optional<SqlStatement> statement = run.render().apply(List.copyOf(results));
        if (statement.isEmpty()) {
            return Mono.just(SqlPlan.StepResult.SKIPPED);
        }
        return execute(connection, statement.get()).map(result -> statement.get().result() instanceof ResultShape.Rows
                ? SqlPlan.StepResult.ofRows(result.rows()) : SqlPlan.StepResult.ofCount(result.count()));
    }

    private static Result answer(SqlPlan.Steps plan, List<StepOutcome> outcomes) {
        if (plan.result() instanceof ResultShape.Rows) {
            List<Row> rows = new ArrayList<>();
            for (StepOutcome outcome : outcomes) {
                if (outcome.yields(SqlPlan.Yield.ROWS)) {
                    rows.addAll(outcome.result().rows());
                }
            }
            return Result.ofRows(rows);
        }
        long count = 0;
        for (StepOutcome outcome : outcomes) {
            if (outcome.yields(SqlPlan.Yield.COUNT)) {
                count += outcome.result().count();
            }
        }
        return Result.ofCount(count);
    }

    /** A step and what it gave. */
    private record StepOutcome(SqlPlan.Step step, SqlPlan.StepResult result) {
        boolean yields(SqlPlan.Yield yield) {
            return result.ran() && step instanceof SqlPlan.Run run && run.yields() == yield;
        }
    }

    /**
     * Fails with the first warning of the statement before that is not tolerated, as if that
     * statement had failed with its code, or when the list may have been cut short.
     */
    private static Mono<Void> checkWarnings(Connection connection, SqlPlan.CheckWarnings check) {
        return Flux.from(connection.createStatement(SqlPlan.CheckWarnings.SQL).execute())
                .concatMap(result -> result.map((row, metadata) -> new Warning(row.get(0, String.class),
                        number(row.get(1)), row.get(2, String.class))), 1)
                .collectList()
                .flatMap(warnings -> {
                    if (warnings.size() >= SqlPlan.CheckWarnings.LIMIT) {
                        return Mono.error(new IllegalStateException("The statement left " + warnings.size()
                                + " warnings, as many as the server lists, so some may be missing: write fewer"
                                + " records at once"));
                    }
                    for (Warning warning : warnings) {
                        if (warning.fails() && !check.tolerated().contains((int) warning.code())) {
                            return Mono.error(new WarningAsError(warning.message(), (int) warning.code()));
                        }
                    }
                    return Mono.empty();
                });
    }

    /** One row of {@code SHOW WARNINGS}. */
    private record Warning(String level, long code, String message) {
        boolean fails() {
            return "Warning".equalsIgnoreCase(level) || "Error".equalsIgnoreCase(level);
        }
    }

    /** A warning a plan does not tolerate, raised as the error of the statement that left it. */
    static final class WarningAsError extends R2dbcNonTransientException {
        private static final long serialVersionUID = 1L;

        WarningAsError(String message, int code) {
            super(message, null, code);
        }
    }

    private Flux<Row> rows(Connection connection, SqlStatement statement, int fetchSize) {
        BiFunction<io.r2dbc.spi.Row, RowMetadata, Row> reader;
        if (statement.result() instanceof ResultShape.Rows shape) {
            reader = new RowReader(plan(shape));
        } else if (statement.result() instanceof ResultShape.Aggregated shape) {
            reader = new AggregatedReader(shape, codecs);
        } else {
            return Flux.error(new IllegalArgumentException("Only statements returning rows can be streamed, this one"
                    + " returns " + statement.result().getClass().getSimpleName()));
        }
        Statement prepared = prepare(connection, statement);
        if (fetchSize > 0) {
            prepared.fetchSize(fetchSize);
        }
        return Flux.from(prepared.execute()).concatMap(result -> result.map(reader));
    }

    /** The plan of {@code shape}: the one kept, or a new one, kept while there is room. */
    private RowPlan plan(ResultShape.Rows shape) {
        RowPlan plan = plans.get(shape);
        if (plan == null) {
            plan = new RowPlan(schema.model(shape.model()), shape, codecs);
            if (plans.size() < MAX_PLANS) {
                plans.putIfAbsent(shape, plan);
            }
        }
        return plan;
    }

    private Statement prepare(Connection connection, SqlStatement statement) {
        Statement prepared = connection.createStatement(statement.sql());
        List<Bind> parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Bind bind = parameters.get(i);
            if (bind.value() == null) {
                Class<?> nullType = codecs.nullType(bind.type());
                if (nullType == null) {
                    prepared.bind(i, codecs.untypedNull());
                } else {
                    prepared.bindNull(i, nullType);
                }
            } else {
                prepared.bind(i, codecs.encode(bind.value(), bind.type()));
            }
        }
        return prepared;
    }

    private static long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("A statement meant to return one number returned "
                + (value == null ? "null" : "a " + value.getClass().getName()));
    }
}
