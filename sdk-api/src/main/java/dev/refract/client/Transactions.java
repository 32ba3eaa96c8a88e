package dev.refract.client;

import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The transactions of one client. A transaction travels in the Reactor context of the work it runs,
 * under a key of this client: every operation of the client subscribed inside the work finds it
 * there and runs on the transaction's connection, whichever thread it runs on.
 *
 * <ul>
 *   <li>A transaction belongs to one datasource: the one its options name, else the schema's only
 *       relational datasource, else the datasource of its first operation. An operation on a model of
 *       another datasource signals {@link dev.refract.error.CrossDatasourceTransactionException}.</li>
 *   <li>The connection is taken and the transaction begun at its first operation; a transaction that
 *       runs none opens nothing.</li>
 *   <li>A transaction started inside the work of another of this client joins it: its options are
 *       those of the outer transaction, and its end is the outer one's.</li>
 *   <li>Nested writes and include loads inside a transaction join it; reads of related records in
 *       another datasource run on that datasource's pool, outside the transaction.</li>
 *   <li>A streamed read inside a transaction is read in full before its rows are emitted (see
 *       {@link #stream(Executor, Operation)}).</li>
 * </ul>
 */
final class Transactions {

    /** The key of this client's transaction in a Reactor context. */
    private final Object key = new Object();
    private final SchemaMeta schema;
    private final Router router;
    private final WriteDefaults defaults;
    private final IncludeLoader includes;
    private final NestedWrites nested;
    /** The index of the schema's only relational datasource, or {@code -1}. */
    private final int soleRelational;

    Transactions(SchemaMeta schema, Router router, WriteDefaults defaults, IncludeLoader includes,
            NestedWrites nested) {
        this.schema = schema;
        this.router = router;
        this.defaults = defaults;
        this.includes = includes;
        this.nested = nested;
        List<DatasourceMeta> relational = schema.datasources().stream()
                .filter(datasource -> datasource.provider().family() == Provider.Family.RELATIONAL)
                .toList();
        this.soleRelational = relational.size() == 1 ? relational.get(0).index() : -1;
    }

    /** This client's transaction in {@code context}, or {@code null} outside one. */
    TransactionScope scopeIn(ContextView context) {
        return context.isEmpty() ? null : context.getOrDefault(key, null);
    }

    /**
     * Runs the publisher {@code work} supplies in a transaction, or in the one under way; emits its
     * elements once the transaction has committed.
     */
    <T> Flux<T> run(TransactionOptions options, Supplier<? extends Publisher<T>> work) {
        return Flux.deferContextual(context -> {
            int named = named(options);
            TransactionScope outer = scopeIn(context);
            if (outer != null) {
                return outer.join(named).thenMany(Flux.defer(work));
            }
            TransactionScope scope = new TransactionScope(this, options, named >= 0 ? named : soleRelational);
            List<T> results = new ArrayList<>();
            return Mono.usingWhen(Mono.just(scope),
                            started -> Flux.<T>from(work.get())
                                    .takeUntilOther(started.aborted())
                                    .doOnNext(results::add)
                                    .then()
                                    .contextWrite(inner -> inner.put(key, started)),
                            TransactionScope::commit, TransactionScope::rollback, TransactionScope::cancel)
                    .onErrorMap(scope::outcome)
                    .thenMany(Flux.defer(() -> Flux.fromIterable(results)));
        });
    }

    /**
     * Runs {@code operations} one after the other in one transaction; emits, once it has committed,
     * one result per operation in their order: the value of a {@code Mono} ({@code null} when it
     * completed empty), the elements of any other publisher as a list.
     */
    Mono<List<Object>> batch(TransactionOptions options, List<? extends Publisher<?>> operations) {
        List<Publisher<?>> steps = List.copyOf(operations);
        return run(options, () -> Flux.fromIterable(steps)
                        .concatMap(Transactions::outcomeOf)
                        .collectList()
                        .map(outcomes -> {
                            List<Object> values = new ArrayList<>(outcomes.size());
                            for (Outcome outcome : outcomes) {
                                values.add(outcome.value());
                            }
                            return Collections.unmodifiableList(values);
                        }))
                .single();
    }

    /** The result of one step of a batch, which may be {@code null}. */
    private record Outcome(Object value) {
    }

    private static Mono<Outcome> outcomeOf(Publisher<?> step) {
        if (step instanceof Mono<?> mono) {
            return mono.<Outcome>map(Outcome::new).defaultIfEmpty(new Outcome(null));
        }
        return Flux.from(step).collectList().map(elements -> new Outcome(Collections.unmodifiableList(elements)));
    }

    /** Runs {@code operation} on {@code transaction}, joining it with nested writes and include loads. */
    Mono<Result> execute(Executor transaction, Operation operation) {
        if (NestedWrites.applies(operation)) {
            return nested.execute(transaction, operation);
        }
        Operation complete = defaults.apply(operation);
        return IncludeLoader.hasIncludes(complete) ? includes.execute(transaction, complete)
                : transaction.execute(complete);
    }

    /**
     * The rows of {@code operation} read on {@code transaction}: read in full, then emitted. A
     * transaction has one connection, and a streaming read would hold it until its last row was
     * consumed, so a statement the subscriber runs per row (an update, the relations of an include)
     * would wait for the stream while the stream waits for the subscriber.
     */
    Flux<Row> stream(Executor transaction, Operation operation) {
        return execute(transaction, operation).flatMapIterable(Result::rows);
    }

    SchemaMeta schema() {
        return schema;
    }

    DatasourceSlot slot(int modelIndex) {
        return router.route(modelIndex);
    }

    /**
     * The index of the datasource {@code options} name, or {@code -1} when they name none.
     *
     * @throws IllegalArgumentException when the options name a datasource the schema lacks
     */
    private int named(TransactionOptions options) {
        String name = options.datasource();
        if (name == null) {
            return -1;
        }
        for (DatasourceMeta datasource : schema.datasources()) {
            if (datasource.name().equals(name)) {
                return datasource.index();
            }
        }
        throw new IllegalArgumentException("The transaction options name datasource '" + name
                + "', which the schema does not declare; its datasources are " + schema.datasources().stream()
                .map(DatasourceMeta::name).collect(Collectors.joining(", ")));
    }
}
