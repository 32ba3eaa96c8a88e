package dev.refract.boot.support;

import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.r2dbc.R2dbcAdapterProvider;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.PoolUsage;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The R2DBC adapters, each wrapped to record, for every operation it executes, what the subscriber's
 * Reactor context holds under {@link #CONTEXT_KEY} when the operation reaches the adapter, and what
 * {@link #TRACE} holds on the driver's thread when the database's answer arrives.
 */
public final class ContextRecordingProvider implements AdapterProvider {

    /** The Reactor context key whose value the adapter records. */
    public static final String CONTEXT_KEY = "request-id";
    /** A thread-local standing for a tracing or logging context (an MDC). */
    public static final ThreadLocal<String> TRACE = new ThreadLocal<>();

    /** One executed operation as the adapter saw it. */
    public record Seen(String contextValue, String traceOnAnswer, String answerThread) {
    }

    private final R2dbcAdapterProvider delegate = new R2dbcAdapterProvider();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** What the adapters saw, oldest first. */
    public List<Seen> seen() {
        return seen;
    }

    @Override
    public boolean supports(Provider provider) {
        return delegate.supports(provider);
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new Recording(delegate.create(config));
    }

    private final class Recording implements Adapter {
        private final Adapter adapter;

        Recording(Adapter adapter) {
            this.adapter = adapter;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.deferContextual(context -> {
                String value = context.getOrDefault(CONTEXT_KEY, null);
                return adapter.execute(operation).doOnNext(result -> seen.add(
                        new Seen(value, TRACE.get(), Thread.currentThread().getName())));
            });
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return adapter.stream(operation);
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
