package dev.refract.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.ConnectionFailedException;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.NullConstraintViolationException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.RefractException;
import dev.refract.error.TransactionConflictException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import dev.refract.meta.PoolMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.r2dbc.sql.Bind;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.spi.Executor;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

@RefractTestDatabases
class PostgresAdapterIT {

    private static final List<Integer> ALL_VALUE_FIELDS = IntStream.range(0, 14).boxed().toList();

    private final PostgresNamespace postgres;
    private final ScriptedRenderer renderer = new ScriptedRenderer();

    PostgresAdapterIT(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    @BeforeAll
    static void createTables(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(TestSchema.DDL);
        }
    }

    private R2dbcAdapter adapter(PoolMeta pool, AdapterOptions options) {
        return new R2dbcAdapter(TestSchema.config(postgres.r2dbcUrl(), pool), renderer, options);
    }

    private R2dbcAdapter adapter() {
        return adapter(PoolMeta.DEFAULTS, AdapterOptions.defaults());
    }

    private Operation statement(int model, String sql, ResultShape shape, Bind... binds) {
        return renderer.register(model, new SqlStatement(sql, List.of(binds), shape));
    }

    private Operation count(String sql, Bind... binds) {
        return statement(TestSchema.VALUES, sql, new ResultShape.AffectedCount(), binds);
    }

