package dev.refract.r2dbc.suite.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.bank.db.Account;
import com.example.bank.db.RefractClient;
import com.example.bank.db.Transfer;
import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.CrossDatasourceTransactionException;
import dev.refract.error.ErrorCode;
import dev.refract.error.TransactionConflictException;
import dev.refract.error.TransactionTimeoutException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.r2dbc.suite.transactions.BankDatabase.Bank;
import dev.refract.transaction.IsolationLevel;
import dev.refract.transaction.TransactionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/**
 * Interactive and batch transactions of the generated client against a real server: commit,
 * rollback on error and on cancel, timeout, connection wait, isolation and its typed conflicts,
 * joining, raw SQL inside the work, the refusal of a second datasource, and 200 concurrent
 * transfers on a pool of 10.
 */
@RelationalSuite
class TransactionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TransactionOptions SERIALIZABLE = TransactionOptions.defaults()
            .isolation(IsolationLevel.SERIALIZABLE);

    private static SuiteDatabase server;
    private static BankDatabase database;
    private static Bank bank;
    private static RefractClient db;

    @BeforeAll
    static void open(SuiteDatabase suiteDatabase) {
        server = suiteDatabase;
        database = BankDatabase.create(suiteDatabase);
        bank = database.open(10);
        db = bank.db();
    }

    @AfterAll
    static void close() {
        if (bank != null) {
            bank.close();
        }
    }

    @BeforeEach
    void empty() {
        bank.empty();
    }

    /**
     * Runs {@code transaction} again while it fails with a {@link TransactionConflictException}, up to
     * 100 times, waiting a little longer each time: the retry a caller of a SERIALIZABLE transaction
     * writes, as docs/transactions.md shows. The transaction is cold, so each attempt is a new one.
     */
    static <T> Flux<T> retryingConflicts(Flux<T> transaction) {
        return transaction.retryWhen(Retry.backoff(100, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(100))
                        .filter(TransactionConflictException.class::isInstance));
    }

    private static Mono<Account> account(RefractClient client, int id, int balance) {
        return client.account().create(c -> c.id(id).owner("owner " + id).balance(balance));
    }

    private static PoolStatistics idlePool() {
        PoolStatistics statistics = bank.provider().awaitIdlePool(WAIT);
        assertThat(statistics.acquired()).as("connections still acquired").isZero();
        assertThat(statistics.pending()).as("callers still waiting").isZero();
        return statistics;
    }

    @Test
    void theWritesOfTheWorkAreCommittedWhenItCompletes() {
        List<Transfer> results = db.transaction(tx -> account(tx, 1, 100).then(account(tx, 2, 0))
                        .then(tx.transfer().create(c -> c.fromId(1).toId(2).amount(40)))
                        .flatMap(transfer -> tx.account().update(w -> w.id(1), d -> d.balance().decrement(40))
                                .then(tx.account().update(w -> w.id(2), d -> d.balance().increment(40)))
                                .thenReturn(transfer)))
                .collectList().block(WAIT);

        assertThat(results).singleElement().satisfies(transfer -> assertThat(transfer.amount()).isEqualTo(40));
        assertThat(db.account().findMany(q -> q.orderBy(o -> o.id().asc())).map(Account::balance).collectList()
                .block(WAIT)).containsExactly(60, 40);
        idlePool();
    }

    @Test
    void anErrorOfTheWorkRollsBackEveryWriteBeforeIt() {
        StepVerifier.create(db.transaction(tx -> account(tx, 1, 100).then(account(tx, 2, 0))
                        .then(tx.account().update(w -> w.id(2), d -> d.balance(7)))
                        .then(account(tx, 1, 5))))
                .expectError(UniqueConstraintViolationException.class)
                .verify(WAIT);

        assertThat(db.account().count().block(WAIT)).isZero();
        idlePool();
    }

    @Test
    void aSubscriberThatCancelsMidwayRollsBackAndLeaksNoConnection() throws InterruptedException {
        CountDownLatch firstWritten = new CountDownLatch(1);
        Disposable subscription = db.transaction(tx -> account(tx, 1, 100)
                        .doOnNext(written -> firstWritten.countDown())
                        .then(Mono.delay(Duration.ofSeconds(1)))
                        .then(account(tx, 2, 0)))
                .subscribe();
        assertThat(firstWritten.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(bank.provider().adapter().poolStatistics().acquired()).as("the transaction holds its connection")
                .isEqualTo(1);

        subscription.dispose();

        idlePool();
        assertThat(db.account().count().block(WAIT)).as("the first write was rolled back").isZero();
        Thread.sleep(1_500);
        assertThat(db.account().count().block(WAIT)).as("the rest of the work never ran").isZero();
        assertThat(db.transaction(tx -> account(tx, 3, 1)).blockLast(WAIT)).as("the pool still serves").isNotNull();
    }

    @Test
    void workOutlivingItsTimeoutIsRolledBackWithAnErrorSayingHowToRaiseIt() {
        long started = System.nanoTime();

        StepVerifier.create(db.transaction(TransactionOptions.defaults().timeout(Duration.ofMillis(300)),
                        tx -> account(tx, 1, 100).then(Mono.delay(Duration.ofSeconds(5))).then(account(tx, 2, 0))))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(TransactionTimeoutException.class)
                            .hasMessageContaining("datasource 'bank'").hasMessageContaining("300 ms")
                            .hasMessageContaining("timeout(...)");
                    assertThat(((TransactionTimeoutException) error).code()).isEqualTo(ErrorCode.TRANSACTION_TIMEOUT);
                })
                .verify(WAIT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(db.account().count().block(WAIT)).isZero();
        idlePool();
    }

    @Test
    void noFreeConnectionWithinMaxWaitFailsNamingTheDatasourceAndTheWait() {
        try (Bank single = database.open(1)) {
            Sinks.Empty<Void> release = Sinks.empty();
            Mono<Account> holding = single.db().transaction(tx -> account(tx, 1, 100)
                    .flatMap(written -> release.asMono().thenReturn(written))).single().cache();
            holding.subscribe();
            Mono.fromSupplier(() -> single.provider().adapter().poolStatistics().acquired())
                    .filter(acquired -> acquired == 1)
                    .repeatWhenEmpty(500, attempts -> attempts.delayElements(Duration.ofMillis(10)))
                    .block(WAIT);

            StepVerifier.create(single.db().transaction(TransactionOptions.defaults().maxWait(Duration.ofMillis(200)),
                            tx -> tx.account().count()))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ConnectionAcquireTimeoutException.class)
                            .hasMessageContaining("datasource 'bank'").hasMessageContaining("200 ms")
                            .hasMessageContaining("maxWait"))
                    .verify(WAIT);

            release.tryEmitEmpty();
            assertThat(holding.block(WAIT).id()).isEqualTo(1);
            assertThat(single.db().account().count().block(WAIT)).isEqualTo(1);
        }
    }

    /**
     * Write skew: each transaction reads both balances and, as they hold 200 together, takes 150 from a
     * different account. Run together, they overdraw the pair; only SERIALIZABLE tells.
     */
    private static List<Throwable> writeSkew(TransactionOptions options) {
        account(db, 1, 100).then(account(db, 2, 100)).block(WAIT);
        AtomicInteger readers = new AtomicInteger();
        Sinks.Empty<Void> bothRead = Sinks.empty();
        Function<Integer, Mono<Account>> withdraw = id -> db.transaction(options, tx ->
                        tx.account().findMany(q -> q.where(w -> w.id().in(1, 2))).map(Account::balance)
                                .reduce(0, Integer::sum)
                                .filter(sum -> sum >= 150)
                                .flatMap(sum -> {
                                    if (readers.incrementAndGet() == 2) {
                                        bothRead.tryEmitEmpty();
                                    }
                                    return bothRead.asMono().timeout(WAIT).thenReturn(sum);
                                })
                                .flatMap(sum -> tx.account().update(w -> w.id(id), d -> d.balance().decrement(150))))
                .single();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Flux.merge(withdraw.apply(1).onErrorResume(error -> Mono.fromRunnable(() -> errors.add(error))),
                withdraw.apply(2).onErrorResume(error -> Mono.fromRunnable(() -> errors.add(error))))
                .blockLast(WAIT);
        return errors;
    }

    @Test
    void aSerializationFailureUnderSerializableIsATypedRetryableConflict() {
        List<Throwable> errors = writeSkew(SERIALIZABLE);

        assertThat(errors).singleElement().satisfies(error -> {
            // PostgreSQL reports a serialization failure, InnoDB the deadlock its locks of SERIALIZABLE run into
            assertThat(error).isInstanceOf(TransactionConflictException.class);
            assertThat(((TransactionConflictException) error).code()).isEqualTo(ErrorCode.TRANSACTION_CONFLICT);
            assertThat(((TransactionConflictException) error).retryable()).isTrue();
        });
        assertThat(db.account().findMany().map(Account::balance).reduce(0, Integer::sum).block(WAIT))
                .as("one withdrawal committed").isEqualTo(50);
        idlePool();
    }

    @Test
    void theSameWriteSkewAtTheDatabasesDefaultIsolationCommitsBoth() {
        List<Throwable> errors = writeSkew(TransactionOptions.defaults());

        assertThat(errors).isEmpty();
        assertThat(db.account().findMany().map(Account::balance).reduce(0, Integer::sum).block(WAIT))
                .as("both withdrawals committed: the pair is overdrawn").isEqualTo(-100);
    }

    @Test
    void twoHundredConcurrentTransfersOnAPoolOfTenNeitherCreateNorLoseMoney() {
        int accounts = 10;
        int opening = 1_000;
        Flux.range(1, accounts).concatMap(id -> account(db, id, opening)).blockLast(WAIT);
        Random random = new Random(20_240_601);
        List<int[]> planned = new ArrayList<>();
        int[] expected = new int[accounts + 1];
        for (int i = 0; i < 200; i++) {
            int from = 1 + random.nextInt(accounts);
            int to = 1 + (from + random.nextInt(accounts - 1)) % accounts;
            int amount = 1 + random.nextInt(5);
            planned.add(new int[] {from, to, amount});
            expected[from] -= amount;
            expected[to] += amount;
        }
        TransactionOptions options = SERIALIZABLE.maxWait(WAIT);

        // Read both balances, then write the new ones: without SERIALIZABLE, concurrent transfers
        // would overwrite each other's balances. Rows are written in id order, so none deadlock.
        List<Transfer> done = Flux.fromIterable(planned).flatMap(transfer -> retryingConflicts(db.transaction(options,
                        tx -> tx.account().findMany(q -> q.where(w -> w.id().in(transfer[0], transfer[1]))
                                        .orderBy(o -> o.id().asc()))
                                .concatMap(account -> {
                                    int change = account.id() == transfer[0] ? -transfer[2] : transfer[2];
                                    return tx.account().update(w -> w.id(account.id()),
                                            d -> d.balance(account.balance() + change));
                                })
                                .then(tx.transfer().create(c -> c.fromId(transfer[0]).toId(transfer[1])
                                        .amount(transfer[2]))))), 200)
                .collectList().block(Duration.ofMinutes(3));

        assertThat(done).hasSize(200);
        List<Account> after = db.account().findMany(q -> q.orderBy(o -> o.id().asc())
                .include(i -> i.sent().received())).collectList().block(WAIT);
        assertThat(after.stream().mapToInt(Account::balance).sum()).as("money neither created nor lost")
                .isEqualTo(accounts * opening);
        for (Account account : after) {
            int sent = account.sent().get().stream().mapToInt(Transfer::amount).sum();
            int received = account.received().get().stream().mapToInt(Transfer::amount).sum();
            assertThat(account.balance()).as("account %d against its transfers", account.id())
                    .isEqualTo(opening - sent + received)
                    .isEqualTo(opening + expected[account.id()]);
        }
        assertThat(db.transfer().count().block(WAIT)).isEqualTo(200);
        PoolStatistics pool = idlePool();
        assertThat(pool.allocated()).isLessThanOrEqualTo(10);
    }

    @Test
    void nestedWritesAndIncludeLoadsInsideATransactionJoinIt() {
        AtomicReference<Account> seen = new AtomicReference<>();
        AtomicInteger acquiredInside = new AtomicInteger();

        StepVerifier.create(db.transaction(tx -> account(tx, 2, 0)
                        .then(tx.account().create(c -> c.id(1).owner("owner 1").balance(70)
                                .sent(s -> s.create(t -> t.amount(30).to(to -> to.connect(w -> w.id(2)))))))
                        .then(tx.account().findUnique(q -> q.where(w -> w.id(1)).include(i -> i.sent())))
                        .doOnNext(account -> {
                            seen.set(account);
                            acquiredInside.set(bank.provider().adapter().poolStatistics().acquired());
                        })
                        .then(Mono.error(new IllegalStateException("a change of mind")))))
                .expectErrorMessage("a change of mind")
                .verify(WAIT);

        assertThat(seen.get().sent().get()).singleElement()
                .satisfies(transfer -> assertThat(transfer.amount()).isEqualTo(30));
        assertThat(acquiredInside).as("one connection for everything").hasValue(1);
        assertThat(db.account().count().block(WAIT)).as("the nested write was rolled back with the rest").isZero();
        assertThat(db.transfer().count().block(WAIT)).isZero();
        idlePool();
    }

    @Test
    void aTransactionInsideTheWorkJoinsTheOuterOne() {
        StepVerifier.create(db.transaction(tx -> account(tx, 1, 10)
                        .thenMany(tx.transaction(SERIALIZABLE, inner -> account(inner, 2, 20)))
                        .then(Mono.fromSupplier(() -> bank.provider().adapter().poolStatistics().acquired()))
                        .flatMap(acquired -> Mono.error(new IllegalStateException(acquired + " connection")))))
                .expectErrorMessage("1 connection")
                .verify(WAIT);

        assertThat(db.account().count().block(WAIT)).as("the inner writes went with the outer rollback").isZero();
    }

    @Test
    void rawStatementsInsideTheWorkRunInTheTransactionAndRollBackWithIt() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        String account = server.quote("Account");
        // the '?' inside a literal is text, not a placeholder, on either server
        StepVerifier.create(db.transaction(tx -> account(tx, 1, 100)
                        .then(tx.executeRaw("bank", "UPDATE " + account + " SET balance = balance + "
                                + server.placeholder(1) + " WHERE id = " + server.placeholder(2), 5, 1))
                        .thenMany(tx.queryRaw("bank", "SELECT balance, '?' AS mark FROM " + account + " WHERE id = "
                                + server.placeholder(1), 1))
                        .doOnNext(row -> seen.add(row.get("balance") + " " + row.get("mark")))
                        .then(Mono.error(new IllegalStateException("undo")))))
                .expectErrorMessage("undo")
                .verify(WAIT);

        assertThat(seen).as("the raw read saw the transaction's writes").containsExactly("105 ?");
        assertThat(db.account().count().block(WAIT)).as("the raw update went with the rollback").isZero();
        idlePool();
    }

    @Test
    void anOperationOnAModelOfAnotherDatasourceFailsAtOnceAndRollsBack() {
        StepVerifier.create(db.transaction(tx -> account(tx, 1, 10)
                        .then(tx.auditEntry().create(c -> c.message("opened account 1")))))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(CrossDatasourceTransactionException.class)
                            .hasMessageContaining("datasource 'bank'").hasMessageContaining("AuditEntry")
                            .hasMessageContaining("datasource 'audit'").hasMessageContaining("client.saga(...)");
                    assertThat(((CrossDatasourceTransactionException) error).code())
                            .isEqualTo(ErrorCode.CROSS_DATASOURCE_TRANSACTION);
                })
                .verify(WAIT);

        assertThat(db.account().count().block(WAIT)).isZero();
        idlePool();
    }

    @Test
    void aBatchRunsItsOperationsInOrderAllOrNothing() {
        List<Object> results = db.transaction(List.of(account(db, 1, 50), account(db, 2, 0),
                        db.transfer().create(c -> c.fromId(1).toId(2).amount(5)),
                        db.account().findUnique(q -> q.where(w -> w.id(9))),
                        db.account().findMany(q -> q.orderBy(o -> o.id().asc()))))
                .block(WAIT);

        assertThat(results).hasSize(5);
        assertThat(results.get(0)).isInstanceOfSatisfying(Account.class, a -> assertThat(a.id()).isEqualTo(1));
        assertThat(results.get(2)).isInstanceOfSatisfying(Transfer.class, t -> assertThat(t.amount()).isEqualTo(5));
        assertThat(results.get(3)).as("an empty Mono").isNull();
        assertThat(results.get(4)).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);

        StepVerifier.create(db.transaction(TransactionOptions.defaults(), List.of(account(db, 3, 1),
                        account(db, 1, 1))))
                .expectError(UniqueConstraintViolationException.class)
                .verify(WAIT);
        assertThat(db.account().findMany().map(Account::id).collect(Collectors.toSet()).block(WAIT))
                .as("account 3 went with the failed batch").containsExactlyInAnyOrder(1, 2);
        idlePool();
    }
}
