package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.ConnectionFailedException;
import dev.refract.error.StatementTimeoutException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The opt-in retry of reads ({@link ClientOptions#readRetries()}): which failures it retries, and what it never does. */
class ClientCoreReadRetryTest {

    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "r2dbc:postgresql://localhost/app",
                    PoolMeta.DEFAULTS)),
            List.of(new ModelMeta("Account", "Account", 0, 0, List.of(
                    FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
                    FieldMeta.scalar("name", ScalarType.STRING, Arity.OPTIONAL)), KeyMeta.of(0), List.of(), List.of(),
                    null, 0)));
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Operation READ = new Operation.FindMany(0, Query.ALL);
    /** A read the adapter answers with one row and then a lost connection. */
    private static final Operation BROKEN_STREAM = new Operation.FindMany(0,
            new Query(Filter.ALL, List.of(), 7, null, null, List.of(), Selection.ALL));
    private static final Operation WRITE = new Operation.Create(0,
            new WriteData(List.of(new FieldWrite(0, WriteOp.SET, "a"), new FieldWrite(1, WriteOp.SET, "n")), List.of(),
                    null), Selection.ALL);

    /** The failures the adapter signals, one per call, before it answers. */
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();

    private ClientCore core(int readRetries) {
        return ClientCore.create(SCHEMA, ClientOptions.builder().readRetries(readRetries).adapterProvider(
                new AdapterProvider() {
                    @Override
                    public boolean supports(Provider provider) {
                        return true;
                    }

                    @Override
                    public Adapter create(AdapterConfig config) {
                        return new FailingAdapter();
                    }
                }).build());
    }

    private static ConnectionFailedException lost(boolean retrySafe) {
        return new ConnectionFailedException("db", "connection reset", null, retrySafe);
    }

    @Test
    void aReadWhoseConnectionWasLostIsMadeAgainAndSucceeds() {
        failures.add(lost(true));
        failures.add(new StatementTimeoutException("db", "Account", Duration.ofSeconds(1), true, null));

        StepVerifier.create(core(2).execute(READ)).expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(calls).hasValue(3);
    }

    @Test
    void theLastFailureIsSignalledAsItIsOnceTheRetriesAreSpent() {
        failures.add(lost(true));
        failures.add(lost(true));

        StepVerifier.create(core(1).execute(READ)).expectError(ConnectionFailedException.class).verify(WAIT);
        assertThat(calls).hasValue(2);
    }

    @Test
    void withoutReadRetriesAFailedReadFailsAtOnce() {
        failures.add(lost(true));

        StepVerifier.create(core(0).execute(READ)).expectError(ConnectionFailedException.class).verify(WAIT);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aWriteIsNeverRetried() {
        failures.add(lost(true));

        StepVerifier.create(core(3).execute(WRITE)).expectError(ConnectionFailedException.class).verify(WAIT);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailureThatDoesNotSayARetryIsSafeIsNotRetried() {
        failures.add(lost(false));

        StepVerifier.create(core(3).execute(READ)).expectError(ConnectionFailedException.class).verify(WAIT);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aWaitForAConnectionThatTimedOutIsNotWaitedAgain() {
        failures.add(new ConnectionAcquireTimeoutException("db", Duration.ofSeconds(1), 10, null));

        StepVerifier.create(core(3).execute(READ)).expectError(ConnectionAcquireTimeoutException.class).verify(WAIT);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aStreamIsMadeAgainOnlyWhileItHasEmittedNothing() {
        failures.add(lost(true));
        StepVerifier.create(core(2).stream(READ)).expectNextCount(2).expectComplete().verify(WAIT);
        assertThat(calls).as("failed before its first row: made again").hasValue(2);

        calls.set(0);
        StepVerifier.create(core(2).stream(BROKEN_STREAM))
                .expectNextCount(1).expectError(ConnectionFailedException.class).verify(WAIT);
        assertThat(calls).as("failed after a row: not made again, so no row comes twice").hasValue(1);
    }

    @Test
    void aReadInsideATransactionIsNotRetried() {
        failures.add(lost(true));
        ClientCore core = core(3);

        StepVerifier.create(core.transaction(TransactionOptions.defaults(), () -> core.execute(READ)))
                .expectError(ConnectionFailedException.class).verify(WAIT);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aNegativeNumberOfRetriesIsRefused() {
        assertThatThrownBy(() -> ClientOptions.builder().readRetries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give 0 to turn retries off");
    }

    /**
     * Signals the next of {@link #failures} on each call while there are any, then answers; the stream
     * of {@link #BROKEN_STREAM} emits one row and then fails with a lost connection.
     */
    private final class FailingAdapter implements Adapter {
        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.defer(() -> {
                calls.incrementAndGet();
                RuntimeException failure = failures.poll();
                return failure != null ? Mono.error(failure) : Mono.just(Result.ofRows(List.of(Row.of("a", "n"))));
            });
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.defer(() -> {
                calls.incrementAndGet();
                if (operation.equals(BROKEN_STREAM)) {
                    return Flux.just(Row.of("a", "n")).concatWith(Flux.error(lost(true)));
                }
                RuntimeException failure = failures.poll();
                return failure != null ? Flux.error(failure) : Flux.just(Row.of("a", "n"), Row.of("b", "m"));
            });
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return Flux.from(work.apply(this));
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.ALL;
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }
}
