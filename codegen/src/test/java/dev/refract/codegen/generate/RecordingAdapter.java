package dev.refract.codegen.generate;

import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An adapter for tests of generated clients: records every operation it is given and answers each
 * with the same rows, or with the rows given for its kind of operation (e.g. the related rows of a
 * {@code FindRelated}, which the client core sends to load an include). Also its own provider, for
 * one provider kind.
 */
public final class RecordingAdapter implements Adapter, AdapterProvider {

    private final Provider provider;
    private final List<Row> rows;
    private final Map<Class<? extends Operation>, List<Row>> answers = new ConcurrentHashMap<>();
    private final List<Operation> operations = new CopyOnWriteArrayList<>();
    private final List<AdapterConfig> configs = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** An adapter for datasources of {@code provider} answering with {@code rows}. */
    public RecordingAdapter(Provider provider, List<Row> rows) {
        this.provider = provider;
        this.rows = List.copyOf(rows);
    }

    /** This adapter answering operations of {@code kind} with {@code rows} rather than its own rows. */
    public RecordingAdapter answering(Class<? extends Operation> kind, List<Row> rows) {
        answers.put(kind, List.copyOf(rows));
        return this;
    }

    private List<Row> rowsFor(Operation operation) {
        return answers.getOrDefault(operation.getClass(), rows);
    }

    /** The operations executed or streamed, in order. */
    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The configurations the adapter was started with. */
    public List<AdapterConfig> configs() {
        return List.copyOf(configs);
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean supports(Provider candidate) {
        return candidate == provider;
    }

    @Override
    public Adapter create(AdapterConfig config) {
        configs.add(config);
        return this;
    }

    @Override
    public Mono<Result> execute(Operation operation) {
        return Mono.fromSupplier(() -> {
            operations.add(operation);
            return operation instanceof Operation.CreateMany || operation instanceof Operation.UpdateMany
                    || operation instanceof Operation.DeleteMany || operation instanceof Operation.Count
                    ? Result.ofCount(rows.size()) : Result.ofRows(rowsFor(operation));
        });
    }

    @Override
    public Flux<Row> stream(Operation operation) {
        return Flux.defer(() -> {
            operations.add(operation);
            return Flux.fromIterable(rowsFor(operation));
        });
    }

    @Override
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
        return Flux.defer(() -> work.apply(this));
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.ALL;
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> closed = true);
    }
}
