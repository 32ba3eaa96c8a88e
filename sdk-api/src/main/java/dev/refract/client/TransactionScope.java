package dev.refract.client;

import dev.refract.error.CrossDatasourceTransactionException;
import dev.refract.error.InvalidQueryException;
import dev.refract.meta.ModelMeta;
import dev.refract.query.Operation;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One transaction of a client while its work runs. The scope binds to a datasource (given up front
 * or by its first operation) and, at its first operation, starts the adapter's
 * {@link dev.refract.spi.Adapter#inTransaction inTransaction}, whose work waits for the scope to end:
 * {@link #commit()} lets it complete, {@link #rollback(Throwable)} fails it, {@link #cancel()}
 * cancels it. The adapter thus keeps the connection, the isolation level, the timeout and the
 * commit or rollback; the scope hands the adapter's transactional executor to the operations of the
 * work.
 *
 * <p>When the adapter ends the transaction on its own (its timeout ran out, no connection came, the
 * connection failed), the work is cancelled and its error is the adapter's.
 */
final class TransactionScope {

    private final Transactions transactions;
    private final TransactionOptions options;
    /** Completes to commit, errors to roll back: the end of the work the adapter runs. */
    private final Sinks.Empty<Void> finish = Sinks.empty();
    /** The end of the adapter's transaction: completes after the commit, errors otherwise. */
    private final Sinks.Empty<Void> ended = Sinks.empty();
    /** The adapter's executor of this transaction, once it has begun. */
    private final Sinks.One<Executor> ready = Sinks.one();
    private final Disposable.Swap running = Disposables.swap();
    private final Object lock = new Object();
    /** What to do once the transaction has committed: the cache invalidations of its writes. */
    private final List<Mono<Void>> afterCommit = new CopyOnWriteArrayList<>();
    /** The datasource's index, {@code -1} until bound; guarded by {@code lock}. */
    private int datasource;
    /** Guarded by {@code lock}. */
    private boolean started;
    /** Guarded by {@code lock}. */
    private boolean finishing;
    private volatile boolean rollbackRequested;
    private volatile boolean workCancelled;
    private volatile Throwable abort;

    /** A scope bound to the datasource at index {@code datasource}, or to its first operation's when {@code -1}. */
    TransactionScope(Transactions transactions, TransactionOptions options, int datasource) {
        this.transactions = transactions;
        this.options = options;
        this.datasource = datasource;
    }

    /** Runs {@code operation} in this transaction. */
    Mono<Result> execute(Operation operation) {
        ModelMeta model = transactions.schema().model(operation.model());
        return executor(model).flatMap(transaction -> transactions.execute(transaction, operation));
    }

    /** Streams {@code operation} in this transaction. */
    Flux<Row> stream(Operation operation) {
        ModelMeta model = transactions.schema().model(operation.model());
        return executor(model).flatMapMany(transaction -> transactions.stream(transaction, operation));
    }

    /**
     * Lets a transaction started inside this one's work join it: nothing to do unless it names a
     * datasource ({@code named >= 0}), which must be this transaction's, or binds it when it has none yet.
     */
    Mono<Void> join(int named) {
        return Mono.defer(() -> {
            if (named < 0) {
                return Mono.empty();
            }
            synchronized (lock) {
                if (datasource < 0) {
                    datasource = named;
                }
                if (datasource != named) {
                    return Mono.error(new CrossDatasourceTransactionException(name(datasource), name(named), null));
                }
            }
            return Mono.empty();
        });
    }

    /** Signals, with the adapter's error, when the adapter ended the transaction on its own; never completes. */
    Mono<Void> aborted() {
        return ended.asMono().then(Mono.never());
    }

    /** Runs {@code action} once the transaction has committed, and never when it rolls back. */
    void afterCommit(Mono<Void> action) {
        afterCommit.add(action);
    }

    /**
     * Commits; completes when the commit and what was to follow it have, and signals the commit's error
     * when it failed.
     */
    Mono<Void> commit() {
        synchronized (lock) {
            finishing = true;
            if (!started) {
                return Mono.empty();
            }
        }
        finish.tryEmitEmpty();
        return ended.asMono().then(Mono.defer(() -> Mono.when(afterCommit)));
    }

    /** Rolls back because the work signalled {@code error}; completes when the rollback has. */
    Mono<Void> rollback(Throwable error) {
        synchronized (lock) {
            finishing = true;
            if (!started) {
                return Mono.empty();
            }
        }
        rollbackRequested = true;
        finish.tryEmitError(error);
        return ended.asMono().onErrorResume(e -> Mono.empty());
    }

    /** Rolls back because the work's subscriber cancelled; the rollback runs on without anyone waiting. */
    Mono<Void> cancel() {
        synchronized (lock) {
            finishing = true;
        }
        running.dispose();
        return Mono.empty();
    }

    /** The error to signal for {@code error} of the work: the adapter's own when it ended the transaction. */
    Throwable outcome(Throwable error) {
        Throwable own = abort;
        return own != null ? own : error;
    }

    /**
     * The executor a raw SQL statement on the datasource at {@code index} runs on: this transaction's,
     * which the statement binds to that datasource when nothing has bound it yet.
     */
    Mono<Executor> rawExecutor(int index, DatasourceSlot slot) {
        return executor(index, null, slot);
    }

    /** The adapter's executor of this transaction for an operation on {@code model}, begun by the first call. */
    private Mono<Executor> executor(ModelMeta model) {
        return executor(model.datasource(), model.name(), transactions.slot(model.index()));
    }

    /**
     * The adapter's executor of this transaction, begun by the first call.
     *
     * @param index the datasource the call runs on
     * @param model the model the call is about, or {@code null} for raw SQL
     */
    private Mono<Executor> executor(int index, String model, DatasourceSlot slot) {
        return Mono.defer(() -> {
            Throwable own = abort;
            if (own != null) {
                return Mono.error(own);
            }
            boolean start;
            synchronized (lock) {
                if (finishing) {
                    return Mono.error(new IllegalStateException("This transaction has ended: run the operations of"
                            + " a transaction inside the work given to transaction(...), and subscribe to them there"));
                }
                if (datasource < 0) {
                    datasource = index;
                }
                if (datasource != index) {
                    return Mono.error(model == null
                            ? CrossDatasourceTransactionException.rawSql(name(datasource), name(index))
                            : new CrossDatasourceTransactionException(name(datasource), name(index), model));
                }
                start = !started;
                started = true;
            }
            if (start) {
                start(index, model, slot);
            }
            return ready.asMono();
        });
    }

    private void start(int index, String model, DatasourceSlot slot) {
        Flux<Void> transaction = slot.adapter(model).flatMapMany(adapter -> {
            if (!adapter.capabilities().transactions()) {
                return Flux.error(new InvalidQueryException(model, List.of(), "The adapter of datasource '"
                        + name(index) + "' has no transactions: run "
                        + (model == null ? "the statements" : "the operations on " + model) + " outside transaction(...)"));
            }
            return adapter.inTransaction(options, executor -> {
                ready.tryEmitValue(executor);
                return finish.asMono().doOnCancel(() -> workCancelled = true);
            });
        });
        running.update(transaction.subscribe(null, this::end, ended::tryEmitEmpty));
    }

    /** The adapter's transaction failed: on its own unless it is the rollback this scope asked for. */
    private void end(Throwable error) {
        if (workCancelled || !rollbackRequested) {
            abort = error;
        }
        ready.tryEmitError(error);
        ended.tryEmitError(error);
    }

    private String name(int index) {
        return transactions.schema().datasource(index).name();
    }
}
