package dev.refract.r2dbc.client.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.types.mysql.db.Colour;
import com.example.types.mysql.db.Maybe;
import com.example.types.mysql.db.Native;
import com.example.types.mysql.db.RefractClient;
import com.example.types.mysql.db.RefractClientMetadata;
import com.example.types.mysql.db.Sample;
import com.example.types.mysql.db.SampleCreate;
import dev.refract.json.Json;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
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
 * Every scalar type written through the generated client's create on MySQL/MariaDB and read back by
 * findUnique: the MySQL codecs, the UTC session and the plans of writes that return records.
 */
@RefractTestDatabases
class MySqlScalarRoundTripIT {

    private static RefractClient client;

    @BeforeAll
    static void open(MysqlNamespace mysql) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(mysql.r2dbcUrl())).block();
        client = RefractClient.builder().datasource("db", mysql.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static Consumer<SampleCreate> sample(String label) {
        return s -> s.label(label).flag(true).count_(1).big(1L).ratio(1.0).amount(BigDecimal.ONE)
                .at(Instant.EPOCH).atMicros(Instant.EPOCH).doc(Json.of(List.of())).blob(new byte[0])
                .colour(Colour.RED);
    }

    private static Sample roundTrip(String label, Consumer<SampleCreate> values) {
        Sample created = client.sample().create(sample(label).andThen(values)).block();
        assertThat(created).isNotNull();
        Sample found = client.sample().findUnique(q -> q.where(w -> w.label(label))).block();
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
    }

    @Test
    void decimalsKeepTheColumnsScale() {
        assertThat(roundTrip("dec-exact", s -> s.amount(new BigDecimal("12345678.1234"))).amount())
                .isEqualByComparingTo("12345678.1234").hasScaleOf(4);
        assertThat(roundTrip("dec-short", s -> s.amount(new BigDecimal("-0.5"))).amount())
                .isEqualTo(new BigDecimal("-0.5000"));
    }

    @Test
    void dateTimesAreInstantsInUtcWithTheColumnsPrecision() {
        Instant instant = Instant.parse("2026-03-29T01:30:00.123456Z");
        Sample found = roundTrip("time", s -> s.at(instant).atMicros(instant));
        // DateTime is DATETIME(3): milliseconds kept; @db.DateTime(6) keeps microseconds.
        assertThat(found.at()).isEqualTo(Instant.parse("2026-03-29T01:30:00.123Z"));
        assertThat(found.atMicros()).isEqualTo(instant);
    }

    @Test
    void aDefaultOfNowIsTheCurrentInstantInUtc() {
        Instant before = Instant.now().minusSeconds(5);
        Sample created = client.sample().create(s -> s.label("now").big(1L).ratio(1.0).amount(BigDecimal.ONE)
                .atMicros(Instant.EPOCH).doc(Json.of(List.of())).blob(new byte[0])).block();
        assertThat(created).isNotNull();
        // the session runs in UTC, so the server's CURRENT_TIMESTAMP is no hours off
        assertThat(created.at()).isBetween(before, Instant.now().plus(Duration.ofSeconds(5)));
        assertThat(created.colour()).isEqualTo(Colour.GREEN);
        assertThat(created.flag()).isFalse();
    }

    @Test
    void jsonValuesRoundTrip() {
        Json object = Json.parse("""
                {"name": "ada", "nested": {"list": [1, "two", null, true, {"deep": []}]}, "neg": -0.5}""");
        assertThat(roundTrip("json-object", s -> s.doc(object)).doc()).isEqualTo(object);
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
                    assertThat(found.doc()).isEqualTo(Json.parse("null"));
                    assertThat(found.colour()).isEqualTo(Colour.GREEN);
                })
                .verifyComplete();
    }

    @Test
    void nativeColumnTypesRoundTrip() {
        Instant stamp = Instant.parse("2030-06-15T22:45:01.250Z");
        Native created = client.native_().create(n -> n.title("native").body("long text").summary(null).small(-32768)
                .tiny(255).counter(Long.MAX_VALUE).single(0.5).day(Instant.parse("2026-12-31T00:00:00Z"))
                .stamp(stamp).bits(new byte[] {(byte) 0xff, 0, 1}).on(true)).block();
        assertThat(created).isNotNull();
        assertThat(created.id()).hasSize(25);

        Native found = client.native_().findUnique(q -> q.where(w -> w.id(created.id()))).block();
        assertThat(found).usingRecursiveComparison().isEqualTo(created);
        assertThat(found.small()).isEqualTo(-32768);
        assertThat(found.tiny()).isEqualTo(255);
        assertThat(found.counter()).isEqualTo(Long.MAX_VALUE);
        assertThat(found.single()).isEqualTo(0.5);
        assertThat(found.day()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(found.stamp()).isEqualTo(stamp);
        assertThat(found.bits()).containsExactly(0xff, 0, 1);
        assertThat(found.on()).isTrue();
        assertThat(found.code()).isEqualTo("a'b\\c");
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
