package dev.refract.r2dbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ledger.db.Account;
import com.example.ledger.db.AccountField;
import com.example.ledger.db.AccountKind;
import com.example.ledger.db.Entry;
import com.example.ledger.db.Line;
import com.example.ledger.db.LineCreate;
import com.example.ledger.db.LineField;
import com.example.ledger.db.LineGroup;
import com.example.ledger.db.Period;
import com.example.ledger.db.Permission;
import com.example.ledger.db.RefractClient;
import com.example.ledger.db.RefractClientMetadata;
import com.example.ledger.db.User;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Operations of the ledger corpus schema's generated client against real PostgreSQL: BigInt
 * autoincrement keys, a case-insensitive unique key, a compound unique key and exact decimals.
 */
@RefractTestDatabases
class LedgerClientOperationsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant DAY = Instant.parse("2024-06-30T00:00:00Z");

    private static RefractClient db;

    @BeforeAll
    static void pushAndConnect(PostgresNamespace postgres) throws SQLException {
        // @db.Citext needs the citext extension, which a Prisma schema enables in its datasource.
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS citext");
        } catch (SQLException e) {
            Assumptions.abort("the citext extension is not available on this server: " + e.getMessage());
        }
        ClientFixture.push(RefractClientMetadata.SCHEMA, 0, postgres);
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.closeAsync().block(WAIT);
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        db.entry().deleteMany().block(WAIT);
        StepVerifier.create(db.account().deleteMany()).expectNextCount(1).verifyComplete();
        db.user().deleteMany().block(WAIT);
        db.period().deleteMany().block(WAIT);
        db.user().create(c -> c.email("Clerk@Example.com").name("Clerk")).block(WAIT);
        // A create returns the row, so each reads the money column back.
        Account cash = db.account().create(c -> c.number_("1000").name("Cash").kind(AccountKind.ASSET)).block(WAIT);
        assertThat(cash.openingBalance()).isEqualTo(new BigDecimal("0.00"));
        Account sales = db.account().create(c -> c.number_("4000").name("Sales").kind(AccountKind.INCOME)
                .openingBalance(new BigDecimal("1250.75"))).block(WAIT);
        assertThat(sales.openingBalance()).isEqualTo(new BigDecimal("1250.75"));
    }

    private static Entry entry(String reference) {
        return db.entry().create(c -> c.bookedOn(DAY).postedByEmail("clerk@example.com").reference(reference)).block(WAIT);
    }

    private static LineCreate line(long entryId, String account, String amount, int position) {
        return new LineCreate().entryId(entryId).accountNumber(account).amount(new BigDecimal(amount)).position(position);
    }

    @Test
    void createFillsTheSchemaDefaultsAndReadsBackEqual() {
        StepVerifier.create(db.user().findUniqueOrThrow(q -> q.where(w -> w.email("CLERK@example.COM")))).assertNext(u -> {
            assertThat(u.email()).isEqualTo("Clerk@Example.com");
            assertThat(u.permissions()).containsExactly(Permission.READ);
        }).verifyComplete();
        StepVerifier.create(db.account().findUniqueOrThrow(q -> q.where(w -> w.number_("1000"))))
                .assertNext(cash -> {
                    assertThat(cash.flags()).isEqualTo("00000000");
                    assertThat(cash.currency()).isEqualTo("EUR");
                    assertThat(cash.archived()).isFalse();
                    assertThat(cash.kind()).isEqualTo(AccountKind.ASSET);
                    assertThat(cash.openingBalance()).isEqualTo(new BigDecimal("0.00"));
                })
                .verifyComplete();
        Entry first = entry("INV-1");
        Entry second = entry("INV-2");
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(first.description()).isEmpty();
        assertThat(first.bookedOn()).isEqualTo(DAY);
        StepVerifier.create(db.entry().findUnique(q -> q.where(w -> w.id(first.id())))).expectNext(first).verifyComplete();
    }

    @Test
    void linesAreCreatedInBulkAggregatedExactlyAndGroupedByAccount() {
        long id = entry("INV-1").id();
        StepVerifier.create(db.line().createMany(List.of(line(id, "1000", "119.9900", 1), line(id, "4000", "-100.8300", 2),
                        line(id, "4000", "-19.1600", 3))))
                .expectNext(3L).verifyComplete();
        StepVerifier.create(db.line().createMany(List.of(line(id, "1000", "1", 1), line(id, "1000", "0.0001", 4)), true))
                .expectNext(1L).verifyComplete();
        StepVerifier.create(db.line().aggregate(a -> a.where(w -> w.position().lte(3)).count().sum(LineField.AMOUNT)
                        .max(LineField.AMOUNT)))
                .assertNext(result -> {
                    assertThat(result.count()).isEqualTo(3L);
                    assertThat(result.sum().amount()).isEqualByComparingTo("0");
                    assertThat(result.max().amount()).isEqualByComparingTo("119.99");
                })
                .verifyComplete();
        StepVerifier.create(db.line().groupBy(g -> g.by(LineField.ACCOUNT_NUMBER).sum(LineField.AMOUNT)
                        .orderBy(o -> o.accountNumber().asc())).collectList())
                .assertNext(groups -> {
                    assertThat(groups).extracting(LineGroup::accountNumber).containsExactly("1000", "4000");
                    assertThat(groups.get(0).sum().amount()).isEqualByComparingTo("119.9901");
                    assertThat(groups.get(1).sum().amount()).isEqualByComparingTo("-119.9900");
                })
                .verifyComplete();
    }

    @Test
    void updatesGuardedByAnExtraConditionAndUpsertsByACompoundKey() {
        long id = entry("INV-1").id();
        db.line().create(c -> c.entryId(id).accountNumber("1000").amount(new BigDecimal("10.0000")).position(1)).block(WAIT);
        StepVerifier.create(db.line().update(w -> w.entryIdPosition(id, 1).and(a -> a.amount().eq(new BigDecimal("10"))),
                        d -> d.amount().multiply(new BigDecimal("1.5"))).map(Line::amount))
                .assertNext(amount -> assertThat(amount).isEqualByComparingTo("15"))
                .verifyComplete();
        StepVerifier.create(db.line().update(w -> w.entryIdPosition(id, 1).and(a -> a.amount().eq(new BigDecimal("10"))),
                        d -> d.amount().increment(BigDecimal.ONE)))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
        StepVerifier.create(db.line().upsert(w -> w.entryIdPosition(id, 2),
                        c -> c.entryId(id).accountNumber("4000").amount(new BigDecimal("-15")).position(2),
                        u -> u.amount(BigDecimal.ZERO)).map(Line::amount))
                .assertNext(amount -> assertThat(amount).isEqualByComparingTo("-15"))
                .verifyComplete();
        StepVerifier.create(db.line().upsert(w -> w.entryIdPosition(id, 2),
                        c -> c.entryId(id).accountNumber("4000").amount(new BigDecimal("-15")).position(2),
                        u -> u.amount().decrement(new BigDecimal("0.0001"))).map(Line::amount))
                .assertNext(amount -> assertThat(amount).isEqualByComparingTo("-15.0001"))
                .verifyComplete();
        StepVerifier.create(db.line().count()).expectNext(2L).verifyComplete();
    }

    @Test
    void keysAndRelationsAreEnforcedWithTypedErrors() {
        StepVerifier.create(db.user().create(c -> c.email("CLERK@example.com").name("Twin")))
                .expectErrorSatisfies(error -> assertThat(((UniqueConstraintViolationException) error).fields())
                        .containsExactly("email"))
                .verify(WAIT);
        StepVerifier.create(db.entry().create(c -> c.bookedOn(DAY).postedByEmail("ghost@example.com")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                        .hasMessageContaining("relation postedBy"))
                .verify(WAIT);
        long id = entry("INV-1").id();
        StepVerifier.create(db.line().create(c -> c.entryId(id).accountNumber("9999").amount(BigDecimal.ONE).position(1)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                        .hasMessageContaining("relation account"))
                .verify(WAIT);
        StepVerifier.create(db.entry().delete(w -> w.id(id)).map(Entry::reference)).expectNext("INV-1").verifyComplete();
        StepVerifier.create(db.entry().delete(w -> w.id(id))).expectError(RecordNotFoundException.class).verify(WAIT);
        StepVerifier.create(db.user().findMany().map(User::name)).expectNext("Clerk").verifyComplete();
    }

    @Test
    void datesAndTimesOfDayRoundTripAndAGuardedUpdateClosesAPeriodOnce() {
        Instant closesAt = Instant.parse("1970-01-01T18:00:00Z");
        Instant closedAt = Instant.parse("1970-01-01T17:30:15.125Z");
        Period created = db.period().create(c -> c.label("2024-Q2").startsOn(Instant.parse("2024-04-01T00:00:00Z"))
                .endsOn(DAY).closesAt(closesAt)).block(WAIT);
        assertThat(created.startsOn()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
        assertThat(created.endsOn()).isEqualTo(DAY);
        assertThat(created.closesAt()).isEqualTo(closesAt);
        assertThat(created.closedAt()).isNull();
        assertThat(created.closed()).isFalse();
        assertThat(created.rowVersion()).isZero();
        StepVerifier.create(db.period().update(w -> w.label("2024-Q2").and(a -> a.closed().eq(false)),
                        d -> d.closed(true).closedAt(closedAt).rowVersion(1)))
                .assertNext(p -> {
                    assertThat(p.closed()).isTrue();
                    assertThat(p.closedAt()).isEqualTo(closedAt);
                    assertThat(p.rowVersion()).isEqualTo(1);
                })
                .verifyComplete();
        StepVerifier.create(db.period().update(w -> w.label("2024-Q2").and(a -> a.closed().eq(false)),
                        d -> d.closed(true).rowVersion(2)))
                .expectError(RecordNotFoundException.class)
                .verify(WAIT);
        StepVerifier.create(db.period().findUniqueOrThrow(q -> q.where(w -> w.label("2024-Q2"))).map(Period::rowVersion))
                .expectNext(1)
                .verifyComplete();
    }

    @Test
    void moneyIsReadExactlyByEveryStatementThatReturnsIt() {
        StepVerifier.create(db.account().update(w -> w.number_("1000"), u -> u.openingBalance(new BigDecimal("99.99"))))
                .assertNext(cash -> assertThat(cash.openingBalance()).isEqualTo(new BigDecimal("99.99")))
                .verifyComplete();
        StepVerifier.create(db.account().findMany(q -> q.where(w -> w.openingBalance().gte(new BigDecimal("99.99")))
                        .orderBy(o -> o.openingBalance().desc())).map(Account::openingBalance))
                .expectNext(new BigDecimal("1250.75"), new BigDecimal("99.99"))
                .verifyComplete();
        StepVerifier.create(db.account().findMany(q -> q.distinct(AccountField.CURRENCY)
                        .orderBy(o -> o.openingBalance().asc())).map(Account::openingBalance))
                .expectNext(new BigDecimal("99.99"))
                .verifyComplete();
        StepVerifier.create(db.account().aggregate(a -> a.sum(AccountField.OPENING_BALANCE).avg(AccountField.OPENING_BALANCE)
                        .min(AccountField.OPENING_BALANCE).max(AccountField.OPENING_BALANCE)))
                .assertNext(result -> {
                    assertThat(result.sum().openingBalance()).isEqualTo(new BigDecimal("1350.74"));
                    assertThat(result.avg().openingBalance()).isEqualByComparingTo("675.37");
                    assertThat(result.min().openingBalance()).isEqualTo(new BigDecimal("99.99"));
                    assertThat(result.max().openingBalance()).isEqualTo(new BigDecimal("1250.75"));
                })
                .verifyComplete();
        StepVerifier.create(db.account().groupBy(g -> g.by(AccountField.OPENING_BALANCE).count()
                        .orderBy(o -> o.openingBalance().asc())).map(group -> group.openingBalance()))
                .expectNext(new BigDecimal("99.99"), new BigDecimal("1250.75"))
                .verifyComplete();
        StepVerifier.create(db.account().delete(w -> w.number_("4000")))
                .assertNext(sales -> assertThat(sales.openingBalance()).isEqualTo(new BigDecimal("1250.75")))
                .verifyComplete();
    }
}
