package dev.refract.benchmarks.render;

import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves PostgreSQL datasources with an adapter that does everything a real one does before the
 * network: it renders each operation with the {@link SqlRenderer} of the PostgreSQL dialect, keeps
 * the statement for the caller to inspect, and answers with canned rows instead of a database's.
 *
 * <p>It lets a benchmark time the path from a generated builder call through the client's routing
 * to a rendered {@link SqlStatement} without any I/O.
 */
public final class RenderingAdapterProvider implements AdapterProvider {
    private final List<Row> cannedRows;
    private RenderingAdapter adapter;

    /** A provider whose adapters answer every read with {@code cannedRows}. */
    public RenderingAdapterProvider(List<Row> cannedRows) {
        this.cannedRows = List.copyOf(cannedRows);
    }

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.POSTGRESQL;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        adapter = new RenderingAdapter(new SqlRenderer(config.schema(), PostgresDialect.INSTANCE), cannedRows);
        return adapter;
    }

    /**
     * The statement the last operation rendered to.
     *
     * @throws IllegalStateException when no operation reached the adapter yet
     */
    public SqlStatement lastStatement() {
        if (adapter == null || adapter.last == null) {
            throw new IllegalStateException("No operation has reached the rendering adapter yet;"
                    + " run a query through the client first");
        }
        return adapter.last;
    }

    /** Renders, remembers the statement, answers with the canned rows. */
    private static final class RenderingAdapter implements Adapter {
        private final SqlRenderer renderer;
        private final List<Row> rows;
        private final Result result;
        // Written and read on the benchmark's own thread only: a plain field keeps the
        // measured path free of memory barriers a real adapter would not have either.
        private SqlStatement last;

        RenderingAdapter(SqlRenderer renderer, List<Row> rows) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            this.rows = rows;
            this.result = Result.ofRows(rows);
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            last = renderer.render(operation);
            return Mono.just(result);
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            last = renderer.render(operation);
            return Flux.fromIterable(rows);
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return Flux.error(new UnsupportedOperationException(
                    "The benchmark adapter has no database and runs no transactions"));
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.ALL;
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }
}
