package dev.refract.conformance.scalars;

import static dev.refract.conformance.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.Items;
import dev.refract.conformance.client.Item;
import dev.refract.conformance.client.ItemCreate;
import dev.refract.conformance.client.Post;
import dev.refract.conformance.client.RefractClient;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values at the edges of each scalar type stored and read back unchanged, and the defaults a schema declares. */
@Conformance
class ScalarRoundTripIT {

    private final ConformanceContext context;
    private final RefractClient db;

    ScalarRoundTripIT(ConformanceContext context) {
        this.context = context;
        this.db = context.client();
    }

    @BeforeEach
    void clear() {
        context.clear();
    }

    private Item stored(ItemCreate item) {
        Items.create(db, item);
        return db.item().findFirstOrThrow(q -> q.orderBy(o -> o.code().desc())).block(ConformanceContext.WAIT);
    }

    @Test
    void wholeNumbersKeepTheirExtremes() {
        assertThat(stored(item("a").quantity(Integer.MIN_VALUE).big(Long.MIN_VALUE)))
                .satisfies(item -> {
                    assertThat(item.quantity()).isEqualTo(Integer.MIN_VALUE);
                    assertThat(item.big()).isEqualTo(Long.MIN_VALUE);
                });
        assertThat(stored(item("b").quantity(Integer.MAX_VALUE).big(Long.MAX_VALUE)))
                .satisfies(item -> {
                    assertThat(item.quantity()).isEqualTo(Integer.MAX_VALUE);
                    assertThat(item.big()).isEqualTo(Long.MAX_VALUE);
                });
    }

    @Test
    void floatsKeepEveryBitOfFiniteValues() {
        double[] values = {0.1, 1e-300, -1.7976931348623157e308, 2.2250738585072014e-308, 123456789.123456789};
        for (int i = 0; i < values.length; i++) {
            assertThat(stored(item("f" + i).ratio(values[i])).ratio()).isEqualTo(values[i]);
        }
    }

    @Test
    void decimalsKeepTheirDigits() {
        assertThat(stored(item("a").amount(new BigDecimal("12345678901234567890.123456789"))).amount())
                .isEqualByComparingTo("12345678901234567890.123456789");
        assertThat(stored(item("b").amount(new BigDecimal("-0.000000001"))).amount())
                .isEqualByComparingTo("-0.000000001");
    }

    @Test
    void dateTimesAreInstantsWithMillisecondsBeforeAndAfterTheEpoch() {
        Instant before = Instant.parse("1901-12-13T20:45:52.001Z");
        Instant after = Instant.parse("2999-12-31T23:59:59.999Z");
        assertThat(stored(item("a").at(before)).at()).isEqualTo(before);
        Item late = stored(item("b").at(after).due(Instant.EPOCH));
        assertThat(late.at()).isEqualTo(after);
        assertThat(late.due()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void jsonValuesOfEveryShapeRoundTrip() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("text", "quote \" backslash \\ unicode é😀");
        nested.put("number", 12.5);
        nested.put("whole", 9_007_199_254_740_993L);
        nested.put("flag", false);
        nested.put("missing", null);
        nested.put("list", Arrays.asList(1, "two", null, Map.of("three", List.of())));
        nested.put("$gt", Map.of("dotted.key", 1));
        List<Json> values = List.of(Json.of(nested), Json.of(List.of()), Json.of(Map.of()), Json.of("just text"),
                Json.of(42), Json.of(true));
        for (int i = 0; i < values.size(); i++) {
            Json value = values.get(i);
            assertThat(stored(item("j" + i).doc(value)).doc()).as("the JSON value %s", value).isEqualTo(value);
        }
    }

    @Test
    void aJsonNullInARequiredFieldIsReadBackAsAJsonNullNotAsAMissingValue() {
        Json jsonNull = Json.parse("null");
        Item item = stored(item("a").doc(jsonNull));
        assertThat(item.doc()).isNotNull().isEqualTo(jsonNull);
    }

    @Test
    void bytesKeepEveryOctet() {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        assertThat(stored(item("a").blob(every)).blob()).containsExactly(every);
        assertThat(stored(item("b").blob(new byte[0])).blob()).isEmpty();
    }

    @Test
    void textKeepsEveryCharacter() {
        String text = "line\nbreak\ttab 'single' \"double\" \\ é ß 中文 😀 \u00a0";
        assertThat(stored(item("a").name(text)).name()).isEqualTo(text);
        // 191 characters: what a String column of MySQL holds without a native type.
        String longText = "x".repeat(191);
        assertThat(stored(item("b").note(longText)).note()).isEqualTo(longText);
    }

    @Test
    void createFillsTheDefaultsTheSchemaDeclares() {
        String author = db.author().create(c -> c.email("a@example.com").name("A")).block(ConformanceContext.WAIT).id();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Post post = db.post().create(c -> c.title("t").authorId(author)).block(ConformanceContext.WAIT);
        Instant after = Instant.now().plusMillis(1);
        assertThat(post.views()).isZero();
        assertThat(post.published()).isFalse();
        assertThat(post.createdAt()).isBetween(before, after);
        assertThat(post.updatedAt()).isBetween(before, after);
        assertThat(db.post().findUniqueOrThrow(q -> q.where(w -> w.id(post.id()))).block(ConformanceContext.WAIT))
                .isEqualTo(post);
    }

    @Test
    void anUpdateRefreshesUpdatedAtAndKeepsCreatedAt() throws InterruptedException {
        String author = db.author().create(c -> c.email("a@example.com").name("A")).block(ConformanceContext.WAIT).id();
        Post post = db.post().create(c -> c.title("t").authorId(author)).block(ConformanceContext.WAIT);
        Thread.sleep(5);
        Post updated = db.post().update(w -> w.id(post.id()), d -> d.views().increment(1)).block(ConformanceContext.WAIT);
        assertThat(updated.createdAt()).isEqualTo(post.createdAt());
        assertThat(updated.updatedAt()).isAfter(post.updatedAt());
    }
}
