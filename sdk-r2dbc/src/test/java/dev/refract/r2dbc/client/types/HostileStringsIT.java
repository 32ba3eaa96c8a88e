package dev.refract.r2dbc.client.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.types.db.Colour;
import com.example.types.db.Maybe;
import com.example.types.db.RefractClient;
import com.example.types.db.Sample;
import dev.refract.error.ErrorCode;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.RefractException;
import dev.refract.json.Json;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Strings built to break quoting — quotes, backslashes, placeholders, comment markers, LIKE
 * wildcards, unicode, emoji, direction marks — as filter values, as list elements and as the keys
 * and values of JSON maps: each is stored as it is and matched only by itself.
 */
@RefractTestDatabases
class HostileStringsIT {

    /** Fragments that quoting, escaping or placeholder numbering could get wrong. */
    private static final List<String> HOSTILE = List.of(
            "'", "''", "\"", "\\", "\\'", "\\\\", "'\\", "$1", "$2::text", "$$", "$tag$", "?", ":name",
            ";--", "; DROP TABLE \"Maybe\";--", "' OR '1'='1", "/*", "*/", "%", "_", "\\%", "\\_", "[a-z]", "*",
            "E'\\x41'", "\\u0000", "{", "}", "{\"a\",NULL}", ",", "NULL", "null", "", " ", "\t", "\n", "\r\n",
            "ü", "ß", "İ", "日本語", "😀", "👩‍👩‍👧", "🏳️‍🌈", "\u202Eevil", "\u200F", "\u200B", "\uFEFF", "\u0085",
            "e\u0301", "\u00A0", "\u007F", "\u001B[31m", "\uD834\uDD1E");

    private static RefractClient client;
    private static final AtomicInteger LABELS = new AtomicInteger();
    /** How many Maybe records hold each text, across the tests of the class. */
    private static final Map<String, Integer> STORED = new HashMap<>();

    @BeforeAll
    static void open(PostgresNamespace postgres) {
        client = TypesDatabase.open(postgres);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** A hostile string: a few fragments glued together, now and then around printable ASCII. */
    private static String hostile(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (String fragment : Draw.listOf(random, 1, 6, r -> Draw.oneOf(r, HOSTILE))) {
            text.append(fragment);
            if (random.nextInt(4) == 0) {
                text.append(Draw.string(random, Draw.PRINTABLE_ASCII, 1, 8));
            }
        }
        return text.toString();
    }

    @Test
    void everyFixedHostileStringIsStoredAndMatchedLiterally() {
        for (String value : HOSTILE) {
            checkLiteral(value);
        }
    }

    @Test
    void randomHostileStringsAreStoredAndMatchedLiterally() {
        RandomCases.forAll(200, HostileStringsIT::hostile, HostileStringsIT::checkLiteral);
    }

    /**
     * Stores {@code value} as a text field and as a JSON map's key and value, then finds the record
     * by every string filter and the JSON equality at once, and counts the records holding it.
     */
    private static void checkLiteral(String value) {
        String label = "h" + LABELS.incrementAndGet();
        Json doc = Json.of(Map.of(value, value, "list", List.of(value)));
        Maybe created = client.maybe().create(m -> m.label(label).text(value).doc(doc)).block();
        assertThat(created).isNotNull();
        assertThat(created.text()).isEqualTo(value);
        assertThat(created.doc()).isEqualTo(doc);
        int copies = STORED.merge(value, 1, Integer::sum);

        StepVerifier.create(client.maybe().findMany(q -> q.where(w -> w.label().eq(label)
                        .text().eq(value).text().contains(value).text().startsWith(value).text().endsWith(value)
                        .text().insensitive().contains(value).text().in(List.of(value, "\u0001unused"))
                        .doc().eq(doc)).select(s -> s.label().text().doc())).collectList())
                .assertNext(found -> {
                    assertThat(found).hasSize(1);
                    assertThat(found.get(0).text()).isEqualTo(value);
                    assertThat(found.get(0).doc()).isEqualTo(doc);
                    assertThat(found.get(0).doc().tree().get(value).textValue()).isEqualTo(value);
                })
                .verifyComplete();
        StepVerifier.create(client.maybe().count(q -> q.where(w -> w.text().eq(value))))
                .expectNext((long) copies)
                .verifyComplete();
    }

    @Test
    void hostileListElementsAreMatchedLiterally() {
        StepVerifier.create(client.sample().create(s -> s.label("hostile-list").flag(true).count_(0).big(0L)
                        .ratio(0.0).amount(BigDecimal.ZERO).at(Instant.EPOCH).atMicros(Instant.EPOCH)
                        .doc(Json.of(HOSTILE)).blob(new byte[0]).colour(Colour.RED).tags(HOSTILE)
                        .scores(List.of()).colours(List.of())))
                .assertNext(created -> assertThat(created.tags()).containsExactlyElementsOf(HOSTILE))
                .verifyComplete();
        for (String value : HOSTILE) {
            StepVerifier.create(client.sample().findMany(q -> q.where(w -> w.tags().has(value)
                            .tags().hasSome(List.of(value)).tags().hasEvery(List.of(value, "'")))).map(Sample::label))
                    .expectNext("hostile-list")
                    .verifyComplete();
        }
        // Wildcards and quotes in an element match only an equal element, never a pattern.
        List<String> lookalikes = List.of("x%", "%%", "_x", "'x", "\\x");
        StepVerifier.create(client.sample().count(q -> q.where(w -> w.tags().hasSome(lookalikes))))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void aNulCharacterIsRefusedWithAClearError() {
        String nul = "before\u0000after";
        assertRefused(client.maybe().create(m -> m.label("nul").text(nul)), "NUL");
        assertRefused(client.maybe().findFirst(q -> q.where(w -> w.text().eq(nul))), "NUL");
        assertRefused(client.maybe().findFirst(q -> q.where(w -> w.text().contains(nul))), "NUL");
        assertRefused(client.maybe().create(m -> m.label("nul-json-value").doc(Json.of(Map.of("k", nul)))), "NUL");
        assertRefused(client.maybe().create(m -> m.label("nul-json-key").doc(Json.of(Map.of(nul, "v")))), "NUL");
        assertRefused(client.sample().findFirst(q -> q.where(w -> w.tags().has(nul))), "NUL");
        StepVerifier.create(client.maybe().count(q -> q.where(w -> w.label().startsWith("nul"))))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark() {
        String broken = "half \uD83D of an emoji";
        assertRefused(client.maybe().create(m -> m.label("surrogate").text(broken)), "lone surrogate");
        assertRefused(client.maybe().findFirst(q -> q.where(w -> w.text().startsWith(broken))), "lone surrogate");
    }

    private static void assertRefused(Mono<?> call, String reason) {
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(InvalidQueryException.class).hasMessageContaining(reason);
                    assertThat(((RefractException) error).code()).isEqualTo(ErrorCode.INVALID_QUERY);
                })
                .verify();
    }
}
