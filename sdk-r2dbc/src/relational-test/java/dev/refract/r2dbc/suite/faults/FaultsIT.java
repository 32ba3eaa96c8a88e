package dev.refract.r2dbc.suite.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.bank.db.RefractClient;
import com.example.bank.db.RefractClientMetadata;
import dev.refract.client.ClientOptions;
import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.ConnectionFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.StatementTimeoutException;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.r2dbc.suite.faults.Load.Call;
import dev.refract.r2dbc.suite.faults.Load.Outcome;
import dev.refract.spi.PoolUsage;
import dev.refract.test.faults.FaultProxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

/**
 * The relational adapter under injected faults, each while 64 callers read and write through a pool
 * of 10: backends killed by the server ({@code pg_terminate_backend}, MySQL's {@code KILL}), sockets
 * reset by a {@link FaultProxy} between the client and the server, the proxy stalled past the
 * statement timeout, and transactions whose connection dies. After each: every failure is a typed
 * Refract error saying whether a retry is safe, no call hung past the configured timeouts, no
 * connection is left acquired, calls succeed again without a new client, and every write that was
 * acknowledged is in the database.
 */
@RelationalSuite
@Timeout(120)
class FaultsIT {

    private static final int CALLERS = 64;
    private static final int POOL_SIZE = 10;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(3);
    /** The longest a call may take: a wait for a connection, then a statement, then giving it back, and slack for a busy machine. */
    private static final Duration LONGEST_CALL = ACQUIRE_TIMEOUT.plus(STATEMENT_TIMEOUT).plus(ACQUIRE_TIMEOUT)
            .plusSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern HOST_AND_PORT = Pattern.compile("^(r2dbc:[a-z]+://(?:[^@/]*@)?)([^:/?]+):(\\d+)(.*)$");

    private static SuiteDatabase server;
    private static FaultProxy proxy;
    private static String url;
    private static String applicationName;
    private static final AtomicInteger numbers = new AtomicInteger();

    private RefractClient db;

    @BeforeAll
    static void open(SuiteDatabase suiteDatabase) {
        server = suiteDatabase;
        server.push(RefractClientMetadata.SCHEMA);
        Matcher address = HOST_AND_PORT.matcher(server.r2dbcUrl());
        assertThat(address.matches()).as("the suite's URL names host and port: %s", server.r2dbcUrl()).isTrue();
        proxy = FaultProxy.start(address.group(2), Integer.parseInt(address.group(3)));
        applicationName = "refract-faults-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        String rest = address.group(4);
        String parameters = "statementTimeout=" + STATEMENT_TIMEOUT
                + (server.provider() == Provider.POSTGRESQL ? "&applicationName=" + applicationName : "");
        url = address.group(1) + proxy.host() + ":" + proxy.port() + rest + (rest.contains("?") ? "&" : "?")
                + parameters;
    }

    @AfterAll
    static void close() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @BeforeEach
    void connect() {
        proxy.resume();
        db = RefractClient.of(ClientOptions.builder().datasource("bank", url)
                .pool("bank", new PoolMeta(POOL_SIZE, null, ACQUIRE_TIMEOUT, null)).build());
    }

    @AfterEach
    void disconnect() {
        proxy.resume();
        if (db != null) {
            db.closeAsync().block(PATIENCE);
        }
    }

    @Test
    void killedBackendsFailOnlyTheirCallsAndLaterCallsSucceed() throws InterruptedException {
        Load load = Load.start(CALLERS, numbers, this::readOrWrite);
        load.awaitMoreSuccesses(200, PATIENCE);

        assertThat(killBackends()).as("backends of the client killed").isPositive();
        assertThat(load.awaitFailure(Duration.ofSeconds(5))).as("a call in flight failed").isTrue();

        load.awaitMoreSuccesses(300, PATIENCE);
        load.stop(PATIENCE);
        assertServiceSurvived(load, Set.of(ConnectionFailedException.class));
    }

