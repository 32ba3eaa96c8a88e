package dev.refract.r2dbc.suite;

import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.r2dbc.R2dbcAdapter;
import dev.refract.r2dbc.R2dbcAdapterProvider;
import dev.refract.r2dbc.StatementRenderer;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.r2dbc.sql.Dialect;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.SqlPlan;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * The R2DBC adapter provider, remembering the adapter it creates (so a test can read its pool
 * statistics) and the SQL of every statement its renderer writes, the steps of a plan included.
 */
public final class CapturingProvider implements AdapterProvider {

    private final AtomicReference<R2dbcAdapter> created = new AtomicReference<>();
    private final Queue<String> rendered = new ConcurrentLinkedQueue<>();
    private final R2dbcAdapterProvider delegate;

    /** Renders PostgreSQL datasources with PostgreSQL's dialect, others with their database's own renderer, unrecorded. */
    public CapturingProvider() {
        this.delegate = new R2dbcAdapterProvider(config -> config.datasource().provider() == Provider.POSTGRESQL
                ? recording(new SqlRenderer(config.schema(), PostgresDialect.INSTANCE))
                : null);
    }

    /** Renders every datasource with {@code dialect}, e.g. {@link SuiteDatabase#dialect()}. */
    public CapturingProvider(Dialect dialect) {
        this.delegate = new R2dbcAdapterProvider(config -> recording(new SqlRenderer(config.schema(), dialect)));
    }

    private StatementRenderer recording(SqlRenderer renderer) {
        return new StatementRenderer() {
            @Override
            public SqlStatement render(Operation operation) {
                return recorded(renderer.render(operation));
            }

            @Override
            public SqlPlan plan(Operation operation) {
                SqlPlan plan = renderer.plan(operation);
                if (plan instanceof SqlPlan.Single single) {
                    recorded(single.statement());
                    return plan;
                }
                SqlPlan.Steps steps = (SqlPlan.Steps) plan;
                return new SqlPlan.Steps(steps.steps().stream().map(step -> step instanceof SqlPlan.Run run
                        ? new SqlPlan.Run(run.purpose(), results -> run.render().apply(results).map(
                                statement -> recorded(statement)), run.yields())
                        : step).toList(), steps.result());
            }
        };
    }

    private SqlStatement recorded(SqlStatement statement) {
        rendered.add(statement.sql());
        return statement;
    }

    @Override
    public boolean supports(Provider provider) {
        return delegate.supports(provider);
    }

    @Override
    public Adapter create(AdapterConfig config) {
        Adapter adapter = delegate.create(config);
        created.set((R2dbcAdapter) adapter);
        return adapter;
    }

    /** The SQL rendered since the last call, oldest first; forgets it. */
    public List<String> drainRendered() {
        List<String> drained = new ArrayList<>();
        for (String sql = rendered.poll(); sql != null; sql = rendered.poll()) {
            drained.add(sql);
        }
        return drained;
    }

    /** The adapter made last; fails when the client never started one. */
    public R2dbcAdapter adapter() {
        R2dbcAdapter adapter = created.get();
        if (adapter == null) {
            throw new IllegalStateException("the client has not started its R2DBC adapter yet");
        }
        return adapter;
    }

    /** Waits up to {@code patience} for the pool to hold no acquired connection, and returns its statistics. */
    public PoolStatistics awaitIdlePool(Duration patience) {
        return Mono.fromSupplier(() -> adapter().poolStatistics())
                .filter(statistics -> statistics.acquired() == 0 && statistics.pending() == 0)
                .repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .timeout(patience, Mono.fromSupplier(() -> adapter().poolStatistics()))
                .block();
    }
}
