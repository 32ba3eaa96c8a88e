package dev.refract.r2dbc.suite.scalars;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.scalars.db.Colour;
import com.example.scalars.db.Maybe;
import com.example.scalars.db.RefractClient;
import com.example.scalars.db.RefractClientMetadata;
import com.example.scalars.db.Sample;
import com.example.scalars.db.SampleCreate;
import dev.refract.json.Json;
import dev.refract.r2dbc.suite.RelationalSuite;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Every scalar type both databases hold, written through the generated client's create and read
 * back by findUnique: the codecs of each database, its session in UTC, and the records writes
 * return. What only one database holds is proved by that database's own round trip.
 */
@RelationalSuite
class ScalarRoundTripIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RefractClient client;

    @BeforeAll
    static void open(SuiteDatabase server) {
        server.push(RefractClientMetadata.SCHEMA);
        client = RefractClient.builder().datasource("db", server.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.closeAsync().block(WAIT);
        }
    }

    private static Consumer<SampleCreate> sample(String label) {
        return s -> s.label(label).flag(true).count_(1).big(1L).ratio(1.0).amount(BigDecimal.ONE)
                .at(Instant.EPOCH).doc(Json.of(List.of())).blob(new byte[0]).colour(Colour.RED);
    }

    private static Sample roundTrip(String label, Consumer<SampleCreate> values) {
        Sample created = client.sample().create(sample(label).andThen(values)).block(WAIT);
        assertThat(created).isNotNull();
        Sample found = client.sample().findUnique(q -> q.where(w -> w.label(label))).block(WAIT);
        assertThat(found).isNotNull();
        assertThat(found).usingRecursiveComparison().isEqualTo(created);
        return found;
    }

    @Test
    void extremeWholeNumbersBooleansAndFloatsRoundTrip() {
        Sample max = roundTrip("max", s -> s.flag(false).count_(Integer.MAX_VALUE).big(Long.MAX_VALUE)
                .ratio(Double.MAX_VALUE));
        assertThat(max.flag()).isFalse();
        assertThat(max.count()).isEqualTo(Integer.MAX_VALUE);
        assertThat(max.big()).isEqualTo(Long.MAX_VALUE);
        assertThat(max.ratio()).isEqualTo(Double.MAX_VALUE);

        Sample min = roundTrip("min", s -> s.count_(Integer.MIN_VALUE).big(Long.MIN_VALUE).ratio(-1.5e-300));
        assertThat(min.flag()).isTrue();
        assertThat(min.count()).isEqualTo(Integer.MIN_VALUE);
        assertThat(min.big()).isEqualTo(Long.MIN_VALUE);
        assertThat(min.ratio()).isEqualTo(-1.5e-300);

        assertThat(roundTrip("fraction", s -> s.ratio(0.1 + 0.2)).ratio()).isEqualTo(0.1 + 0.2);
    }

    @Test
    void decimalsKeepTheColumnsScale() {
        assertThat(roundTrip("dec-exact", s -> s.amount(new BigDecimal("12345678.1234"))).amount())
                .isEqualByComparingTo("12345678.1234").hasScaleOf(4);
        // Decimal(12, 4): a shorter fraction is padded to the column's scale
        assertThat(roundTrip("dec-short", s -> s.amount(new BigDecimal("-0.5"))).amount())
                .isEqualTo(new BigDecimal("-0.5000"));
    }

    @Test
    void dateTimesAreInstantsInUtcWithMilliseconds() {
        Instant instant = Instant.parse("2026-03-29T01:30:00.123Z");
        // DateTime without a native type keeps milliseconds, on both databases
        assertThat(roundTrip("time", s -> s.at(instant)).at()).isEqualTo(instant);
        Instant leap = Instant.parse("2024-02-29T23:59:59.999Z");
        assertThat(roundTrip("leap", s -> s.at(leap)).at()).isEqualTo(leap);
    }

    @Test
    void aDefaultOfNowIsTheCurrentInstantInUtc() {
        Instant before = Instant.now().minusSeconds(5);
        Sample created = client.sample().create(s -> s.label("now").big(1L).ratio(1.0).amount(BigDecimal.ONE)
                .doc(Json.of(List.of())).blob(new byte[0])).block(WAIT);
        assertThat(created).isNotNull();
        // the session runs in UTC, so the server's current timestamp is no hours off
        assertThat(created.at()).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(created.colour()).isEqualTo(Colour.GREEN);
        assertThat(created.flag()).isFalse();
        assertThat(created.count()).isZero();
    }

    @Test
    void jsonValuesRoundTrip() {
        Json object = Json.parse("""
                {"name": "ada", "nested": {"list": [1, "two", null, true, {"deep": []}]}, "neg": -0.5}""");
        assertThat(roundTrip("json-object", s -> s.doc(object)).doc()).isEqualTo(object);
        Json array = Json.parse("[[], {}, \"\", 0, -1.5, [[[\"x\"]]]]");
        assertThat(roundTrip("json-array", s -> s.doc(array)).doc()).isEqualTo(array);
        Json scalar = Json.of("just a string with \"quotes\" and a ' quote");
        assertThat(roundTrip("json-string", s -> s.doc(scalar)).doc()).isEqualTo(scalar);
    }

    @Test
    void bytesRoundTripEveryOctet() {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        assertThat(roundTrip("bytes", s -> s.blob(every)).blob()).containsExactly(every);
        assertThat(roundTrip("no-bytes", s -> s.blob(new byte[0])).blob()).isEmpty();
    }

    @Test
    void enumsAreReadAsTheirNames() {
        assertThat(roundTrip("blue", s -> s.colour(Colour.BLUE)).colour()).isEqualTo(Colour.BLUE);
    }

    @Test
    void optionalFieldsLeftOutReadBackAsNull() {
        StepVerifier.create(client.maybe().create(m -> m.label("nulls"))
                        .then(client.maybe().findUnique(q -> q.where(w -> w.label("nulls")))))
                .assertNext(found -> assertThat(found).isEqualTo(new Maybe(found.id(), "nulls",
                        null, null, null, null, null, null, null, null, null, null)))
                .verifyComplete();
    }

    @Test
    void optionalFieldsSetExplicitlyToNullReadBackAsNull() {
        StepVerifier.create(client.maybe().create(m -> m.label("explicit").text(null).flag(null).count_(null)
                                .big(null).ratio(null).amount(null).at(null).doc(null).blob(null).colour(null))
                        .then(client.maybe().findUnique(q -> q.where(w -> w.label("explicit")))))
                .assertNext(found -> assertThat(found).isEqualTo(new Maybe(found.id(), "explicit",
                        null, null, null, null, null, null, null, null, null, null)))
                .verifyComplete();
    }

    @Test
    void optionalFieldsWithValuesRoundTrip() {
        Instant at = Instant.parse("1999-12-31T23:59:59.999Z");
        StepVerifier.create(client.maybe().create(m -> m.label("full").text("").flag(false).count_(0).big(0L)
                                .ratio(-2.5).amount(new BigDecimal("0.0001")).at(at).doc(Json.parse("null"))
                                .blob(new byte[] {0}).colour(Colour.GREEN))
                        .then(client.maybe().findUnique(q -> q.where(w -> w.label("full")))))
                .assertNext(found -> {
                    assertThat(found.text()).isEmpty();
                    assertThat(found.flag()).isFalse();
                    assertThat(found.count()).isZero();
                    assertThat(found.big()).isZero();
                    assertThat(found.ratio()).isEqualTo(-2.5);
                    assertThat(found.amount()).isEqualTo(new BigDecimal("0.0001"));
                    assertThat(found.at()).isEqualTo(at);
                    assertThat(found.blob()).containsExactly(0);
                    // JSON's own null is a value, not a missing one
                    assertThat(found.doc()).isEqualTo(Json.parse("null"));
                    assertThat(found.colour()).isEqualTo(Colour.GREEN);
                })
                .verifyComplete();
    }

    @Test
    void updatesAndDeletesReturnTheRecordsTheyChanged() {
        roundTrip("to-update", s -> s.count_(1));
        StepVerifier.create(client.sample().update(w -> w.label("to-update"), d -> d.count_(7)))
                .assertNext(updated -> assertThat(updated.count()).isEqualTo(7))
                .verifyComplete();
        StepVerifier.create(client.sample().delete(w -> w.label("to-update")))
                .assertNext(deleted -> assertThat(deleted.label()).isEqualTo("to-update"))
                .verifyComplete();
        StepVerifier.create(client.sample().findUnique(q -> q.where(w -> w.label("to-update")))).verifyComplete();
    }
}
