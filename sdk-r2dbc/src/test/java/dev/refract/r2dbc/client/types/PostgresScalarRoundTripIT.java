package dev.refract.r2dbc.client.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.types.db.Colour;
import com.example.types.db.RefractClient;
import com.example.types.db.Sample;
import com.example.types.db.SampleCreate;
import dev.refract.json.Json;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scalar types and values only PostgreSQL holds, written through the generated client's create
 * and read back by findUnique: lists, native enums in lists, microsecond timestamps, dates before
 * the common era's second millennium, exact JSON numbers and subnormal floats. The types both
 * databases hold are proved by the relational suite's ScalarRoundTripIT.
 */
@RefractTestDatabases
class PostgresScalarRoundTripIT {

    private static RefractClient client;

    @BeforeAll
    static void open(PostgresNamespace postgres) {
        client = TypesDatabase.open(postgres);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static Consumer<SampleCreate> sample(String label) {
        return s -> s.label(label).flag(true).count_(1).big(1L).ratio(1.0).amount(BigDecimal.ONE)
                .at(Instant.EPOCH).atMicros(Instant.EPOCH).doc(Json.of(List.of())).blob(new byte[0])
                .colour(Colour.RED).tags(List.of()).scores(List.of()).colours(List.of());
    }

    private static Sample roundTrip(String label, Consumer<SampleCreate> values) {
        Sample created = client.sample().create(sample(label).andThen(values)).block();
        assertThat(created).isNotNull();
        Sample found = client.sample().findUnique(q -> q.where(w -> w.label(label))).block();
        assertThat(found).isNotNull();
        assertThat(found.id()).isEqualTo(created.id());
        return found;
    }

    @Test
    void floatsDownToTheSmallestSubnormalRoundTrip() {
        assertThat(roundTrip("subnormal", s -> s.ratio(-Double.MIN_VALUE)).ratio()).isEqualTo(-Double.MIN_VALUE);
    }

    @Test
    void aLongerFractionIsRoundedHalfUpToTheColumnsScale() {
        // Decimal(12, 4)
        assertThat(roundTrip("dec-long", s -> s.amount(new BigDecimal("1.00005"))).amount())
                .isEqualTo(new BigDecimal("1.0001"));
    }

    @Test
    void dateTimesAreStoredWithTheColumnsPrecision() {
        Instant instant = Instant.parse("2026-03-29T01:30:00.123456789Z");
        Sample found = roundTrip("time", s -> s.at(instant).atMicros(instant));
        // DateTime without a native type is timestamp(3): milliseconds kept, the rest rounded away.
        assertThat(found.at()).isEqualTo(Instant.parse("2026-03-29T01:30:00.123Z"));
        // @db.Timestamptz(6): microseconds kept, the nanoseconds rounded to the nearest microsecond.
        assertThat(found.atMicros()).isEqualTo(Instant.parse("2026-03-29T01:30:00.123457Z"));

        Instant ancient = Instant.parse("0001-01-01T00:00:00Z");
        assertThat(roundTrip("ancient", s -> s.at(ancient).atMicros(ancient)).at()).isEqualTo(ancient);
    }

    @Test
    void jsonValuesRoundTripWithExactNumbers() {
        Json object = Json.parse("""
                {"name": "ada", "nested": {"list": [1, "two", null, true, {"deep": []}]},
                 "big": 123456789012345678901234567890, "exact": 0.1, "tiny": 1e-30, "neg": -0.000001}""");
        Sample withObject = roundTrip("json-object", s -> s.doc(object));
        assertThat(withObject.doc()).isEqualTo(object);
        assertThat(withObject.doc().tree().get("big").bigIntegerValue())
                .isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
        assertThat(withObject.doc().tree().get("exact").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(withObject.doc().tree().get("tiny").decimalValue()).isEqualByComparingTo("1e-30");

        Json array = Json.parse("[[], {}, \"\", 0, -1.5, [[[\"x\"]]]]");
        assertThat(roundTrip("json-array", s -> s.doc(array)).doc()).isEqualTo(array);

        Json scalar = Json.of("just a string with \"quotes\"");
        assertThat(roundTrip("json-string", s -> s.doc(scalar)).doc()).isEqualTo(scalar);
    }

    @Test
    void listsAndEnumsRoundTripInOrder() {
        Sample found = roundTrip("lists", s -> s.colour(Colour.BLUE)
                .tags(List.of("b", "a", "a", "with,comma", "{brace}", "\"quoted\"", "NULL", ""))
                .scores(List.of(3, -1, 3, Integer.MIN_VALUE))
                .colours(List.of(Colour.GREEN, Colour.RED, Colour.GREEN)));
        assertThat(found.colour()).isEqualTo(Colour.BLUE);
        assertThat(found.tags()).containsExactly("b", "a", "a", "with,comma", "{brace}", "\"quoted\"", "NULL", "");
        assertThat(found.scores()).containsExactly(3, -1, 3, Integer.MIN_VALUE);
        assertThat(found.colours()).containsExactly(Colour.GREEN, Colour.RED, Colour.GREEN);

        Sample empty = roundTrip("empty-lists", s -> { });
        assertThat(empty.tags()).isEmpty();
        assertThat(empty.scores()).isEmpty();
        assertThat(empty.colours()).isEmpty();
    }

}
