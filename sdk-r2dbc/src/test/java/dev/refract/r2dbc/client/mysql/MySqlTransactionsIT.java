package dev.refract.r2dbc.client.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.bank.mysql.db.Account;
import com.example.bank.mysql.db.RefractClient;
import com.example.bank.mysql.db.RefractClientMetadata;
import com.example.bank.mysql.db.Transfer;
import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.TransactionConflictException;
import dev.refract.error.TransactionTimeoutException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.r2dbc.client.ClientFixture.CapturingProvider;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.pool.PoolStatistics;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import dev.refract.transaction.IsolationLevel;
import dev.refract.transaction.TransactionOptions;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * Transactions of the generated client on MySQL/MariaDB: commit, rollback on error and on cancel,
 * timeout, connection wait, write skew under SERIALIZABLE as a typed conflict (InnoDB reports it as
 * a deadlock), writes that take several statements joining the transaction, raw SQL with {@code ?}
 * inside it, and 200 concurrent transfers on a pool of 10.
 */
@RefractTestDatabases
class MySqlTransactionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TransactionOptions SERIALIZABLE = TransactionOptions.defaults()
            .isolation(IsolationLevel.SERIALIZABLE);

    private static String url;
    private static CapturingProvider provider;
    private static RefractClient db;

    @BeforeAll
    static void open(MysqlNamespace mysql) {
        url = mysql.r2dbcUrl();
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(url)).block(WAIT);
        provider = new CapturingProvider();
        db = open(10, provider);
    }

    private static RefractClient open(int poolSize, CapturingProvider provider) {
        return RefractClient.builder().datasource("bank", url).poolSize("bank", poolSize).adapterProvider(provider)
                .build();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.closeAsync().block(WAIT);
        }
    }

    @BeforeEach
    void empty() {
        db.transfer().deleteMany().then(db.account().deleteMany()).block(WAIT);
    }

    private static <T> Flux<T> retryingConflicts(Flux<T> transaction) {
        return transaction.retryWhen(Retry.backoff(100, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(100))
                .filter(TransactionConflictException.class::isInstance));
    }

    private static Mono<Account> account(RefractClient client, int id, int balance) {
        return client.account().create(c -> c.id(id).owner("owner " + id).balance(balance));
    }

    private static PoolStatistics idlePool() {
        PoolStatistics statistics = provider.awaitIdlePool(WAIT);
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
        assertThat(provider.adapter().poolStatistics().acquired()).as("the transaction holds its connection")
                .isEqualTo(1);

        subscription.dispose();

        idlePool();
        assertThat(db.account().count().block(WAIT)).as("the first write was rolled back").isZero();
        Thread.sleep(1_500);
        assertThat(db.account().count().block(WAIT)).as("the rest of the work never ran").isZero();
        assertThat(db.transaction(tx -> account(tx, 3, 1)).blockLast(WAIT)).as("the pool still serves").isNotNull();
    }

    @Test
    void workOutlivingItsTimeoutIsRolledBack() {
        StepVerifier.create(db.transaction(TransactionOptions.defaults().timeout(Duration.ofMillis(300)),
                        tx -> account(tx, 1, 100).then(Mono.delay(Duration.ofSeconds(5))).then(account(tx, 2, 0))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TransactionTimeoutException.class)
                        .hasMessageContaining("datasource 'bank'").hasMessageContaining("300 ms"))
                .verify(WAIT);

        assertThat(db.account().count().block(WAIT)).isZero();
        idlePool();
    }

    @Test
    void noFreeConnectionWithinMaxWaitFailsNamingTheDatasourceAndTheWait() {
        CapturingProvider single = new CapturingProvider();
        RefractClient client = open(1, single);
        try {
            Sinks.Empty<Void> release = Sinks.empty();
            Mono<Account> holding = client.transaction(tx -> account(tx, 1, 100)
                    .flatMap(written -> release.asMono().thenReturn(written))).single().cache();
            holding.subscribe();
            Mono.fromSupplier(() -> single.adapter().poolStatistics().acquired())
                    .filter(acquired -> acquired == 1)
                    .repeatWhenEmpty(500, attempts -> attempts.delayElements(Duration.ofMillis(10)))
                    .block(WAIT);

            StepVerifier.create(client.transaction(TransactionOptions.defaults().maxWait(Duration.ofMillis(200)),
                            tx -> tx.account().count()))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ConnectionAcquireTimeoutException.class)
                            .hasMessageContaining("datasource 'bank'").hasMessageContaining("200 ms"))
                    .verify(WAIT);

            release.tryEmitEmpty();
            assertThat(holding.block(WAIT).id()).isEqualTo(1);
            assertThat(client.account().count().block(WAIT)).isEqualTo(1);
        } finally {
            client.closeAsync().block(WAIT);
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
    void writeSkewUnderSerializableIsATypedRetryableConflict() {
        List<Throwable> errors = writeSkew(SERIALIZABLE);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error).isInstanceOf(TransactionConflictException.class);
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
        assertThat(idlePool().allocated()).isLessThanOrEqualTo(10);
    }

    @Test
    void rawStatementsWithQuestionMarksRunInTheTransactionAndRollBackWithIt() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        StepVerifier.create(db.transaction(tx -> account(tx, 1, 100)
                        .then(tx.executeRaw("bank", "UPDATE `Account` SET balance = balance + ? WHERE id = ?", 5, 1))
                        .thenMany(tx.queryRaw("bank", "SELECT balance, '?' AS mark FROM `Account` WHERE id = ?", 1))
                        .doOnNext(row -> seen.add(row.get("balance") + " " + row.get("mark")))
                        .then(Mono.error(new IllegalStateException("undo")))))
                .expectErrorMessage("undo")
                .verify(WAIT);

        assertThat(seen).as("the raw read saw the transaction's writes").containsExactly("105 ?");
        assertThat(db.account().count().block(WAIT)).as("the raw update went with the rollback").isZero();
        idlePool();
    }
}