    @Test
    void droppedSocketsFailOnlyTheirCallsAndLaterCallsSucceed() throws InterruptedException {
        Load load = Load.start(CALLERS, numbers, this::readOrWrite);
        load.awaitMoreSuccesses(200, PATIENCE);

        assertThat(proxy.dropConnections()).as("connections reset").isPositive();
        assertThat(load.awaitFailure(Duration.ofSeconds(5))).as("a call in flight failed").isTrue();

        load.awaitMoreSuccesses(300, PATIENCE);
        load.stop(PATIENCE);
        assertServiceSurvived(load, Set.of(ConnectionFailedException.class));
    }

    @Test
    void readsTheClientRetriesOutliveDroppedSockets() throws InterruptedException {
        db.closeAsync().block(PATIENCE);
        db = RefractClient.of(ClientOptions.builder().datasource("bank", url).readRetries(3)
                .pool("bank", new PoolMeta(POOL_SIZE, null, ACQUIRE_TIMEOUT, null)).build());
        Load load = Load.start(CALLERS, numbers, this::countOrWrite);
        load.awaitMoreSuccesses(200, PATIENCE);

        assertThat(proxy.dropConnections()).as("connections reset").isPositive();
        assertThat(load.awaitFailure(Duration.ofSeconds(5))).as("a write in flight failed").isTrue();

        load.awaitMoreSuccesses(300, PATIENCE);
        load.stop(PATIENCE);
        List<Outcome> failures = assertServiceSurvived(load, Set.of(ConnectionFailedException.class));
        assertThat(failures).as("only writes fail: the reads were made again").allMatch(Outcome::write);
        assertThat(failures).extracting(failure -> ((RefractException) failure.error()).retrySafe())
                .as("a write whose connection died in flight may have been applied").containsOnly(false);
    }

    @Test
    void aStalledServerTurnsIntoTimeoutsAndServiceReturnsWhenItAnswers() throws InterruptedException {
        Load load = Load.start(CALLERS, numbers, this::readOrWrite);
        load.awaitMoreSuccesses(200, PATIENCE);

        proxy.stall();
        assertThat(load.awaitFailure(ACQUIRE_TIMEOUT.plus(STATEMENT_TIMEOUT).plusSeconds(5)))
                .as("a call failed within the timeouts").isTrue();
        Thread.sleep(STATEMENT_TIMEOUT.toMillis());
        proxy.resume();

        load.awaitMoreSuccesses(300, PATIENCE);
        load.stop(PATIENCE);
        List<Outcome> failures = assertServiceSurvived(load, Set.of(StatementTimeoutException.class,
                ConnectionAcquireTimeoutException.class, ConnectionFailedException.class));
        assertThat(failures).extracting(Outcome::error).as("the statements in flight timed out")
                .hasAtLeastOneElementOfType(StatementTimeoutException.class);
    }

