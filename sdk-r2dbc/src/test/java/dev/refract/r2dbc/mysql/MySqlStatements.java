package dev.refract.r2dbc.mysql;

import dev.refract.json.Json;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.sql.Bind;
import dev.refract.r2dbc.sql.MySqlServer;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.r2dbc.sql.SqlPlan;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.spi.Row;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs rendered statements and plans on a MySQL or MariaDB connection of r2dbc-mysql, for tests:
 * a small executor that follows {@link SqlPlan}'s contract, binding values as the driver takes them
 * and reading each column as the driver decodes it by default. Blocking; tests only.
 */
final class MySqlStatements {

    private final SchemaMeta schema;
    private final Connection connection;

    MySqlStatements(SchemaMeta schema, Connection connection) {
        this.schema = schema;
        this.connection = connection;
    }

    /** The server behind {@code connection}, from {@code SELECT VERSION()}. */
    static MySqlServer server(Connection connection) {
        String version = Flux.from(connection.createStatement("SELECT VERSION()").execute())
                .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class))).blockFirst();
        return MySqlServer.parse(version);
    }

    /** The rows {@code statement} returns, each laid out as its {@link ResultShape.Rows} says. */
    List<Row> rows(SqlStatement statement) {
        ResultShape.Rows shape = (ResultShape.Rows) statement.result();
        int fieldCount = schema.model(shape.model()).fieldCount();
        return Flux.from(bound(statement).execute())
                .concatMap(result -> result.map((row, metadata) -> {
                    Object[] values = new Object[fieldCount + 2];
                    int column = 0;
                    for (int field : shape.fields()) {
                        values[field] = row.get(column++);
                    }
                    if (!shape.counts().isEmpty()) {
                        Map<Integer, Long> counts = new HashMap<>();
                        for (int counted : shape.counts()) {
                            counts.put(counted, ((Number) row.get(column++)).longValue());
                        }
                        values[fieldCount] = counts;
                    }
                    if (!shape.keyFields().isEmpty()) {
                        values[fieldCount + 1] = row.get(column);
                    }
                    return Row.wrap(values);
                }))
                .collectList().block();
    }

    /** Every row {@code statement} returns, each a list of its columns as the driver decodes them. */
    List<List<Object>> table(SqlStatement statement) {
        return Flux.from(bound(statement).execute())
                .concatMap(result -> result.map((row, metadata) -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < metadata.getColumnMetadatas().size(); i++) {
                        values.add(row.get(i));
                    }
                    return values;
                }))
                .collectList().block();
    }

    /** The rows {@code statement} changed. */
    long count(SqlStatement statement) {
        return Flux.from(bound(statement).execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum).block();
    }

    /** What {@code plan} answers, run as its contract says, in a transaction of its own. */
    dev.refract.spi.Result run(SqlPlan plan) {
        if (plan instanceof SqlPlan.Single single) {
            return single.statement().result() instanceof ResultShape.Rows
                    ? dev.refract.spi.Result.ofRows(rows(single.statement()))
                    : dev.refract.spi.Result.ofCount(count(single.statement()));
        }
        SqlPlan.Steps steps = (SqlPlan.Steps) plan;
        Mono.from(connection.beginTransaction()).block();
        try {
            List<SqlPlan.StepResult> results = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            long count = 0;
            for (SqlPlan.Step step : steps.steps()) {
                if (step instanceof SqlPlan.CheckWarnings check) {
                    checkWarnings(check);
                    results.add(SqlPlan.StepResult.SKIPPED);
                    continue;
                }
                SqlPlan.Run run = (SqlPlan.Run) step;
                Optional<SqlStatement> statement = run.render().apply(List.copyOf(results));
                if (statement.isEmpty()) {
                    results.add(SqlPlan.StepResult.SKIPPED);
                    continue;
                }
                SqlPlan.StepResult result = statement.get().result() instanceof ResultShape.Rows
                        ? SqlPlan.StepResult.ofRows(rows(statement.get()))
                        : SqlPlan.StepResult.ofCount(count(statement.get()));
                results.add(result);
                if (run.yields() == SqlPlan.Yield.ROWS) {
                    rows.addAll(result.rows());
                } else if (run.yields() == SqlPlan.Yield.COUNT) {
                    count += result.count();
                }
            }
            Mono.from(connection.commitTransaction()).block();
            return steps.result() instanceof ResultShape.Rows ? dev.refract.spi.Result.ofRows(rows)
                    : dev.refract.spi.Result.ofCount(count);
        } catch (RuntimeException e) {
            Mono.from(connection.rollbackTransaction()).onErrorResume(rollback -> Mono.empty()).block();
            throw e;
        }
    }

    private void checkWarnings(SqlPlan.CheckWarnings check) {
        List<List<Object>> warnings = Flux.from(connection.createStatement(SqlPlan.CheckWarnings.SQL).execute())
                .concatMap(result -> result.map((row, metadata) -> List.<Object>of(row.get(0, String.class),
                        row.get(1, Integer.class), row.get(2, String.class))))
                .collectList().block();
        if (warnings.size() >= SqlPlan.CheckWarnings.LIMIT) {
            throw new IllegalStateException("too many warnings to check");
        }
        for (List<Object> warning : warnings) {
            int code = (Integer) warning.get(1);
            if (!"Note".equals(warning.get(0)) && !check.tolerated().contains(code)) {
                throw new R2dbcDataIntegrityViolationException((String) warning.get(2), null, code);
            }
        }
    }

    private Statement bound(SqlStatement statement) {
        Statement bound = connection.createStatement(statement.sql());
        List<Bind> parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Bind bind = parameters.get(i);
            Object value = bind.value();
            if (value == null) {
                Class<?> type = bind.type() == Json.class ? String.class
                        : bind.type() == Instant.class ? LocalDateTime.class : bind.type();
                bound.bindNull(i, type);
            } else if (value instanceof Json json) {
                bound.bind(i, json.toString());
            } else if (value instanceof Instant instant) {
                bound.bind(i, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                bound.bind(i, value);
            }
        }
        return bound;
    }
}
