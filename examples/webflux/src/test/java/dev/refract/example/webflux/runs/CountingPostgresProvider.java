package dev.refract.example.webflux.runs;

import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.r2dbc.R2dbcAdapterProvider;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.PoolUsage;
import dev.refract.spi.RawStatement;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves PostgreSQL datasources with the R2DBC adapter, counting every row its streams hand on: how far
 * the application has read a {@code findMany} from the database cursor, which a test compares with how
 * far its HTTP client has read the response.
 */
final class CountingPostgresProvider implements AdapterProvider {

    private final R2dbcAdapterProvider r2dbc = new R2dbcAdapterProvider();
    private final AtomicLong streamedRows = new AtomicLong();

    /** The rows streamed from the database so far, by every adapter this provider made. */
    long streamedRows() {
        return streamedRows.get();
    }

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.POSTGRESQL;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new CountingAdapter(r2dbc.create(config), streamedRows);
    }

    /** The R2DBC adapter, whose streams count their rows; every other call goes through unchanged. */
    private static final class CountingAdapter implements Adapter {
        private final Adapter adapter;
        private final AtomicLong streamedRows;

        CountingAdapter(Adapter adapter, AtomicLong streamedRows) {
            this.adapter = adapter;
            this.streamedRows = streamedRows;
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return adapter.stream(operation).doOnNext(row -> streamedRows.incrementAndGet());
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return adapter.execute(operation);
        }

        @Override
        public <T> Flux<T> onOneConnection(Function<Executor, ? extends Publisher<T>> work) {
            return adapter.onOneConnection(work);
        }

        @Override
        public Flux<Row> queryRaw(RawStatement statement) {
            return adapter.queryRaw(statement);
        }

        @Override
        public Mono<Long> executeRaw(RawStatement statement) {
            return adapter.executeRaw(statement);
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return adapter.inTransaction(options, work);
        }

        @Override
        public Mono<Void> ping() {
            return adapter.ping();
        }

        @Override
        public Optional<PoolUsage> poolUsage() {
            return adapter.poolUsage();
        }

        @Override
        public Capabilities capabilities() {
            return adapter.capabilities();
        }

        @Override
        public Mono<Void> close() {
            return adapter.close();
        }
    }
}