    private long jdbcNumber(String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void roundTripsEveryScalarTypeWithNullsInTheirType() {
        R2dbcAdapter adapter = adapter();
        try {
            Instant at = OffsetDateTime.parse("2024-03-01T10:15:30.123456+05:30").toInstant();
            Instant localAt = Instant.parse("2024-07-01T23:59:59.5Z");
            Json doc = Json.of(Map.of("topic", "AI", "n", List.of(1, 2, 3), "nested", Map.of("ok", true)));
            Operation insert = count("insert into value_row values ($1, $2, $3, $4, $5, $6, $7::timestamptz at time zone 'UTC',"
                            + " $8, $9, $10, $11::mood, $12, $13, $14)",
                    Bind.of(1L), Bind.of("Grüße ☃"), Bind.of(new BigDecimal("12345678901234.123456")),
                    Bind.of(Long.MAX_VALUE), Bind.of(new byte[] {0, 1, -1, 127}), Bind.of(at), Bind.of(localAt),
                    Bind.of(doc), Bind.of(List.of("a", "b,c", "\"q\"")), Bind.of(List.of(1, -2, 3)),
                    Bind.of("SAD"), Bind.of(true), Bind.of(0.1d), Bind.of(42));
            Operation insertNulls = count("insert into value_row values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::mood,"
                            + " $12, $13, $14)",
                    Bind.of(2L), Bind.nullOf(String.class), Bind.nullOf(BigDecimal.class), Bind.nullOf(Long.class),
                    Bind.nullOf(byte[].class), Bind.nullOf(Instant.class), Bind.nullOf(Instant.class),
                    Bind.nullOf(Json.class), Bind.nullOf(List.class), Bind.nullOf(List.class),
                    Bind.nullOf(String.class), Bind.nullOf(Boolean.class), Bind.nullOf(Double.class),
                    Bind.nullOf(Integer.class));
            Operation read = statement(TestSchema.VALUES, "select id, label, price, big, data, at, local_at, doc, tags,"
                    + " scores, mood, flag, ratio, qty from value_row where id in (1, 2) order by id",
                    new ResultShape.Rows(TestSchema.VALUES, ALL_VALUE_FIELDS));

            StepVerifier.create(adapter.execute(insert).then(adapter.execute(insertNulls)).then(adapter.execute(read)))
                    .assertNext(result -> {
                        assertThat(result.count()).isEqualTo(2);
                        Row full = result.rows().get(0);
                        assertThat(full.get(0)).isEqualTo(1L);
                        assertThat(full.get(1)).isEqualTo("Grüße ☃");
                        assertThat(full.get(2)).isEqualTo(new BigDecimal("12345678901234.123456"));
                        assertThat(full.get(3)).isEqualTo(Long.MAX_VALUE);
                        assertThat((byte[]) full.get(4)).containsExactly(0, 1, -1, 127);
                        assertThat(full.get(5)).isEqualTo(at);
                        assertThat(full.get(6)).isEqualTo(localAt);
                        assertThat(full.get(7)).isEqualTo(doc);
                        assertThat(full.getList(8)).containsExactly("a", "b,c", "\"q\"");
                        assertThat(full.getList(9)).containsExactly(1, -2, 3);
                        assertThat(full.get(10)).isEqualTo("SAD");
                        assertThat(full.get(11)).isEqualTo(true);
                        assertThat(full.get(12)).isEqualTo(0.1d);
                        assertThat(full.get(13)).isEqualTo(42);
                        Row empty = result.rows().get(1);
                        assertThat(empty.get(0)).isEqualTo(2L);
                        for (int i = 1; i < 14; i++) {
                            assertThat(empty.get(i)).as("field %d", i).isNull();
                        }
                    })
                    .verifyComplete();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void readsTimestampsWithoutZoneAsUtcWhateverTheJvmZone() {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
        R2dbcAdapter adapter = adapter();
        try {
            Operation read = statement(TestSchema.VALUES, "select timestamp '2024-07-01 23:59:59.5',"
                            + " timestamptz '2024-07-01 23:59:59.5+02'",
                    new ResultShape.Rows(TestSchema.VALUES, List.of(6, 5)));
            Operation readDate = statement(TestSchema.VALUES, "select date '2024-07-01'",
                    new ResultShape.Rows(TestSchema.VALUES, List.of(5)));
            StepVerifier.create(adapter.execute(readDate).zipWith(adapter.execute(read)))
                    .assertNext(both -> {
                        Row row = both.getT2().rows().get(0);
                        assertThat(row.get(6)).isEqualTo(Instant.parse("2024-07-01T23:59:59.5Z"));
                        assertThat(row.get(5)).isEqualTo(Instant.parse("2024-07-01T21:59:59.5Z"));
                        assertThat(both.getT1().rows().get(0).get(5)).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
                    })
                    .verifyComplete();
        } finally {
            adapter.close().block();
            TimeZone.setDefault(original);
        }
    }

    @Test
    void readsOneShapeByTheColumnTypesEachResultReports() {
        R2dbcAdapter adapter = adapter();
        try {
            ResultShape at = new ResultShape.Rows(TestSchema.VALUES, List.of(5));
            Operation local = statement(TestSchema.VALUES, "select timestamp '2024-07-01 23:59:59.5'", at);
            Operation zoned = statement(TestSchema.VALUES, "select timestamptz '2024-07-01 23:59:59.5+02'", at);
            Operation date = statement(TestSchema.VALUES, "select date '2024-07-01'", at);
            // one after the other, so that each result finds the columns of the one before kept for its shape
            StepVerifier.create(Flux.concat(adapter.stream(date), adapter.stream(local), adapter.stream(zoned),
                            adapter.stream(local)).map(row -> row.get(5)))
                    .expectNext(Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2024-07-01T23:59:59.5Z"),
                            Instant.parse("2024-07-01T21:59:59.5Z"), Instant.parse("2024-07-01T23:59:59.5Z"))
                    .verifyComplete();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void readsOnlyTheShapedFieldsLeavingOtherPositionsNull() {
        R2dbcAdapter adapter = adapter();
        try {
            Operation read = statement(TestSchema.VALUES, "select 'x'::text, 7::int",
                    new ResultShape.Rows(TestSchema.VALUES, List.of(1, 13)));
            StepVerifier.create(adapter.stream(read))
                    .assertNext(row -> {
                        assertThat(row.size()).isEqualTo(14);
                        assertThat(row.get(1)).isEqualTo("x");
                        assertThat(row.get(13)).isEqualTo(7);
                        assertThat(row.get(0)).isNull();
                    })
                    .verifyComplete();
            StepVerifier.create(adapter.execute(statement(TestSchema.VALUES, "select count(*) from generate_series(1, 5)",
                            new ResultShape.SingleNumber())))
                    .assertNext(result -> assertThat(result.count()).isEqualTo(5))
                    .verifyComplete();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void streamsInFetchSizeBatchesAsTheSubscriberRequests() throws SQLException {
        R2dbcAdapter adapter = adapter(PoolMeta.DEFAULTS, AdapterOptions.defaults().withFetchSize(100));
        try {
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create sequence produced");
            }
            // the server evaluates nextval only for rows it sends, so the sequence counts the rows fetched so far
            // bound parameters, as every rendered statement has, take the extended protocol with a portal
            Operation read = statement(TestSchema.VALUES,
                    "select nextval('produced') from generate_series(1, $1)",
                    new ResultShape.Rows(TestSchema.VALUES, List.of(0)), Bind.of(100000));
            List<Long> inFlight = new ArrayList<>();
            StepVerifier.create(adapter.stream(read), 0)
                    .thenRequest(10)
                    .expectNextCount(10)
                    .thenAwait(Duration.ofMillis(300))
                    .then(() -> inFlight.add(produced() - 10))
                    .thenRequest(1000)
                    .expectNextCount(1000)
                    .thenAwait(Duration.ofMillis(300))
                    .then(() -> inFlight.add(produced() - 1010))
                    .thenRequest(Long.MAX_VALUE)
                    .expectNextCount(100000 - 1010)
                    .verifyComplete();
            assertThat(inFlight).allSatisfy(rows -> assertThat(rows).isBetween(0L, 600L));
            assertThat(produced()).isEqualTo(100000);

            // 100,000 rows with 2 KB of text each would hold some 400 MB if they were kept: measure the live
            // heap, collected, before and twice while streaming
            Runtime runtime = Runtime.getRuntime();
            long before = liveHeap(runtime);
            List<Long> growth = new ArrayList<>();
            StepVerifier.create(adapter.stream(statement(TestSchema.VALUES,
                                    "select n, repeat($1, 2000) from generate_series(1, 100000) n",
                                    new ResultShape.Rows(TestSchema.VALUES, List.of(0, 1)), Bind.of("x")))
                            .limitRate(50)
                            .index()
                            .doOnNext(indexed -> {
                                if (indexed.getT1() == 50_000 || indexed.getT1() == 90_000) {
                                    growth.add(liveHeap(runtime) - before);
                                }
                            }))
                    .expectNextCount(100000)
                    .verifyComplete();
            assertThat(growth).hasSize(2).allSatisfy(bytes -> assertThat(bytes).isLessThan(32L * 1024 * 1024));
        } finally {
            adapter.close().block();
        }
    }

    private static long liveHeap(Runtime runtime) {
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private long produced() {
        try {
            return jdbcNumber("select case when is_called then last_value else 0 end from produced");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancellingAThousandStreamsMidWayLeaksNoConnection() {
        R2dbcAdapter adapter = adapter(PoolMeta.DEFAULTS.withSize(4), AdapterOptions.defaults().withFetchSize(10));
        try {
            Operation read = statement(TestSchema.VALUES, "select n from generate_series(1, 1000) n",
                    new ResultShape.Rows(TestSchema.VALUES, List.of(0)));
            StepVerifier.create(Flux.range(0, 1000)
                            .flatMap(i -> adapter.stream(read).take(3 + i % 20).count(), 8))
                    .expectNextCount(1000)
                    .verifyComplete();
            StepVerifier.create(Mono.fromSupplier(adapter::poolStatistics)
                            .filter(statistics -> statistics.acquired() == 0)
                            .repeatWhenEmpty(10, attempts -> attempts.delayElements(Duration.ofMillis(50))))
                    .assertNext(statistics -> {
                        assertThat(statistics.acquired()).isZero();
                        assertThat(statistics.pending()).isZero();
                        assertThat(statistics.idle()).isEqualTo(statistics.allocated());
                        assertThat(statistics.allocated()).isLessThanOrEqualTo(4);
                    })
                    .verifyComplete();
            StepVerifier.create(adapter.execute(read))
                    .assertNext(result -> assertThat(result.count()).isEqualTo(1000))
                    .expectComplete()
                    .verify(Duration.ofSeconds(1));
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void anExhaustedPoolGivesTheNextCallerATypedAcquireTimeoutAndServesAgainAfterwards() {
        PoolMeta pool = new PoolMeta(2, null, Duration.ofMillis(500), null);
        R2dbcAdapter adapter = adapter(pool, AdapterOptions.defaults());
        try {
            Operation slow = statement(TestSchema.VALUES, "select count(*) from pg_sleep(2)",
                    new ResultShape.SingleNumber());
            Operation quick = statement(TestSchema.VALUES, "select 1", new ResultShape.SingleNumber());
            Mono<Result> both = Mono.zip(adapter.execute(slow), adapter.execute(slow)).map(pair -> pair.getT1()).cache();
            both.subscribe();
            StepVerifier.create(Mono.delay(Duration.ofMillis(300)).then(adapter.execute(quick)).elapsed())
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ConnectionAcquireTimeoutException.class)
                            .hasMessageContaining("datasource 'db'")
                            .hasMessageContaining("500 ms"))
                    .verify(Duration.ofSeconds(5));
            StepVerifier.create(both).expectNextCount(1).verifyComplete();
            StepVerifier.create(adapter.execute(quick))
                    .assertNext(result -> assertThat(result.count()).isEqualTo(1))
                    .verifyComplete();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void theThirdCallerWaitsTheConfiguredTimeoutBeforeFailing() {
        PoolMeta pool = new PoolMeta(2, null, Duration.ofMillis(700), null);
        R2dbcAdapter adapter = adapter(pool, AdapterOptions.defaults());
        try {
            Operation slow = statement(TestSchema.VALUES, "select count(*) from pg_sleep(2)",
                    new ResultShape.SingleNumber());
            Mono<Result> both = Mono.zip(adapter.execute(slow), adapter.execute(slow)).map(pair -> pair.getT1()).cache();
            both.subscribe();
            long[] waited = {0};
            StepVerifier.create(Mono.delay(Duration.ofMillis(300))
                            .then(Mono.defer(() -> {
                                long start = System.nanoTime();
                                return adapter.execute(slow).doOnError(e -> waited[0] = System.nanoTime() - start);
                            })))
                    .expectError(ConnectionAcquireTimeoutException.class)
                    .verify(Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(waited[0])).isBetween(Duration.ofMillis(650), Duration.ofMillis(1600));
            both.block(Duration.ofSeconds(5));
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void uniqueViolationNamesTheFieldsNotTheColumns() {
        R2dbcAdapter adapter = adapter();
        try {
            Operation first = statement(TestSchema.OWNER, "insert into owner values ($1, $2, $3)",
                    new ResultShape.AffectedCount(), Bind.of(10), Bind.of("dup@example.com"), Bind.of("A"));
            Operation second = statement(TestSchema.OWNER, "insert into owner values ($1, $2, $3)",
                    new ResultShape.AffectedCount(), Bind.of(11), Bind.of("dup@example.com"), Bind.of("B"));
            StepVerifier.create(adapter.execute(first).then(adapter.execute(second)))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(UniqueConstraintViolationException.class)
                                .hasMessageContaining("email").hasMessageNotContaining("dup@example.com");
                        RefractException refract = (RefractException) error;
                        assertThat(refract.model()).isEqualTo("Owner");
                        assertThat(refract.fields()).containsExactly("email");
                    })
                    .verify();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void foreignKeyViolationNamesTheRelation() {
        R2dbcAdapter adapter = adapter();
        try {
            Operation orphan = statement(TestSchema.PET, "insert into pet values ($1, $2, $3)",
                    new ResultShape.AffectedCount(), Bind.of(1), Bind.of(999), Bind.of("Rex"));
            StepVerifier.create(adapter.execute(orphan))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                                .hasMessageContaining("relation owner");
                        RefractException refract = (RefractException) error;
                        assertThat(refract.model()).isEqualTo("Pet");
                        assertThat(refract.fields()).containsExactly("ownerId");
                    })
                    .verify();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void deletingARecordOthersStillPointAtIsAForeignKeyViolation() {
        R2dbcAdapter adapter = adapter();
        try {
            Operation owner = statement(TestSchema.OWNER, "insert into owner values (30, 'fk@x', 'F')",
                    new ResultShape.AffectedCount());
            Operation pet = statement(TestSchema.PET, "insert into pet values (30, 30, 'Tom')",
                    new ResultShape.AffectedCount());
            Operation delete = statement(TestSchema.OWNER, "delete from owner where id = $1",
                    new ResultShape.AffectedCount(), Bind.of(30));
            StepVerifier.create(adapter.execute(owner).then(adapter.execute(pet)).then(adapter.execute(delete)))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                                .hasMessageContaining("Pet records still point at this Owner");
                        assertThat(((RefractException) error).model()).isEqualTo("Pet");
                    })
                    .verify();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void notNullViolationNamesTheField() {
        R2dbcAdapter adapter = adapter();
        try {
            Operation nameless = statement(TestSchema.OWNER, "insert into owner values ($1, $2, $3)",
                    new ResultShape.AffectedCount(), Bind.of(20), Bind.of("n@example.com"),
                    Bind.nullOf(String.class));
            StepVerifier.create(adapter.execute(nameless))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(NullConstraintViolationException.class)
                                .hasMessageContaining("'name'");
                        assertThat(((RefractException) error).fields()).containsExactly("name");
                    })
                    .verify();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void updatingOrDeletingAMissingRecordIsRecordNotFound() {
        R2dbcAdapter adapter = adapter();
        try {
            ResultShape owners = new ResultShape.Rows(TestSchema.OWNER, List.of(0, 1, 2));
            Operation update = renderer.register(new Operation.Update(TestSchema.OWNER, Filter.ALL,
                            new WriteData(List.of()), Selection.ALL),
                    new SqlStatement("update owner set name = $1 where id = $2 returning id, \"e-mail\", name",
                            List.of(Bind.of("new"), Bind.of(-1)), owners));
            Operation delete = renderer.register(new Operation.Delete(TestSchema.OWNER, Filter.ALL, Selection.ALL),
                    new SqlStatement("delete from owner where id = $1 returning id, \"e-mail\", name",
                            List.of(Bind.of(-1)), owners));
            StepVerifier.create(adapter.execute(update))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordNotFoundException.class)
                            .hasMessageContaining("No Owner matches the where of this update"))
                    .verify();
            StepVerifier.create(adapter.execute(delete)).expectError(RecordNotFoundException.class).verify();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aDeadlockIsARetryableTransactionConflict() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into counter values (1, 0), (2, 0)");
        }
        R2dbcAdapter adapter = adapter();
        try {
            Operation lockOne = count("update counter set n = n + 1 where id = 1");
            Operation lockTwo = count("update counter set n = n + 1 where id = 2");
            Operation pause = statement(TestSchema.VALUES, "select count(*) from pg_sleep(0.5)",
                    new ResultShape.SingleNumber());
            Flux<Result> forward = adapter.inTransaction(tx -> tx.execute(lockOne).then(tx.execute(pause))
                    .then(tx.execute(lockTwo)));
            Flux<Result> backward = adapter.inTransaction(tx -> tx.execute(lockTwo).then(tx.execute(pause))
                    .then(tx.execute(lockOne)));
            List<Throwable> errors = new ArrayList<>();
            Flux.merge(forward.onErrorResume(e -> {
                        errors.add(e);
                        return Mono.empty();
                    }), backward.onErrorResume(e -> {
                        errors.add(e);
                        return Mono.empty();
                    }))
                    .blockLast(Duration.ofSeconds(10));
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).isInstanceOf(TransactionConflictException.class)
                    .hasMessageContaining("Deadlock");
            assertThat(((TransactionConflictException) errors.get(0)).retryable()).isTrue();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aSerializationFailureIsARetryableTransactionConflict() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into counter values (11, 0), (12, 0)");
        }
        R2dbcAdapter adapter = adapter();
        try {
            Operation serializable = count("set transaction isolation level serializable");
            Operation readBoth = statement(TestSchema.VALUES, "select sum(n) from counter where id in (11, 12)",
                    new ResultShape.SingleNumber());
            Operation pause = statement(TestSchema.VALUES, "select count(*) from pg_sleep(0.5)",
                    new ResultShape.SingleNumber());
            // write skew: each reads both rows, then changes a different one
            Function<Integer, Flux<Result>> skew = id -> adapter.inTransaction(tx -> tx.execute(serializable)
                    .then(tx.execute(readBoth)).then(tx.execute(pause))
                    .then(tx.execute(count("update counter set n = n + 1 where id = $1", Bind.of(id)))));
            List<Throwable> errors = new ArrayList<>();
            Flux.merge(skew.apply(11).onErrorResume(e -> {
                        errors.add(e);
                        return Mono.empty();
                    }), skew.apply(12).onErrorResume(e -> {
                        errors.add(e);
                        return Mono.empty();
                    }))
                    .blockLast(Duration.ofSeconds(10));
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).isInstanceOf(TransactionConflictException.class)
                    .hasMessageContaining("Serialization failure");
            assertThat(adapter.poolStatistics().acquired()).isZero();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aTransactionCommitsWhenTheWorkCompletes() throws SQLException {
        R2dbcAdapter adapter = adapter();
        try {
            Flux<Result> work = adapter.inTransaction(tx -> tx.execute(count("insert into owner values (100, 'c1@x', 'C')"))
                    .then(tx.execute(count("insert into owner values (101, 'c2@x', 'C')"))));
            StepVerifier.create(work).expectNextCount(1).verifyComplete();
            assertThat(jdbcNumber("select count(*) from owner where id in (100, 101)")).isEqualTo(2);
            assertThat(adapter.poolStatistics().acquired()).isZero();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void theExecutorOfAnEndedTransactionRefusesStatements() {
        R2dbcAdapter adapter = adapter();
        try {
            Operation one = statement(TestSchema.VALUES, "select 1", new ResultShape.SingleNumber());
            List<Executor> leaked = new ArrayList<>();
            StepVerifier.create(adapter.inTransaction(tx -> {
                leaked.add(tx);
                return tx.execute(one);
            })).expectNextCount(1).verifyComplete();
            StepVerifier.create(leaked.get(0).execute(one))
                    .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("This transaction has ended"))
                    .verify();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aTransactionRollsBackWhenTheWorkFails() throws SQLException {
        R2dbcAdapter adapter = adapter();
        try {
            Flux<Result> work = adapter.inTransaction(tx -> tx.execute(count("insert into owner values (200, 'r1@x', 'R')"))
                    .then(tx.execute(count("insert into owner values (201, 'r1@x', 'R')"))));
            StepVerifier.create(work).expectError(UniqueConstraintViolationException.class).verify();
            assertThat(jdbcNumber("select count(*) from owner where id in (200, 201)")).isZero();
            assertThat(adapter.poolStatistics().acquired()).isZero();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aTransactionRollsBackWhenItsSubscriberCancels() throws SQLException {
        R2dbcAdapter adapter = adapter();
        try {
            Operation insert = count("insert into owner values (300, 'k@x', 'K')");
            Operation slow = statement(TestSchema.VALUES, "select count(*) from pg_sleep(5)",
                    new ResultShape.SingleNumber());
            Flux<Result> work = adapter.inTransaction(tx -> tx.execute(insert).then(tx.execute(slow)));
            StepVerifier.create(work)
                    .thenAwait(Duration.ofMillis(500))
                    .thenCancel()
                    .verify();
            StepVerifier.create(Mono.fromSupplier(adapter::poolStatistics)
                            .filter(statistics -> statistics.acquired() == 0)
                            .repeatWhenEmpty(100, attempts -> attempts.delayElements(Duration.ofMillis(100))))
                    .expectNextCount(1)
                    .verifyComplete();
            assertThat(jdbcNumber("select count(*) from owner where id = 300")).isZero();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void hostileStringsAreStoredAndMatchedLiterally() {
        List<String> hostile = List.of("'", "''", "\\", "\\'", "$1", "$$", "; drop table owner; --", "' or '1'='1",
                "\\0 not a nul", "unicode ☃ 𝄞 \u202e", "%_", "\"quoted\"", "line\nbreak");
        R2dbcAdapter adapter = adapter();
        try {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < hostile.size(); i++) {
                long id = 1000 + i;
                ids.add(id);
                StepVerifier.create(adapter.execute(count("insert into value_row (id, label, tags) values ($1, $2, $3)",
                                Bind.of(id), Bind.of(hostile.get(i)), Bind.of(List.of(hostile.get(i), "x")))))
                        .assertNext(result -> assertThat(result.count()).isEqualTo(1))
                        .verifyComplete();
            }
            for (int i = 0; i < hostile.size(); i++) {
                String value = hostile.get(i);
                Operation match = statement(TestSchema.VALUES,
                        "select id, label, tags from value_row where label = $1 and $1 = any(tags)",
                        new ResultShape.Rows(TestSchema.VALUES, List.of(0, 1, 8)), Bind.of(value));
                StepVerifier.create(adapter.execute(match))
                        .assertNext(result -> {
                            assertThat(result.rows()).hasSize(1);
                            assertThat(result.rows().get(0).get(1)).isEqualTo(value);
                            assertThat(result.rows().get(0).getList(8)).containsExactly(value, "x");
                        })
                        .verifyComplete();
            }
            assertThat(ids).hasSize(hostile.size());
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void randomStringsAreStoredAndMatchedLiterallyOrRefusedWhenTextCannotHoldThem() {
        R2dbcAdapter adapter = adapter();
        AtomicLong ids = new AtomicLong(5000);
        try {
            RandomCases.forAll(300, random -> Draw.anyString(random, 0, 30), value -> {
                long id = ids.incrementAndGet();
                Mono<Result> insert = adapter.execute(count("insert into value_row (id, label) values ($1, $2)",
                        Bind.of(id), Bind.of(value)));
                if (!storableAsText(value)) {
                    StepVerifier.create(insert).expectError(InvalidQueryException.class).verify();
                    return;
                }
                Operation match = statement(TestSchema.VALUES, "select id, label from value_row where label = $1",
                        new ResultShape.Rows(TestSchema.VALUES, List.of(0, 1)), Bind.of(value));
                StepVerifier.create(insert.then(adapter.execute(match)))
                        .assertNext(result -> assertThat(result.rows()).extracting(row -> row.get(0), row -> row.get(1))
                                .contains(tuple(id, value)))
                        .verifyComplete();
            });
        } finally {
            adapter.close().block();
        }
    }

    private static boolean storableAsText(String value) {
        return value.indexOf(0) < 0 && value.codePoints().noneMatch(point -> point >= Character.MIN_SURROGATE && point <= Character.MAX_SURROGATE);
    }

    @Test
    void aPasswordInTheUrlNeverReachesAnErrorMessage() {
        String url = "r2dbc:postgresql://postgres:Sup3r-Secret@127.0.0.1:1/test";
        R2dbcAdapter adapter = new R2dbcAdapter(TestSchema.config(url, PoolMeta.DEFAULTS), renderer);
        try {
            StepVerifier.create(adapter.execute(statement(TestSchema.VALUES, "select 1", new ResultShape.SingleNumber())))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(ConnectionFailedException.class);
                        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                            assertThat(String.valueOf(cause.getMessage())).doesNotContain("Sup3r-Secret");
                        }
                    })
                    .verify(Duration.ofSeconds(15));
        } finally {
            adapter.close().block();
        }
        assertThatThrownBy(() -> new R2dbcAdapter(TestSchema.config("postgresql://user:Sup3r-Secret@host/db",
                PoolMeta.DEFAULTS), renderer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("datasource 'db'")
                .hasMessageNotContaining("Sup3r-Secret");
    }

    @Test
    void aClosedAdapterRefusesCalls() {
        R2dbcAdapter adapter = adapter();
        adapter.close().block();
        StepVerifier.create(adapter.execute(statement(TestSchema.VALUES, "select 1", new ResultShape.SingleNumber())))
                .expectError(dev.refract.error.ClientClosedException.class)
                .verify();
        assertThat(Arrays.asList(adapter.poolStatistics().acquired())).containsExactly(0);
    }

}
