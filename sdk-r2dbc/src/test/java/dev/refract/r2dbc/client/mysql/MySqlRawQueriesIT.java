package dev.refract.r2dbc.client.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.raw.mysql.db.Member;
import com.example.raw.mysql.db.RefractClient;
import com.example.raw.mysql.db.RefractClientMetadata;
import com.example.raw.mysql.db.Tier;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.suite.CapturingProvider;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Raw SQL through the generated client on MySQL/MariaDB: {@code ?} placeholders counted before
 * anything is sent, rows as maps of the closed set, update counts, hostile values stored and matched
 * only as themselves, and typed errors.
 */
@RefractTestDatabases
class MySqlRawQueriesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Fragments that quoting, escaping, comment handling or placeholder counting could get wrong. */
    private static final List<String> HOSTILE = List.of(
            "'", "''", "\"", "\\", "\\'", "\\\\", "'\\", "`", "``", "$1", "?", "??", "'?'", ":name", "@p1",
            ";--", "-- ", "'); DROP TABLE notes; --", "`); DROP TABLE members; #", "' OR '1'='1", "/*", "*/", "/*!",
            "#", "%", "_", "\\%", "\\_", "%_%", "\\0", "\\Z", "\\n", "0x41", "\\u0000", "\u0000", "NULL", "null", "",
            " ", "\t", "\n", "\r\n", "ü", "ß", "İ", "日本語", "😀", "👩‍👩‍👧", "🏳️‍🌈", "שלום", "مرحبا", "\u202Eevil",
            "\u200F", "\u200B", "\uFEFF", "e\u0301", "\u00A0", "\u007F", "\u001B[31m", "\uD834\uDD1E");

    private static final CapturingProvider PROVIDER = new CapturingProvider();
    private static final AtomicInteger LABELS = new AtomicInteger();
    /** How many hostile notes hold each body, across the tests of the class. */
    private static final Map<String, Integer> STORED = new HashMap<>();
    private static RefractClient db;

    @BeforeAll
    static void open(MysqlNamespace mysql) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(mysql.r2dbcUrl())).block(WAIT);
        db = RefractClient.builder().datasource("db", mysql.r2dbcUrl()).poolSize("db", 4).adapterProvider(PROVIDER)
                .build();
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    private static String label() {
        return "note-" + LABELS.incrementAndGet();
    }

    @Test
    void aReadStreamsRowsAsMapsInColumnOrderWithValuesOfTheClosedSet() {
        Member ada = db.member().create(c -> c.email("ada@maps.test").fullName("Ada Lovelace").tier(Tier.PRO)
                .score(9.5)).block(WAIT);

        StepVerifier.create(db.queryRaw("db", "SELECT score, full_name, tier, joined_at, id FROM members"
                        + " WHERE email = ?", "ada@maps.test"))
                .assertNext(row -> {
                    assertThat(row.keySet()).containsExactly("score", "full_name", "tier", "joined_at", "id");
                    assertThat(row).containsEntry("score", 9.5).containsEntry("full_name", "Ada Lovelace")
                            .containsEntry("tier", "PRO").containsEntry("joined_at", ada.joinedAt());
                    assertThat(((Number) row.get("id")).longValue()).isEqualTo((long) ada.id());
                })
                .verifyComplete();
    }

    @Test
    void instantsBoundAsArgumentsArriveInUtc() {
        Instant at = Instant.parse("2026-02-03T04:05:06.123Z");
        StepVerifier.create(db.queryRaw("db", "SELECT CAST(? AS DATETIME(3)) AS at, ? AS tier", at, Tier.PRO))
                .assertNext(row -> assertThat(row).containsEntry("at", at).containsEntry("tier", "PRO"))
                .verifyComplete();
    }

    @Test
    void insertUpdateAndDeleteReturnTheNumberOfRowsTheyChanged() {
        String first = label();
        String second = label();

        StepVerifier.create(db.executeRaw("db", "INSERT INTO notes (label, body) VALUES (?, ?), (?, ?)",
                        first, "one", second, "two"))
                .expectNext(2L).verifyComplete();
        StepVerifier.create(db.executeRaw("db", "UPDATE notes SET body = ? WHERE label IN (?, ?)", "changed",
                        first, second))
                .expectNext(2L).verifyComplete();
        StepVerifier.create(db.queryRaw("db", "SELECT body FROM notes WHERE label = ?", first)
                        .map(row -> row.get("body")))
                .expectNext("changed").verifyComplete();
        StepVerifier.create(db.executeRaw("db", "DELETE FROM notes WHERE label = ?", first))
                .expectNext(1L).verifyComplete();
        StepVerifier.create(db.executeRaw("db", "DELETE FROM notes WHERE label = ?", first))
                .expectNext(0L).verifyComplete();
    }

    @Test
    void everyFixedHostileValueIsStoredAndMatchedLiterally() {
        HOSTILE.forEach(MySqlRawQueriesIT::checkLiteral);
        checkLiteral("'); DROP TABLE notes; --".repeat(20_000));
        checkLiteral(String.join("", HOSTILE));
        StepVerifier.create(db.note().count()).as("the notes table is still there").expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void randomHostileValuesAreStoredAndMatchedLiterally() {
        RandomCases.forAll(100, MySqlRawQueriesIT::hostile, MySqlRawQueriesIT::checkLiteral);
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
     * Stores {@code value} with executeRaw, then finds it by byte-exact equality with queryRaw (the
     * column's collation would match other case and trailing spaces), reads it back through the typed
     * client, and counts the hostile notes holding exactly it.
     */
    private static void checkLiteral(String value) {
        String label = "hostile-" + LABELS.incrementAndGet();
        assertThat(db.executeRaw("db", "INSERT INTO notes (label, body) VALUES (?, ?)", label, value).block(WAIT))
                .isEqualTo(1L);
        int copies;
        synchronized (STORED) {
            copies = STORED.merge(value, 1, Integer::sum);
        }

        StepVerifier.create(db.queryRaw("db", "SELECT label, body FROM notes WHERE CAST(body AS BINARY) ="
                        + " CAST(? AS BINARY) AND label = ?", value, label))
                .assertNext(row -> assertThat(row).isEqualTo(Map.of("label", label, "body", value)))
                .verifyComplete();
        StepVerifier.create(db.note().findUnique(q -> q.where(w -> w.label(label))).map(note -> note.body()))
                .expectNext(value).verifyComplete();
        StepVerifier.create(db.queryRaw("db", "SELECT count(*) AS copies FROM notes WHERE CAST(body AS BINARY) ="
                        + " CAST(? AS BINARY) AND label LIKE 'hostile-%'", value)
                        .map(row -> ((Number) row.get("copies")).longValue()))
                .expectNext((long) copies).verifyComplete();
    }

    @Test
    void anEmptyStringAndANullAreDifferentValues() {
        String empty = label();
        String missing = label();
        String insert = "INSERT INTO notes (label, body) VALUES (?, ?)";
        StepVerifier.create(db.executeRaw("db", insert, empty, "")).expectNext(1L).verifyComplete();
        StepVerifier.create(db.executeRaw("db", insert, missing, null)).expectNext(1L).verifyComplete();

        StepVerifier.create(db.queryRaw("db", "SELECT label FROM notes WHERE body = ? AND label IN (?, ?)", "",
                        empty, missing).map(row -> row.get("label")))
                .expectNext(empty).verifyComplete();
        StepVerifier.create(db.queryRaw("db", "SELECT label, body FROM notes WHERE body IS NULL AND label IN (?, ?)",
                        empty, missing))
                .assertNext(row -> assertThat(row).containsEntry("label", missing).containsEntry("body", null))
                .verifyComplete();
    }

    @Test
    void placeholdersAreCountedBeforeAnythingIsSent() {
        StepVerifier.create(db.queryRaw("db", "SELECT ? AS a, ? AS b", "only one"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("1 argument was given"))
                .verify(WAIT);
        StepVerifier.create(db.executeRaw("db", "UPDATE notes SET body = '?' WHERE label = `?`", "spliced?"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("1 argument was given"))
                .verify(WAIT);
        StepVerifier.create(db.queryRaw("db", "SELECT '?' AS text /* ? */").map(row -> row.get("text")))
                .expectNext("?").verifyComplete();
    }

    @Test
    void aUniqueViolationOfARawInsertIsTyped() {
        db.member().create(c -> c.email("dup@errors.test").fullName("First")).block(WAIT);

        StepVerifier.create(db.executeRaw("db", "INSERT INTO members (email, full_name, tier, joined_at)"
                        + " VALUES (?, ?, ?, ?)", "dup@errors.test", "Second", Tier.PRO, Instant.now()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UniqueConstraintViolationException.class)
                        .satisfies(e -> {
                            UniqueConstraintViolationException unique = (UniqueConstraintViolationException) e;
                            assertThat(unique.model()).isEqualTo("Member");
                            assertThat(unique.fields()).containsExactly("email");
                        })
                        .hasMessageNotContaining("dup@errors.test"))
                .verify(WAIT);
    }
}
