package dev.refract.boot.support;

import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves PostgreSQL datasources with adapters that never connect: each remembers the configuration it
 * was started with, answers pings, and records whether it was closed. For the auto-configuration's
 * rules, which need no database.
 */
public final class RecordingProvider implements AdapterProvider {

    private final Map<String, RecordingAdapter> started = new ConcurrentHashMap<>();
    private final Duration closing;

    /** Adapters that close at once. */
    public RecordingProvider() {
        this(Duration.ZERO);
    }

    /** Adapters whose close completes {@code closing} after it was subscribed, as a pool draining does. */
    public RecordingProvider(Duration closing) {
        this.closing = closing;
    }

    @Override
    public boolean supports(Provider provider) {
        return provider == Provider.POSTGRESQL;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        RecordingAdapter adapter = new RecordingAdapter(config, closing);
        started.put(config.datasource().name(), adapter);
        return adapter;
    }

    /** The adapter started for {@code datasource}; fails when none was. */
    public RecordingAdapter adapter(String datasource) {
        RecordingAdapter adapter = started.get(datasource);
        if (adapter == null) {
            throw new IllegalStateException("no adapter started for datasource " + datasource);
        }
        return adapter;
    }

    /** An adapter that answers without a database. */
    public static final class RecordingAdapter implements Adapter {
        private final AdapterConfig config;
        private final Duration closing;
        private volatile boolean closed;

        RecordingAdapter(AdapterConfig config, Duration closing) {
            this.config = config;
            this.closing = closing;
        }

        /** What the client started it with. */
        public AdapterConfig config() {
            return config;
        }

        /** True once its close has completed. */
        public boolean closed() {
            return closed;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.just(Result.ofRows(java.util.List.of()));
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.empty();
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return Flux.from(work.apply(this));
        }

        @Override
        public Mono<Void> ping() {
            return Mono.empty();
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.ALL;
        }

        @Override
        public Mono<Void> close() {
            return Mono.delay(closing).then(Mono.fromRunnable(() -> closed = true));
        }
    }
}
