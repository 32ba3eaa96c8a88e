package dev.refract.spi;

import dev.refract.query.Operation;
import dev.refract.transaction.TransactionOptions;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An adapter that hands every call to another one: the base of a decorator that observes or changes
 * some calls (counting the statements a datasource receives, recording the Reactor context of a call)
 * and overrides only those. Every method, the optional ones included, forwards to {@link #delegate()}
 * as it is, so a decorator keeps the abilities of the adapter it wraps.
 */
public abstract class ForwardingAdapter implements Adapter {

    private final Adapter delegate;

    /** A decorator of {@code delegate}. */
    protected ForwardingAdapter(Adapter delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The adapter the calls go to. */
    protected final Adapter delegate() {
        return delegate;
    }

    @Override
    public Mono<Result> execute(Operation operation) {
        return delegate.execute(operation);
    }

    @Override
    public Flux<Row> stream(Operation operation) {
        return delegate.stream(operation);
    }

    @Override
    public <T> Flux<T> onOneConnection(Function<Executor, ? extends Publisher<T>> work) {
        return delegate.onOneConnection(work);
    }

    @Override
    public Flux<Row> queryRaw(RawStatement statement) {
        return delegate.queryRaw(statement);
    }

    @Override
    public Mono<Long> executeRaw(RawStatement statement) {
        return delegate.executeRaw(statement);
    }

    @Override
    public <T> Flux<T> inTransaction(Function<Executor, ? extends Publisher<T>> work) {
        return delegate.inTransaction(work);
    }

    @Override
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
        return delegate.inTransaction(options, work);
    }

    @Override
    public Mono<Void> ping() {
        return delegate.ping();
    }

    @Override
    public Optional<PoolUsage> poolUsage() {
        return delegate.poolUsage();
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Mono<Void> close() {
        return delegate.close();
    }
}
