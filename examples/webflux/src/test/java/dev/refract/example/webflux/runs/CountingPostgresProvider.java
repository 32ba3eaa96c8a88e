package dev.refract.example.webflux.runs;

import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.r2dbc.R2dbcAdapterProvider;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.ForwardingAdapter;
import dev.refract.spi.Row;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

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
    private static final class CountingAdapter extends ForwardingAdapter {
        private final AtomicLong streamedRows;

        CountingAdapter(Adapter adapter, AtomicLong streamedRows) {
            super(adapter);
            this.streamedRows = streamedRows;
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return delegate().stream(operation).doOnNext(row -> streamedRows.incrementAndGet());
        }
    }
}
