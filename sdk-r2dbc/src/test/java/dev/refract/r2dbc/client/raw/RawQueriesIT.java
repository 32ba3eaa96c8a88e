package dev.refract.r2dbc.client.raw;

import static dev.refract.r2dbc.client.raw.RawDatabase.p;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.raw.db.Member;
import com.example.raw.db.RefractClient;
import com.example.raw.db.Tier;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import dev.refract.r2dbc.suite.CapturingProvider;
import dev.refract.spi.RawStatement;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Raw SQL through the generated client against a real database: reads as maps, as a model's
 * records and as the caller's records; writes with their counts; values built to break quoting
 * stored and matched only as themselves; placeholders counted before anything is sent; errors
 * typed; statements inside a transaction.
 */
@RefractTestDatabases
class RawQueriesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Fragments that quoting, escaping, comment handling or placeholder numbering could get wrong. */
    private static final List<String> HOSTILE = List.of(
            "'", "''", "\"", "\\", "\\'", "\\\\", "'\\", "$1", "$2::text", "$$", "$tag$", "?", "??", ":name", "@p1",
            ";--", "'); DROP TABLE notes; --", "\"); DROP TABLE members; --", "' OR '1'='1", "/*", "*/", "--",
            "#", "%", "_", "\\%", "\\_", "%_%", "E'\\x41'", "\\u0000", "NULL", "null", "", " ", "\t", "\n", "\r\n",
            "ü", "ß", "İ", "日本語", "😀", "👩‍👩‍👧", "🏳️‍🌈", "שלום", "مرحبا", "\u202Eevil", "\u200F", "\u200B",
            "\uFEFF", "e\u0301", "\u00A0", "\u007F", "\u001B[31m", "\uD834\uDD1E");

    private static final CapturingProvider PROVIDER = new CapturingProvider();
    private static final AtomicInteger LABELS = new AtomicInteger();
    /** How many hostile notes hold each body, across the tests of the class. */
    private static final Map<String, Integer> STORED = new HashMap<>();
    private static RefractClient db;

    record MemberSummary(long id, String fullName, Tier tier, OffsetDateTime joinedAt, Double score) {}

    record TierCount(Tier tier, int members) {}

    @BeforeAll
    static void open(PostgresNamespace postgres) {
        db = RawDatabase.open(postgres, PROVIDER, 4);
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    private static String label() {
        return "note-" + LABELS.incrementAndGet();
    }

    private static Member member(String email, String fullName, Tier tier, Double score) {
        return db.member().create(c -> c.email(email).fullName(fullName).tier(tier).score(score)).block(WAIT);
    }

    @Test
    void aReadStreamsRowsAsMapsInColumnOrderWithValuesOfTheClosedSet() {
        Member ada = member("ada@maps.test", "Ada Lovelace", Tier.PRO, 9.5);

        StepVerifier.create(db.queryRaw("db", "SELECT score, full_name, tier, joined_at, id FROM members"
                        + " WHERE email = " + p(1), "ada@maps.test"))
                .assertNext(row -> {
                    assertThat(row.keySet()).containsExactly("score", "full_name", "tier", "joined_at", "id");
                    assertThat(row).containsEntry("score", 9.5).containsEntry("full_name", "Ada Lovelace")
                            .containsEntry("tier", "PRO").containsEntry("joined_at", ada.joinedAt())
                            .containsEntry("id", ada.id());
                })
                .verifyComplete();
    }

    @Test
    void insertUpdateAndDeleteReturnTheNumberOfRowsTheyChanged() {
        String first = label();
        String second = label();

        StepVerifier.create(db.executeRaw("db", "INSERT INTO notes (label, body) VALUES (" + p(1) + ", " + p(2)
                        + "), (" + p(3) + ", " + p(4) + ")", first, "one", second, "two"))
                .expectNext(2L).verifyComplete();
        StepVerifier.create(db.executeRaw("db", "UPDATE notes SET body = " + p(1) + " WHERE label IN (" + p(2)
                        + ", " + p(3) + ")", "changed", first, second))
                .expectNext(2L).verifyComplete();
        StepVerifier.create(db.queryRaw("db", "SELECT body FROM notes WHERE label = " + p(1), first)
                        .map(row -> row.get("body")))
                .expectNext("changed").verifyComplete();
        StepVerifier.create(db.executeRaw("db", "DELETE FROM notes WHERE label = " + p(1), first))
                .expectNext(1L).verifyComplete();
        StepVerifier.create(db.executeRaw("db", "DELETE FROM notes WHERE label = " + p(1), first))
                .expectNext(0L).verifyComplete();
        StepVerifier.create(db.note().count(q -> q.where(w -> w.label().in(List.of(first, second)))))
                .expectNext(1L).verifyComplete();
    }

    @Test
    void aTextOfSeveralStatementsWithoutArgumentsReturnsTheirSummedCounts() {
        StepVerifier.create(db.executeRaw("db", "INSERT INTO notes (label, body) VALUES ('multi-1', 'a');"
                        + " INSERT INTO notes (label, body) VALUES ('multi-2', 'b'), ('multi-3', 'c')"))
                .expectNext(3L).verifyComplete();
    }

    @Test
    void everyFixedHostileValueIsStoredAndMatchedLiterally() {
        HOSTILE.forEach(RawQueriesIT::checkLiteral);
        checkLiteral("'); DROP TABLE notes; --".repeat(20_000));
        checkLiteral(String.join("", HOSTILE));
        StepVerifier.create(db.note().count()).as("the notes table is still there").expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void randomHostileValuesAreStoredAndMatchedLiterally() {
        RandomCases.forAll(100, RawQueriesIT::hostile, RawQueriesIT::checkLiteral);
    }

    /** A hostile string: a few fragments glued together, now and then around printable ASCII. */
    private static String hostile(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int i = Draw.between(random, 1, 6); i > 0; i--) {
            text.append(Draw.oneOf(random, HOSTILE));
            if (random.nextInt(4) == 0) {
                text.append(Draw.string(random, Draw.PRINTABLE_ASCII, 1, 8));
            }
        }
        return text.toString();
    }

    /**
     * Stores {@code value} with executeRaw, then finds it by equality with queryRaw, reads it back
     * through the typed client, and counts the hostile notes holding exactly it.
     */
    private static void checkLiteral(String value) {
        String label = "hostile-" + LABELS.incrementAndGet();
        assertThat(db.executeRaw("db", "INSERT INTO notes (label, body) VALUES (" + p(1) + ", " + p(2) + ")",
                label, value).block(WAIT)).isEqualTo(1L);
        int copies;
        synchronized (STORED) {
            copies = STORED.merge(value, 1, Integer::sum);
        }

        StepVerifier.create(db.queryRaw("db", "SELECT label, body FROM notes WHERE body = " + p(1)
                        + " AND label = " + p(2), value, label))
                .assertNext(row -> assertThat(row).isEqualTo(Map.of("label", label, "body", value)))
                .verifyComplete();
        StepVerifier.create(db.note().findUnique(q -> q.where(w -> w.label(label))).map(note -> note.body()))
                .expectNext(value).verifyComplete();
        StepVerifier.create(db.queryRaw("db", "SELECT count(*) AS copies FROM notes WHERE body = " + p(1)
                        + " AND label LIKE 'hostile-%'", value).map(row -> row.get("copies")))
                .expectNext((long) copies).verifyComplete();
    }

    @Test
    void anEmptyStringAndANullAreDifferentValues() {
        String empty = label();
        String missing = label();
        String insert = "INSERT INTO notes (label, body) VALUES (" + p(1) + ", " + p(2) + ")";
        StepVerifier.create(db.executeRaw("db", insert, empty, "")).expectNext(1L).verifyComplete();
        StepVerifier.create(db.executeRaw("db", insert, missing, null)).expectNext(1L).verifyComplete();

        StepVerifier.create(db.queryRaw("db", "SELECT label FROM notes WHERE body = " + p(1) + " AND label IN ("
                        + p(2) + ", " + p(3) + ")", "", empty, missing).map(row -> row.get("label")))
                .expectNext(empty).verifyComplete();
        StepVerifier.create(db.queryRaw("db", "SELECT label, body FROM notes WHERE body IS NULL AND label IN ("
                        + p(1) + ", " + p(2) + ")", empty, missing))
                .assertNext(row -> assertThat(row).containsEntry("label", missing).containsEntry("body", null))
                .verifyComplete();
    }

    @Test
    void rowsMapToAModelsRecordByColumnNameRespectingMap() {
        Member grace = member("grace@model.test", "Grace Hopper", Tier.FREE, null);

        StepVerifier.create(db.queryRaw("db", Member.class, "SELECT * FROM members WHERE email = " + p(1),
                        "grace@model.test"))
                .assertNext(found -> {
                    assertThat(found.id()).isEqualTo(grace.id());
                    assertThat(found.email()).isEqualTo("grace@model.test");
                    assertThat(found.fullName()).isEqualTo("Grace Hopper");
                    assertThat(found.tier()).isEqualTo(Tier.FREE);
                    assertThat(found.joinedAt()).isEqualTo(grace.joinedAt());
                    assertThat(found.score()).isNull();
                })
                .verifyComplete();
        StepVerifier.create(db.queryRaw("db", Member.class, "SELECT id, email AS \"EMAIL\", full_name AS"
                        + " \"Full_Name\", tier, joined_at FROM members WHERE email = " + p(1), "grace@model.test")
                        .map(Member::fullName))
                .as("labels differing only in case match, optional fields may be left out")
                .expectNext("Grace Hopper").verifyComplete();
    }

    @Test
    void aModelsRecordNeedsEveryRequiredFieldAndNoUnknownColumn() {
        member("linus@model.test", "Linus", Tier.FREE, null);

        StepVerifier.create(db.queryRaw("db", Member.class, "SELECT id, email FROM members WHERE email = " + p(1),
                        "linus@model.test"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("field 'fullName' of model Member").hasMessageContaining("\"full_name\"")
                        .satisfies(e -> assertThat(((InvalidQueryException) e).fields()).containsExactly("fullName")))
                .verify(WAIT);
        StepVerifier.create(db.queryRaw("db", Member.class, "SELECT *, 1 AS bonus FROM members WHERE email = "
                        + p(1), "linus@model.test"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("Column 'bonus'").hasMessageContaining("full_name"))
                .verify(WAIT);
        PROVIDER.awaitIdlePool(WAIT);
    }

    @Test
    void rowsMapToTheCallersRecordsByComponentName() {
        Member alan = member("alan@records.test", "Alan Turing", Tier.PRO, 7.25);
        member("joan@records.test", "Joan Clarke", Tier.PRO, null);
        member("tommy@records.test", "Tommy Flowers", Tier.FREE, null);

        StepVerifier.create(db.queryRaw("db", MemberSummary.class, "SELECT id, full_name, tier, joined_at, score"
                        + " FROM members WHERE email = " + p(1), "alan@records.test"))
                .expectNext(new MemberSummary(alan.id(), "Alan Turing", Tier.PRO,
                        alan.joinedAt().atOffset(ZoneOffset.UTC), 7.25))
                .verifyComplete();
        StepVerifier.create(db.queryRaw("db", TierCount.class, "SELECT tier, count(*) AS members FROM members"
                        + " WHERE email LIKE " + p(1) + " GROUP BY tier ORDER BY tier", "%@records.test"))
                .expectNext(new TierCount(Tier.FREE, 1), new TierCount(Tier.PRO, 2))
                .verifyComplete();
        StepVerifier.create(db.queryRaw("db", MemberSummary.class, "SELECT id, tier FROM members"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("Component 'fullName'").hasMessageContaining("id, tier"))
                .verify(WAIT);
    }

    @Test
    void argumentsOfEveryBoundTypeArriveAsThemselves() {
        Instant at = Instant.parse("2026-02-03T04:05:06.123456Z");
        UUID id = UUID.fromString("0190a6e4-1c2d-7a3b-8c4d-5e6f708192a3");
        Json doc = Json.of(Map.of("k", List.of(1, "two")));

        StepVerifier.create(db.queryRaw("db", "SELECT " + RawDatabase.typed(1, "timestamptz") + " AS at, "
                        + RawDatabase.typed(2, "numeric") + " AS amount, " + RawDatabase.typed(3, "uuid") + " AS id, "
                        + RawDatabase.typed(4, "date") + " AS day, " + RawDatabase.typed(5, "bytea") + " AS blob, "
                        + RawDatabase.typed(6, "jsonb") + " AS doc, " + RawDatabase.typed(7, "int[]") + " AS numbers, "
                        + RawDatabase.typed(8, "boolean") + " AS flag, " + RawDatabase.typed(9, "bigint") + " AS big, "
                        + RawDatabase.typed(10, "text") + " AS tier",
                        at, new BigDecimal("12.3400"), id, LocalDate.of(2026, 2, 3), new byte[] {0, 1, (byte) 255}, doc,
                        List.of(3, 1, 2), true, Long.MAX_VALUE, Tier.PRO))
                .assertNext(row -> {
                    assertThat(row).containsEntry("at", at).containsEntry("amount", new BigDecimal("12.3400"))
                            .containsEntry("id", id.toString()).containsEntry("doc", doc)
                            .containsEntry("numbers", List.of(3, 1, 2)).containsEntry("flag", true)
                            .containsEntry("big", Long.MAX_VALUE).containsEntry("tier", "PRO")
                            .containsEntry("day", Instant.parse("2026-02-03T00:00:00Z"));
                    assertThat((byte[]) row.get("blob")).containsExactly(0, 1, 255);
                })
                .verifyComplete();
    }

    @Test
    void placeholdersAreCountedBeforeAnythingIsSent() {
        StepVerifier.create(db.queryRaw("db", "SELECT " + p(1) + " AS a, " + p(2) + " AS b", "only one"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("placeholders up to $2").hasMessageContaining("1 argument was given"))
                .verify(WAIT);
        StepVerifier.create(db.executeRaw("db", "UPDATE notes SET body = '" + p(1) + "'", "spliced?"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("no placeholder").hasMessageContaining("1 argument was given"))
                .verify(WAIT);
        StepVerifier.create(db.queryRaw("db", "SELECT '" + p(1) + "' AS text").map(row -> row.get("text")))
                .expectNext(p(1)).verifyComplete();
    }

    @Test
    void anArgumentOfAnotherTypeIsRefusedNamingItsPosition() {
        StepVerifier.create(db.queryRaw("db", "SELECT " + p(1) + " AS a, " + p(2) + " AS b", "fine", new Date()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("Argument 2").hasMessageContaining("java.util.Date"))
                .verify(WAIT);
    }

    @Test
    void aUniqueViolationOfARawInsertIsTyped() {
        member("dup@errors.test", "First", Tier.FREE, null);

        StepVerifier.create(db.executeRaw("db", "INSERT INTO members (email, full_name, tier, joined_at) VALUES ("
                        + p(1) + ", " + p(2) + ", " + RawDatabase.enumArgument(3, "Tier") + ", " + p(4) + ")",
                        "dup@errors.test", "Second", Tier.PRO, Instant.now()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UniqueConstraintViolationException.class)
                        .satisfies(e -> {
                            UniqueConstraintViolationException unique = (UniqueConstraintViolationException) e;
                            assertThat(unique.model()).isEqualTo("Member");
                            assertThat(unique.fields()).containsExactly("email");
                        })
                        .hasMessageNotContaining("dup@errors.test"))
                .verify(WAIT);
    }

    @Test
    void theUnsafeFormsRunTextAssembledByCodeAndStillBindTheirArguments() {
        String table = List.of("members", "notes").get(1);
        String label = label();
        String body = "'); DROP TABLE " + table + "; --";

        StepVerifier.create(db.executeRawUnsafe("db", "INSERT INTO " + table + " (label, body) VALUES (" + p(1)
                        + ", " + p(2) + ")", label, body))
                .expectNext(1L).verifyComplete();
        StepVerifier.create(db.queryRawUnsafe("db", "SELECT body FROM " + table + " WHERE label = " + p(1), label)
                        .map(row -> row.get("body")))
                .expectNext(body).verifyComplete();
        StepVerifier.create(db.queryRawUnsafe("db", TierCount.class, "SELECT 'PRO' AS tier, 2 AS members"))
                .expectNext(new TierCount(Tier.PRO, 2)).verifyComplete();
    }

    @Test
    void aDatasourceWithoutSqlOrNotInTheSchemaIsRefused() {
        StepVerifier.create(db.queryRaw("cache", "GET session"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("'cache' (provider redis) does not run SQL"))
                .verify(WAIT);
        StepVerifier.create(db.executeRaw("sb", "SELECT 1"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("'sb'").hasMessageContaining("db, cache"))
                .verify(WAIT);
    }

    @Test
    void rawStatementsInsideATransactionRunOnItsConnectionAndRollBackWithIt() {
        String kept = label();
        String undone = label();
        String insert = "INSERT INTO notes (label, body) VALUES (" + p(1) + ", 'tx')";
        db.note().count().block(WAIT); // starts the adapter the transactions run on

        StepVerifier.create(PROVIDER.adapter().inTransaction(tx -> tx.executeRaw(RawStatement.of(insert, kept))
                        .thenMany(tx.queryRaw(RawStatement.of("SELECT count(*) AS seen FROM notes WHERE label = "
                                + p(1), kept)))))
                .assertNext(row -> assertThat(row.get(0)).as("the transaction sees its own insert").isEqualTo(1L))
                .verifyComplete();
        StepVerifier.create(PROVIDER.adapter().inTransaction(tx -> tx.executeRaw(RawStatement.of(insert, undone))
                        .then(Mono.error(new IllegalStateException("undo")))))
                .expectError()
                .verify(WAIT);

        StepVerifier.create(db.note().count(q -> q.where(w -> w.label().in(List.of(kept, undone)))))
                .expectNext(1L).verifyComplete();
        PROVIDER.awaitIdlePool(WAIT);
    }
}
