package dev.refract.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.query.Operation;
import dev.refract.transaction.TransactionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ForwardingAdapterTest {

    /** An adapter that answers every call with a value of its own and notes which call it was. */
    private static final class Answering implements Adapter {
        final List<String> calls = new ArrayList<>();

        @Override
        public Mono<Result> execute(Operation operation) {
            calls.add("execute");
            return Mono.empty();
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            calls.add("stream");
            return Flux.empty();
        }

        @Override
        public <T> Flux<T> onOneConnection(Function<Executor, ? extends Publisher<T>> work) {
            calls.add("onOneConnection");
            return Flux.defer(() -> work.apply(this));
        }

        @Override
        public Flux<Row> queryRaw(RawStatement statement) {
            calls.add("queryRaw");
            return Flux.empty();
        }

        @Override
        public Mono<Long> executeRaw(RawStatement statement) {
            calls.add("executeRaw");
            return Mono.just(7L);
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            calls.add("inTransaction");
            return Flux.defer(() -> work.apply(this));
        }

        @Override
        public Mono<Void> ping() {
            calls.add("ping");
            return Mono.empty();
        }

        @Override
        public Optional<PoolUsage> poolUsage() {
            return Optional.of(new PoolUsage(1, 2, 3, 4));
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.ALL.withTransactions(false);
        }

        @Override
        public Mono<Void> close() {
            calls.add("close");
            return Mono.empty();
        }
    }

    @Test
    void everyCallTheDecoratorDoesNotOverrideReachesTheAdapterItWraps() {
        Answering adapter = new Answering();
        Adapter decorator = new ForwardingAdapter(adapter) {
        };

        assertThat(decorator.executeRaw(RawStatement.of("select 1")).block()).isEqualTo(7L);
        decorator.queryRaw(RawStatement.of("select 1")).blockLast();
        decorator.onOneConnection(one -> Mono.just(1)).blockLast();
        decorator.inTransaction(transaction -> Mono.just(1)).blockLast();
        decorator.ping().block();
        decorator.close().block();

        assertThat(adapter.calls).containsExactly("executeRaw", "queryRaw", "onOneConnection", "inTransaction",
                "ping", "close");
        assertThat(decorator.poolUsage()).contains(new PoolUsage(1, 2, 3, 4));
        assertThat(decorator.capabilities().transactions()).isFalse();
    }

    @Test
    void aDecoratorOverridesOnlyWhatItObserves() {
        Answering adapter = new Answering();
        List<String> seen = new ArrayList<>();
        Adapter decorator = new ForwardingAdapter(adapter) {
            @Override
            public Flux<Row> stream(Operation operation) {
                seen.add("stream");
                return delegate().stream(operation);
            }
        };

        decorator.stream(null).blockLast();
        decorator.execute(null).block();

        assertThat(seen).containsExactly("stream");
        assertThat(adapter.calls).containsExactly("stream", "execute");
    }
}