    @Test
    void aTransactionWhoseConnectionDiesFailsAndCommitsNothing() throws InterruptedException {
        Load load = Load.start(CALLERS, numbers, this::transaction);
        load.awaitMoreSuccesses(100, PATIENCE);

        assertThat(killBackends()).as("backends of the client killed").isPositive();
        assertThat(load.awaitFailure(Duration.ofSeconds(5))).as("a transaction in flight failed").isTrue();
        proxy.dropConnections();

        load.awaitMoreSuccesses(150, PATIENCE);
        load.stop(PATIENCE);
        List<Outcome> failures = assertServiceSurvived(load, Set.of(ConnectionFailedException.class,
                ConnectionAcquireTimeoutException.class, StatementTimeoutException.class));

        Set<Integer> stored = storedAccounts();
        Set<Integer> rolledBack = failures.stream().filter(failure -> ((RefractException) failure.error()).retrySafe())
                .map(Outcome::number).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rolledBack).as("transactions that failed before their commit").isNotEmpty();
        assertThat(stored).as("no write of a transaction that failed before its commit").doesNotContainAnyElementsOf(
                rolledBack);
        assertThat(server.rows("SELECT \"id\" FROM \"Account\" WHERE \"balance\" = 0"))
                .as("no transaction committed in part: every account stored got its second write").isEmpty();
    }

    /** A read of a few accounts, or the creation of the account numbered {@code number}, in turn. */
    private Call readOrWrite(int number) {
        if (number % 2 == 0) {
            return new Call(false, db.account().findMany(q -> q.where(w -> w.id().gt(number - 50)).take(5))
                    .collectList());
        }
        return new Call(true, db.account().create(c -> c.id(number).owner("caller").balance(1)));
    }

    /**
     * A count of the accounts, or the creation of the account numbered {@code number}, in turn: a read
     * answered in one value, which a retry makes again whole (a stream is made again only while it has
     * emitted nothing).
     */
    private Call countOrWrite(int number) {
        if (number % 2 == 0) {
            return new Call(false, db.account().count());
        }
        return new Call(true, db.account().create(c -> c.id(number).owner("caller").balance(1)));
    }

    /** The account numbered {@code number} created, and its balance set, in one transaction. */
    private Call transaction(int number) {
        return new Call(true, db.transaction(tx -> tx.account().create(c -> c.id(number).owner("tx").balance(0))
                .then(Mono.delay(Duration.ofMillis(20)))
                .then(tx.account().update(w -> w.id(number), d -> d.balance(1)))).then());
    }

    /**
     * Asserts what must hold after any fault, and returns the failures: each of the allowed types and
     * retry-safe when it only read, no call longer than the timeouts allow, the pool idle, every
     * acknowledged write stored.
     */
    private List<Outcome> assertServiceSurvived(Load load, Set<Class<? extends RefractException>> allowed) {
        List<Outcome> failures = load.failures();
        for (Outcome failure : failures) {
            assertThat(failure.error()).as("call %d failed with a typed error", failure.number())
                    .isInstanceOf(RefractException.class)
                    .matches(error -> allowed.stream().anyMatch(type -> type.isInstance(error)),
                            "one of " + allowed.stream().map(Class::getSimpleName).toList());
            if (!failure.write()) {
                assertThat(((RefractException) failure.error()).retrySafe())
                        .as("a failed read may be retried: %s", failure.error()).isTrue();
            }
        }
        Duration longest = load.outcomes().stream().map(Outcome::took).max(Duration::compareTo).orElseThrow();
        assertThat(longest).as("the longest call").isLessThanOrEqualTo(LONGEST_CALL);

        PoolUsage usage = awaitIdlePool();
        assertThat(usage.acquired()).as("connections left acquired").isZero();
        assertThat(usage.pending()).as("callers left waiting").isZero();

        assertThat(db.account().count().block(PATIENCE)).as("a call after the fault succeeds").isPositive();
        assertThat(storedAccounts()).as("every acknowledged write is stored").containsAll(load.acknowledged());
        return failures;
    }

    private PoolUsage awaitIdlePool() {
        return Mono.fromSupplier(() -> db.core().poolUsage("bank").orElseThrow())
                .filter(usage -> usage.acquired() == 0 && usage.pending() == 0)
                .repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .timeout(ACQUIRE_TIMEOUT.multipliedBy(2), Mono.fromSupplier(() -> db.core().poolUsage("bank")
                        .orElseThrow()))
                .block();
    }

    private static Set<Integer> storedAccounts() {
        return server.rows("SELECT \"id\" FROM \"Account\"").stream().map(Integer::valueOf)
                .collect(Collectors.toSet());
    }

    /**
     * Has the server end every connection of the client's pool: on PostgreSQL those of its application
     * name, on MySQL those on the test's database (but the one asking). Returns how many it ended.
     */
    private static int killBackends() {
        if (server.provider() == Provider.POSTGRESQL) {
            return server.rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + applicationName + "'").size();
        }
        List<String> ids = server.rows("SELECT \"ID\" FROM information_schema.processlist WHERE \"DB\" = DATABASE()"
                + " AND \"ID\" <> CONNECTION_ID()");
        int killed = 0;
        for (String id : ids) {
            try {
                server.sql("KILL " + id);
                killed++;
            } catch (IllegalStateException gone) {
                // the connection ended on its own meanwhile
            }
        }
        return killed;
    }
}
