package dev.refract.client;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.StatementTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The client's opt-in retry of reads ({@link ClientOptions#readRetries()}): a read outside a
 * transaction that fails because its connection was lost or its statement timed out, with an error
 * that says a retry is safe ({@link RefractException#retrySafe()}), is made again, up to the number of
 * retries set, after a short growing pause. A stream is made again only while it has emitted nothing,
 * so no row reaches its subscriber twice. Writes and the work of transactions are never retried here;
 * nor is a wait for a connection that timed out, which already took the whole acquire timeout. When
 * the retries are spent, the last failure is signalled as it is.
 */
final class ReadRetry {

    /** The pause before the first retry; it doubles for each next one. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(50);

    private final int retries;
    private final RetryBackoffSpec spec;

    ReadRetry(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("readRetries must not be negative, was " + retries);
        }
        this.retries = retries;
        this.spec = Retry.backoff(retries, FIRST_PAUSE).filter(ReadRetry::retryable)
                .onRetryExhaustedThrow((backoff, signal) -> signal.failure());
    }

    /** True when reads are retried at all. */
    boolean enabled() {
        return retries > 0;
    }

    /** {@code read}, made again after a retry-safe connection failure or statement timeout. */
    <T> Mono<T> mono(Mono<T> read) {
        return enabled() ? read.retryWhen(spec) : read;
    }

    /** {@code read}, made again after a retry-safe failure that came before its first element. */
    <T> Flux<T> flux(Flux<T> read) {
        if (!enabled()) {
            return read;
        }
        return Flux.defer(() -> {
            AtomicBoolean emitted = new AtomicBoolean();
            return read.doOnNext(element -> emitted.set(true))
                    .retryWhen(spec.filter(error -> !emitted.get() && retryable(error)));
        });
    }

    /** A lost connection or a statement timeout that says the read can be made again. */
    static boolean retryable(Throwable error) {
        return (error instanceof ConnectionFailedException || error instanceof StatementTimeoutException)
                && ((RefractException) error).retrySafe();
    }
}
