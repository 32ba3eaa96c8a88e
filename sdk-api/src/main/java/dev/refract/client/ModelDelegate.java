package dev.refract.client;

import dev.refract.error.RecordNotFoundException;
import dev.refract.query.Operation;
import dev.refract.spi.Row;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The base of every generated model delegate: runs an operation through the client core and maps
 * its rows with the generated mapper.
 *
 * <p>Each helper takes the operation as a {@link Supplier} and calls it on subscription, so
 * building the query (and any error a builder raises, such as a missing required field) happens
 * per subscription and is signalled, never thrown at the caller.
 *
 * @param <M> the model's record
 */
public abstract class ModelDelegate<M> {

    private final ClientCore core;
    private final String modelName;
    private final Function<Row, M> mapper;

    /**
     * @param modelIndex the model's index in the client's schema metadata
     * @param mapper     the generated row mapper
     */
    protected ModelDelegate(ClientCore core, int modelIndex, Function<Row, M> mapper) {
        this.core = core;
        this.modelName = core.schema().model(modelIndex).name();
        this.mapper = mapper;
    }

    /** {@code builder} after {@code customizer} has filled it in. */
    protected static <B> B apply(B builder, Consumer<? super B> customizer) {
        customizer.accept(builder);
        return builder;
    }

    /** The record the operation returns, or empty when it returns none. */
    protected final Mono<M> one(Supplier<? extends Operation> operation) {
        return Mono.defer(() -> core.execute(operation.get())).mapNotNull(result -> first(result.rows()));
    }

    /**
     * The record the operation returns; {@link RecordNotFoundException} when it returns none.
     *
     * @param operationName the delegate method's name, for the error message
     */
    protected final Mono<M> oneOrThrow(Supplier<? extends Operation> operation, String operationName) {
        return one(operation).switchIfEmpty(Mono.error(() -> new RecordNotFoundException(modelName, List.of(),
                "No " + modelName + " matched " + operationName + ": use the method without OrThrow to get an"
                        + " empty result instead", null)));
    }

    /** The records the operation streams. */
    protected final Flux<M> many(Supplier<? extends Operation> operation) {
        return Flux.defer(() -> core.stream(operation.get())).map(mapper);
    }

    /** The count the operation returns. */
    protected final Mono<Long> count(Supplier<? extends Operation> operation) {
        return Mono.defer(() -> core.execute(operation.get())).map(result -> result.count());
    }

    /** The single result row of an aggregate, mapped by {@code rowMapper}. */
    protected final <R> Mono<R> single(Supplier<? extends Operation> operation, Function<Row, R> rowMapper) {
        return Mono.defer(() -> core.execute(operation.get()))
                .flatMap(result -> result.rows().isEmpty() ? Mono.empty() : Mono.just(rowMapper.apply(result.rows().get(0))));
    }

    /** The result rows of a group-by, each mapped by {@code rowMapper}. */
    protected final <R> Flux<R> rows(Supplier<? extends Operation> operation, Function<Row, R> rowMapper) {
        return Mono.defer(() -> core.execute(operation.get()))
                .flatMapIterable(result -> result.rows())
                .map(rowMapper);
    }

    /** The first row mapped, or {@code null} when there is none. */
    private M first(List<Row> rows) {
        return rows.isEmpty() ? null : mapper.apply(rows.get(0));
    }
}
