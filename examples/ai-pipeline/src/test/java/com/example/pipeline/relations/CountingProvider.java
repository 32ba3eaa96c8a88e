package com.example.pipeline.relations;

import dev.refract.meta.Provider;
import dev.refract.query.Operation;
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
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An adapter provider that wraps another and notes every operation its adapters receive (executed or
 * streamed, in a transaction or not), with the datasource it went to: what a test counts queries with.
 */
final class CountingProvider implements AdapterProvider {

    /** One operation an adapter received. */
    record Received(String datasource, Operation operation) {

        /** e.g. {@code FindRelated}. */
        String kind() {
            return operation.getClass().getSimpleName();
        }
    }

    private final AdapterProvider delegate;
    private final Queue<Received> received;

    CountingProvider(AdapterProvider delegate, Queue<Received> received) {
        this.delegate = delegate;
        this.received = received;
    }

    /** A queue the providers of one client share. */
    static Queue<Received> newLog() {
        return new ConcurrentLinkedQueue<>();
    }

    /** What {@code log} holds for {@code datasource}, as operation kinds in the order received. */
    static List<String> kinds(Queue<Received> log, String datasource) {
        return log.stream().filter(r -> r.datasource().equals(datasource)).map(Received::kind).toList();
    }

    @Override
    public boolean supports(Provider provider) {
        return delegate.supports(provider);
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new Counting(delegate.create(config), config.datasource().name());
    }

    /** Notes operations on the way to {@code executor}. */
    private class CountingExecutor implements Executor {

        private final Executor executor;
        final String datasource;

        CountingExecutor(Executor executor, String datasource) {
            this.executor = executor;
            this.datasource = datasource;
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.defer(() -> {
                received.add(new Received(datasource, operation));
                return executor.execute(operation);
            });
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.defer(() -> {
                received.add(new Received(datasource, operation));
                return executor.stream(operation);
            });
        }

        @Override
        public <T> Flux<T> onOneConnection(Function<Executor, ? extends Publisher<T>> work) {
            return executor.onOneConnection(one -> work.apply(new CountingExecutor(one, datasource)));
        }

        @Override
        public Flux<Row> queryRaw(RawStatement statement) {
            return executor.queryRaw(statement);
        }

        @Override
        public Mono<Long> executeRaw(RawStatement statement) {
            return executor.executeRaw(statement);
        }
    }

    private final class Counting extends CountingExecutor implements Adapter {

        private final Adapter adapter;

        Counting(Adapter adapter, String datasource) {
            super(adapter, datasource);
            this.adapter = adapter;
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return adapter.inTransaction(options, transaction -> work.apply(new CountingExecutor(transaction, datasource)));
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
