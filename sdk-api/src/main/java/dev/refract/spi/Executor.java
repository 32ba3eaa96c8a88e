package dev.refract.spi;

import dev.refract.query.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs operations: either on an adapter's pool or inside one transaction.
 *
 * <p>Both methods are cold: nothing reaches the database until subscription, and each
 * subscription runs the operation again. Errors are signalled as
 * {@link dev.refract.error.RefractException}s, never as driver exceptions.
 */
public interface Executor {

    /**
     * Runs {@code operation} and collects its result: for reads and record-returning writes the
     * rows (at most one for the unique ones), for counting writes and {@code Count} the count.
     *
     * @return a {@code Mono} emitting exactly one {@link Result}
     */
    Mono<Result> execute(Operation operation);

    /**
     * Runs a read of many records and streams its rows, honouring backpressure: rows are fetched
     * as the subscriber requests them, and cancelling releases the connection.
     *
     * @throws IllegalArgumentException (signalled) when the operation does not produce rows
     */
    Flux<Row> stream(Operation operation);
}
