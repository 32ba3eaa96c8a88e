package dev.refract.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.ClientClosedException;
import dev.refract.error.CrossDatasourceTransactionException;
import dev.refract.error.ErrorCode;
import dev.refract.error.TransactionTimeoutException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.RawStatement;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.IsolationLevel;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class TransactionsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** db and reports are relational, docs is not; Run and Step live in db, Content in docs, Sale in reports. */
    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(datasource("db", 0, Provider.POSTGRESQL), datasource("docs", 1, Provider.MONGODB)),
            List.of(model("Run", 0, 0), model("Content", 1, 1), model("Step", 2, 0)));

    private static final SchemaMeta TWO_RELATIONAL = new SchemaMeta(
            List.of(datasource("db", 0, Provider.POSTGRESQL), datasource("reports", 1, Provider.MYSQL)),
            List.of(model("Run", 0, 0), model("Sale", 1, 1)));

    private static final int RUN = 0;
    private static final int CONTENT = 1;
    private static final int STEP = 2;

    private static DatasourceMeta datasource(String name, int index, Provider provider) {
        return DatasourceMeta.withUrl(name, index, provider, provider.schemaName() + "://localhost/app", PoolMeta.DEFAULTS);
    }

    private static ModelMeta model(String name, int index, int datasource) {
        return new ModelMeta(name, name, index, datasource, List.of(FieldMeta.scalar("id", ScalarType.STRING,
                Arity.REQUIRED)), KeyMeta.of(0), List.of(), List.of(), null, 0);
    }

    private static Operation find(int model) {
        return new Operation.FindMany(model, Query.ALL);
    }

    /** The first value of the first row: where the operation ran, e.g. {@code db:tx1} or {@code db:pool}. */
    private static Mono<Object> ranOn(ClientCore core, int model) {
        return core.execute(find(model)).map(result -> result.rows().get(0).get(0));
    }

    /**
     * An adapter that keeps a journal of what it does: {@code begin <isolation>}, each statement with
     * where it ran, {@code commit}, {@code rollback} and {@code rollback on cancel}. Its transactions
     * time out as the SPI says, by cancelling the work.
     */
    static final class JournalingAdapter implements Adapter {

        final String name;
        final List<String> journal;
        private final AtomicInteger transactions = new AtomicInteger();

        JournalingAdapter(String name, List<String> journal) {
            this.name = name;
            this.journal = journal;
        }

        private Executor executor(String where) {
            return new Executor() {
                @Override
                public Mono<Result> execute(Operation operation) {
                    return Mono.fromSupplier(() -> {
                        journal.add(where + " " + SCHEMA.model(operation.model()).name());
                        return Result.ofRows(List.of(Row.of(where)));
                    });
                }

                @Override
                public Flux<Row> stream(Operation operation) {
                    return Flux.defer(() -> {
                        journal.add(where + " streamed " + SCHEMA.model(operation.model()).name());
                        return Flux.just(Row.of(where));
                    });
                }

                @Override
                public Mono<Long> executeRaw(RawStatement statement) {
                    return Mono.fromSupplier(() -> {
                        journal.add(where + " raw " + statement.sql());
                        return 1L;
                    });
                }
            };
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return executor(name + ":pool").execute(operation);
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return executor(name + ":pool").stream(operation);
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return Flux.usingWhen(Mono.fromSupplier(() -> {
                        String id = name + ":tx" + transactions.incrementAndGet();
                        journal.add("begin " + id + " " + options.isolation());
                        return id;
                    }),
                    id -> Flux.<T>from(work.apply(executor(id))).takeUntilOther(Mono.delay(options.timeout())
                            .then(Mono.error(new TransactionTimeoutException(name, options.timeout())))),
                    id -> Mono.fromRunnable(() -> journal.add("commit " + id)),
                    (id, error) -> Mono.fromRunnable(() -> journal.add("rollback " + id)),
                    id -> Mono.fromRunnable(() -> journal.add("rollback on cancel " + id)));
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

    /** Makes one journaling adapter per datasource, all writing to one journal. */
    static final class JournalingProvider implements AdapterProvider {

        final List<String> journal = new CopyOnWriteArrayList<>();

        @Override
        public boolean supports(Provider provider) {
            return true;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return new JournalingAdapter(config.datasource().name(), journal);
        }
    }

    private static ClientCore core(SchemaMeta schema, JournalingProvider provider) {
        return ClientCore.create(schema, ClientOptions.builder().adapterProvider(provider).build());
    }

    @Test
    void operationsInsideTheWorkRunInOneTransactionThatCommitsBeforeTheResultsAreEmitted() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        List<Object> results = core.transaction(TransactionOptions.defaults(),
                        () -> ranOn(core, RUN).concatWith(ranOn(core, STEP)).doOnNext(ran ->
                                assertThat(provider.journal).doesNotContain("commit db:tx1")))
                .collectList().block(WAIT);

        assertThat(results).containsExactly("db:tx1", "db:tx1");
        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "db:tx1 Step", "commit db:tx1");
    }

    @Test
    void theTransactionFollowsTheSubscriptionAcrossThreads() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        List<Object> results = core.transaction(TransactionOptions.defaults(), () -> ranOn(core, RUN)
                        .publishOn(Schedulers.parallel())
                        .flatMap(first -> Mono.delay(Duration.ofMillis(10)).then(ranOn(core, STEP))))
                .collectList().block(WAIT);

        assertThat(results).containsExactly("db:tx1");
        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "db:tx1 Step", "commit db:tx1");
    }

    @Test
    void anErrorOfTheWorkRollsBackAndIsSignalled() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        StepVerifier.create(core.transaction(TransactionOptions.defaults(),
                        () -> ranOn(core, RUN).then(Mono.error(new IllegalStateException("the work failed")))))
                .expectErrorMessage("the work failed")
                .verify(WAIT);

        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "rollback db:tx1");
    }

    @Test
    void cancellingTheSubscriberRollsBack() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        StepVerifier.create(core.transaction(TransactionOptions.defaults(),
                        () -> ranOn(core, RUN).then(Mono.never())))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(50))
                .thenCancel()
                .verify(WAIT);

        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "rollback on cancel db:tx1");
    }

    @Test
    void theResultsAreEmittedAfterTheCommitSoTakingTheFirstDoesNotRollBack() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        Object first = core.transaction(TransactionOptions.defaults(), () -> ranOn(core, RUN).concatWith(ranOn(core, RUN)))
                .next().block(WAIT);

        assertThat(first).isEqualTo("db:tx1");
        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "db:tx1 Run", "commit db:tx1");
    }

    @Test
    void anOperationOnAnotherDatasourceFailsAtOnceNamingBothAndTheSagaApi() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        StepVerifier.create(core.transaction(TransactionOptions.defaults(),
                        () -> ranOn(core, RUN).then(ranOn(core, CONTENT))))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(CrossDatasourceTransactionException.class)
                            .hasMessageContaining("datasource 'db'").hasMessageContaining("Content")
                            .hasMessageContaining("datasource 'docs'").hasMessageContaining("client.saga(...)")
                            .hasMessageContaining("docs/transactions.md");
                    CrossDatasourceTransactionException cross = (CrossDatasourceTransactionException) error;
                    assertThat(cross.code()).isEqualTo(ErrorCode.CROSS_DATASOURCE_TRANSACTION);
                    assertThat(cross.transactionDatasource()).isEqualTo("db");
                    assertThat(cross.operationDatasource()).isEqualTo("docs");
                    assertThat(cross.model()).isEqualTo("Content");
                })
                .verify(WAIT);

        assertThat(provider.journal).as("nothing ran on docs").containsExactly("begin db:tx1 null", "db:tx1 Run",
                "rollback db:tx1");
    }

    @Test
    void theSchemasOnlyRelationalDatasourceIsBoundBeforeAnyOperation() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        StepVerifier.create(core.transaction(TransactionOptions.defaults(), () -> ranOn(core, CONTENT)))
                .expectError(CrossDatasourceTransactionException.class)
                .verify(WAIT);

        assertThat(provider.journal).as("no transaction was begun").isEmpty();
    }

    @Test
    void aNamedDatasourceBindsTheTransaction() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        List<Object> results = core.transaction(TransactionOptions.defaults().datasource("docs"),
                () -> ranOn(core, CONTENT)).collectList().block(WAIT);

        assertThat(results).containsExactly("docs:tx1");
        StepVerifier.create(core.transaction(TransactionOptions.defaults().datasource("docs"), () -> ranOn(core, RUN)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CrossDatasourceTransactionException.class)
                        .hasMessageContaining("A transaction of datasource 'docs'"))
                .verify(WAIT);
    }

    @Test
    void withoutASoleRelationalDatasourceTheFirstOperationBindsTheTransaction() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(TWO_RELATIONAL, provider);

        List<Object> results = core.transaction(TransactionOptions.defaults(), () -> core.execute(find(1))
                .map(result -> result.rows().get(0).get(0))).collectList().block(WAIT);

        assertThat(results).containsExactly("reports:tx1");
        StepVerifier.create(core.transaction(TransactionOptions.defaults(), () -> core.execute(find(1))
                        .then(core.execute(find(0)))))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("A transaction of datasource"
                        + " 'reports' cannot run an operation on Run, which belongs to datasource 'db'"))
                .verify(WAIT);
    }

    @Test
    void aNameTheSchemaLacksIsRefusedNamingTheDatasources() {
        ClientCore core = core(SCHEMA, new JournalingProvider());

        StepVerifier.create(core.transaction(TransactionOptions.defaults().datasource("dbx"), () -> ranOn(core, RUN)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'dbx'").hasMessageContaining("db, docs"))
                .verify(WAIT);
    }

    @Test
    void aTransactionInsideTheWorkJoinsTheOuterOne() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        List<Object> results = core.transaction(TransactionOptions.defaults(), () -> ranOn(core, RUN)
                        .thenMany(core.transaction(TransactionOptions.defaults().isolation(IsolationLevel.SERIALIZABLE),
                                () -> ranOn(core, STEP))))
                .collectList().block(WAIT);

        assertThat(results).containsExactly("db:tx1");
        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "db:tx1 Step", "commit db:tx1");
        StepVerifier.create(core.transaction(TransactionOptions.defaults(), () -> ranOn(core, RUN)
                        .thenMany(core.transaction(TransactionOptions.defaults().datasource("docs"),
                                () -> ranOn(core, CONTENT)))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CrossDatasourceTransactionException.class)
                        .hasMessageContaining("cannot contain a transaction of datasource 'docs'"))
                .verify(WAIT);
    }

    @Test
    void rawSqlInsideTheWorkRunsInTheTransactionAndNotOnAnotherDatasource() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(TWO_RELATIONAL, provider);

        core.transaction(TransactionOptions.defaults(), () -> core.execute(find(0))
                .then(core.executeRaw("db", () -> RawStatement.of("UPDATE t SET n = n + 1")))).blockLast(WAIT);

        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "db:tx1 raw UPDATE t SET n = n + 1",
                "commit db:tx1");
        StepVerifier.create(core.transaction(TransactionOptions.defaults(), () -> core.execute(find(0))
                        .then(core.executeRaw("reports", () -> RawStatement.of("DELETE FROM sales")))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CrossDatasourceTransactionException.class)
                        .hasMessageContaining("A transaction of datasource 'db' cannot run raw SQL on datasource"
                                + " 'reports'"))
                .verify(WAIT);
        assertThat(provider.journal).doesNotContain("reports:pool raw DELETE FROM sales");
    }

    @Test
    void operationsOutsideTheWorkDoNotJoinTheTransaction() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);
        List<Object> outside = new ArrayList<>();

        core.transaction(TransactionOptions.defaults(), () -> ranOn(core, RUN)
                        .doOnNext(ran -> outside.add(ranOn(core, STEP).block(WAIT))))
                .blockLast(WAIT);

        assertThat(outside).containsExactly("db:pool");
    }

    @Test
    void aTransactionWithoutOperationsBeginsNothing() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        List<String> results = core.transaction(TransactionOptions.defaults(), () -> Flux.just("a", "b"))
                .collectList().block(WAIT);

        assertThat(results).containsExactly("a", "b");
        assertThat(provider.journal).isEmpty();
    }

    @Test
    void theOptionsReachTheAdapter() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        core.transaction(TransactionOptions.defaults().isolation(IsolationLevel.REPEATABLE_READ), () -> ranOn(core, RUN))
                .blockLast(WAIT);

        assertThat(provider.journal).first().isEqualTo("begin db:tx1 REPEATABLE_READ");
    }

    @Test
    void whenTheAdapterEndsTheTransactionOnItsOwnTheWorkIsCancelledWithItsError() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);
        AtomicInteger after = new AtomicInteger();

        StepVerifier.create(core.transaction(TransactionOptions.defaults().timeout(Duration.ofMillis(100)),
                        () -> ranOn(core, RUN).then(Mono.delay(Duration.ofSeconds(30)))
                                .then(Mono.fromRunnable(after::incrementAndGet))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TransactionTimeoutException.class)
                        .hasMessageContaining("100 ms").hasMessageContaining("timeout(...)"))
                .verify(WAIT);

        assertThat(after).hasValue(0);
        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "rollback db:tx1");
        StepVerifier.create(core.transaction(TransactionOptions.defaults(), () -> ranOn(core, RUN)))
                .expectNext("db:tx2").verifyComplete();
    }

    @Test
    void aBatchRunsItsOperationsInOrderInOneTransactionAndReturnsOneResultEach() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        List<Object> results = core.transaction(TransactionOptions.defaults(), List.of(ranOn(core, RUN),
                        core.stream(find(STEP)).map(row -> row.get(0)), Mono.empty(), ranOn(core, STEP)))
                .block(WAIT);

        assertThat(results).containsExactly("db:tx1", List.of("db:tx1"), null, "db:tx1");
        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "db:tx1 Step", "db:tx1 Step",
                "commit db:tx1");
    }

    @Test
    void aStreamedReadInsideATransactionIsReadInFullSoThatPerRowStatementsCanShareItsConnection() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        List<Object> rows = core.transaction(TransactionOptions.defaults(), () -> core.stream(find(RUN))
                        .concatMap(row -> ranOn(core, STEP)))
                .collectList().block(WAIT);
        core.stream(find(RUN)).blockLast(WAIT);

        assertThat(rows).containsExactly("db:tx1");
        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "db:tx1 Step", "commit db:tx1",
                "db:pool streamed Run");
    }

    @Test
    void aFailingBatchOperationRollsBackTheOnesBeforeItAndStopsTheRest() {
        JournalingProvider provider = new JournalingProvider();
        ClientCore core = core(SCHEMA, provider);

        StepVerifier.create(core.transaction(TransactionOptions.defaults(), Arrays.asList(ranOn(core, RUN),
                        Mono.error(new IllegalStateException("second failed")), ranOn(core, STEP))))
                .expectErrorMessage("second failed")
                .verify(WAIT);

        assertThat(provider.journal).containsExactly("begin db:tx1 null", "db:tx1 Run", "rollback db:tx1");
    }

    @Test
    void aClosedClientRefusesTransactions() {
        ClientCore core = core(SCHEMA, new JournalingProvider());
        core.closeAsync().block(WAIT);

        StepVerifier.create(core.transaction(TransactionOptions.defaults(), () -> Flux.just(1)))
                .expectError(ClientClosedException.class)
                .verify(WAIT);
    }
}
