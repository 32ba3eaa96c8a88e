package dev.refract.r2dbc.client.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ledger.db.Account;
import com.example.ledger.db.AccountCreate;
import com.example.ledger.db.AccountKind;
import com.example.ledger.db.Entry;
import com.example.ledger.db.Line;
import com.example.ledger.db.Period;
import com.example.ledger.db.Permission;
import com.example.ledger.db.RefractClient;
import com.example.ledger.db.RefractClientMetadata;
import com.example.ledger.db.User;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The ledger schema's native column types (citext, inet, money, bit, char, date, time, timetz,
 * oid, real, smallint, xml, enum arrays) written and read through its generated client.
 */
@RefractTestDatabases
class LedgerNativeTypesIT {

    private static RefractClient client;

    @BeforeAll
    static void open(PostgresNamespace postgres) {
        // @db.Citext needs the citext extension, which a Prisma schema enables in its datasource.
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS citext");
        } catch (SQLException e) {
            Assumptions.abort("the citext extension is not available on this server: " + e.getMessage());
        }
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block();
        client = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void citextInetAndEnumArraysRoundTrip() {
        User created = client.user().create(u -> u.email("Ada@Example.com").name("Ada")
                .lastLoginIp("192.168.0.1")).block();
        assertThat(created).isNotNull();
        assertThat(created.permissions()).containsExactly(Permission.READ);
        StepVerifier.create(client.user().findUnique(q -> q.where(w -> w.email("ada@EXAMPLE.com"))))
                .assertNext(user -> {
                    assertThat(user.email()).isEqualTo("Ada@Example.com");
                    assertThat(user.lastLoginIp()).isEqualTo("192.168.0.1");
                    assertThat(user.permissions()).containsExactly(Permission.READ);
                })
                .verifyComplete();
        StepVerifier.create(client.user().create(u -> u.email("bob@example.com").name("Bob")
                        .permissions(List.of(Permission.POST_ENTRIES, Permission.ADMIN)))
                        .thenMany(client.user().findMany(q -> q.where(w -> w.permissions().has(Permission.ADMIN))))
                        .map(User::email))
                .expectNext("bob@example.com")
                .verifyComplete();
        StepVerifier.create(client.user().count(q -> q.where(w -> w.email().contains("EXAMPLE"))))
                .expectNext(2L)
                .verifyComplete();
    }

    @Test
    void bitAndCharRoundTripWithDefaultsAndMoneyFilters() {
        // A money column is read back as the exact decimal (scale 2, as money stores it).
        StepVerifier.create(client.account().createMany(List.of(
                                new AccountCreate().number_("1000").name("Cash").kind(AccountKind.ASSET)
                                        .openingBalance(new BigDecimal("1234.56")).flags("10100000").currency("USD"),
                                new AccountCreate().number_("2000").name("Loans").kind(AccountKind.LIABILITY)))
                        .thenMany(client.account().findMany(q -> q.where(w -> w.number_().in("1000", "2000"))
                                .orderBy(o -> o.number_().asc()))))
                .assertNext(cash -> {
                    assertThat(cash.flags()).isEqualTo("10100000");
                    assertThat(cash.currency()).isEqualTo("USD");
                    assertThat(cash.kind()).isEqualTo(AccountKind.ASSET);
                    assertThat(cash.archived()).isFalse();
                    assertThat(cash.openingBalance()).isEqualTo(new BigDecimal("1234.56"));
                })
                .assertNext(loans -> {
                    assertThat(loans.openingBalance()).isEqualTo(new BigDecimal("0.00"));
                    assertThat(loans.flags()).isEqualTo("00000000");
                    assertThat(loans.currency()).isEqualTo("EUR");
                })
                .verifyComplete();
        StepVerifier.create(client.account().findMany(q -> q.where(w -> w.openingBalance().gt(new BigDecimal("1000"))
                        .flags().eq("10100000"))).map(account -> account.number() + " " + account.openingBalance()))
                .expectNext("1000 1234.56")
                .verifyComplete();
    }

    @Test
    void datesBigIntKeysXmlAndNumericColumnsRoundTrip() {
        client.user().create(u -> u.email("clerk@example.com").name("Clerk")).block();
        client.account().createMany(List.of(new AccountCreate().number_("3000").name("Sales")
                .kind(AccountKind.INCOME))).block();
        Entry entry = client.entry().create(e -> e.bookedOn(Instant.parse("2026-03-29T23:30:00Z"))
                .postedByEmail("clerk@example.com").attachment("<receipt id=\"1\">€ &amp; ✓</receipt>")).block();
        assertThat(entry).isNotNull();
        assertThat(entry.id()).isPositive();
        // A date column keeps the day of the instant in UTC and drops the time of day.
        assertThat(entry.bookedOn()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(entry.attachment()).isEqualTo("<receipt id=\"1\">€ &amp; ✓</receipt>");
        assertThat(entry.recordedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        Instant day = Instant.parse("2026-03-29T00:00:00Z");
        StepVerifier.create(client.entry().findMany(q -> q.where(w -> w.bookedOn().eq(day)))
                        .map(Entry::id))
                .expectNext(entry.id())
                .verifyComplete();

        StepVerifier.create(client.line().create(l -> l.entryId(entry.id()).accountNumber("3000")
                        .amount(new BigDecimal("-123456789012345.6789")).position(Short.MAX_VALUE + 0)))
                .assertNext(line -> {
                    assertThat(line.amount()).isEqualTo(new BigDecimal("-123456789012345.6789"));
                    assertThat(line.exchangeRate()).isEqualTo(new BigDecimal("1.00000000"));
                    assertThat(line.taxRate()).isEqualTo((double) 0.19f);
                    assertThat(line.weight()).isEqualTo(-1.0);
                    assertThat(line.position()).isEqualTo((int) Short.MAX_VALUE);
                })
                .verifyComplete();
        int position = Short.MAX_VALUE;
        StepVerifier.create(client.line().findUnique(q -> q.where(w -> w.entryIdPosition(entry.id(), position)))
                        .map(Line::accountNumber))
                .expectNext("3000")
                .verifyComplete();
    }

    @Test
    void timesOfDayAndOidsRoundTrip() {
        StepVerifier.create(client.period().create(p -> p.label("2026-Q1")
                                .startsOn(Instant.parse("2026-01-01T00:00:00Z"))
                                .endsOn(Instant.parse("2026-03-31T00:00:00Z"))
                                .closesAt(Instant.parse("1970-01-01T17:30:00.600Z"))
                                .closedAt(Instant.parse("1970-01-01T18:00:00.123456Z")).rowVersion(7))
                        .then(client.period().findUnique(q -> q.where(w -> w.label("2026-Q1")))))
                .assertNext(period -> {
                    assertThat(period.startsOn()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
                    assertThat(period.endsOn()).isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
                    // time(0) rounds to the second; timetz(3) keeps milliseconds.
                    assertThat(period.closesAt()).isEqualTo(Instant.parse("1970-01-01T17:30:01Z"));
                    assertThat(period.closedAt()).isEqualTo(Instant.parse("1970-01-01T18:00:00.123Z"));
                    assertThat(period.rowVersion()).isEqualTo(7);
                    assertThat(period.closed()).isFalse();
                })
                .verifyComplete();
        StepVerifier.create(client.period().findMany(q -> q.where(w -> w.closedAt().isNotNull().rowVersion().gte(7)))
                        .map(Period::label))
                .expectNext("2026-Q1")
                .verifyComplete();
    }
}
