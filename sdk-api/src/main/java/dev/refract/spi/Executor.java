package dev.refract.spi;

import dev.refract.query.Operation;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs operations: either on an adapter's pool or inside one transaction. Adapters of SQL databases
 * also run statements written by the user ({@link #queryRaw}, {@link #executeRaw}).
 *
 * <p>Every method is cold: nothing reaches the database until subscription, and each
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

    /**
     * Runs {@code work}, a call made of several operations, on one connection: every operation it
     * runs on the executor handed to it goes over that connection, outside any transaction of its own
     * (inside the one this executor runs, if any), so the call takes one connection from the pool
     * where it would take one per operation. The connection is taken on subscription and given back
     * when the work's publisher completes, fails or is cancelled; an operation run on the handed
     * executor after that signals {@link IllegalStateException}.
     *
     * <p>The work must run its operations one after another: a second one started while a stream of
     * the first is still open would wait for that stream to end, so work that reads a stream while
     * running other operations runs those on this executor instead. The default runs the work on this
     * executor, which suits an executor with no pool of connections to save (one transaction, or a
     * database without connections of that kind).
     */
    default <T> Flux<T> onOneConnection(Function<Executor, ? extends Publisher<T>> work) {
        return Flux.defer(() -> work.apply(this));
    }

    /**
     * Runs a read written in SQL and streams its rows, honouring backpressure as {@link #stream}
     * does: with {@link RawStatement#model()} set, positional rows of that model (see {@link Row});
     * otherwise one {@link RawRow} per result row, its columns labelled. Arguments are bound to the
     * placeholders, never spliced; inside a transaction it runs on the transaction's connection.
     *
     * <p>The default signals {@link UnsupportedOperationException}: an adapter of a database without
     * SQL keeps it.
     *
     * @throws dev.refract.error.InvalidQueryException (signalled) when the number of placeholders and
     *         arguments differ, or the rows do not fit the model
     */
    default Flux<Row> queryRaw(RawStatement statement) {
        return Flux.error(new UnsupportedOperationException(getClass().getSimpleName() + " does not run SQL"));
    }

    /**
     * Runs a statement written in SQL and returns the number of rows it changed, as the database
     * reports it. Bound and checked as {@link #queryRaw}; the default signals
     * {@link UnsupportedOperationException}.
     */
    default Mono<Long> executeRaw(RawStatement statement) {
        return Mono.error(new UnsupportedOperationException(getClass().getSimpleName() + " does not run SQL"));
    }
}
