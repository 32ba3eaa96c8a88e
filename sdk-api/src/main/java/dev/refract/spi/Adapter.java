package dev.refract.spi;

import dev.refract.transaction.TransactionOptions;
import java.util.Optional;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A datasource's connection to its database, with its own pool. One adapter serves one datasource
 * of one client; the client starts it lazily and closes it on {@code close()}.
 *
 * <p>Implementations render the query model to their native form in a pure renderer, execute it on
 * the native reactive driver, and translate native errors into
 * {@link dev.refract.error.RefractException}s.
 */
public interface Adapter extends Executor {

    /**
     * Runs {@code work} in one transaction with the {@linkplain TransactionOptions#defaults() default
     * options}; see {@link #inTransaction(TransactionOptions, Function)}.
     */
    default <T> Flux<T> inTransaction(Function<Executor, ? extends Publisher<T>> work) {
        return inTransaction(TransactionOptions.defaults(), work);
    }

    /**
     * Runs {@code work} in one transaction: committed when the publisher completes, rolled back
     * when it errors or is cancelled. Every statement of the work runs on the executor handed to it,
     * on one connection. Cold, like every call. The elements of the work are passed on as it emits
     * them; the flux completes once the commit has succeeded.
     *
     * <ul>
     *   <li>The transaction runs at {@code options.isolation()} ({@code null}: the database's default).</li>
     *   <li>When no connection of the pool is free within {@code options.maxWait()}, the flux signals
     *       {@link dev.refract.error.ConnectionAcquireTimeoutException} and the work never runs.</li>
     *   <li>When the work has not completed {@code options.timeout()} after the transaction began, it is
     *       cancelled, the transaction rolled back, and the flux signals
     *       {@link dev.refract.error.TransactionTimeoutException}.</li>
     *   <li>{@code options.datasource()} is for the client; the adapter serves one datasource anyway.</li>
     * </ul>
     *
     * @throws UnsupportedOperationException (signalled) when {@link Capabilities#transactions()} is false
     */
    <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work);

    /**
     * Asks the database whether it answers, for health checks. Completes empty when it does; signals
     * {@link dev.refract.error.ConnectionFailedException} (its message redacted of passwords) when it
     * cannot be reached or refuses, and {@link dev.refract.error.ConnectionAcquireTimeoutException}
     * when the pool has no connection free in time. Cold: each subscription asks again.
     *
     * <p>An implementation holds a pooled connection only for the round trip it needs and gives it back
     * when the answer comes, or when the subscriber cancels (a health check's timeout). It starts the
     * adapter's pool if the pool was not yet started. The default signals
     * {@link UnsupportedOperationException}: such an adapter's health is unknown.
     */
    default Mono<Void> ping() {
        return Mono.error(new UnsupportedOperationException(getClass().getSimpleName() + " cannot be pinged"));
    }

    /**
     * A snapshot of the adapter's connection pool, for metrics; read often, so it must be cheap and must
     * not block. Empty when the adapter has no pool of its own to report (the default).
     */
    default Optional<PoolUsage> poolUsage() {
        return Optional.empty();
    }

    /** What this adapter can do; constant for the adapter's life. */
    Capabilities capabilities();

    /** Releases the pool and every connection; completes when they are released. Idempotent. */
    Mono<Void> close();
}
