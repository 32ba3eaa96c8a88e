package dev.refract.spi;

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
     * Runs {@code work} in one transaction: committed when the publisher completes, rolled back
     * when it errors or is cancelled. Cold, like every call.
     *
     * @throws UnsupportedOperationException (signalled) when {@link Capabilities#transactions()} is false
     */
    <T> Flux<T> inTransaction(Function<Executor, ? extends Publisher<T>> work);

    /** What this adapter can do; constant for the adapter's life. */
    Capabilities capabilities();

    /** Releases the pool and every connection; completes when they are released. Idempotent. */
    Mono<Void> close();
}
