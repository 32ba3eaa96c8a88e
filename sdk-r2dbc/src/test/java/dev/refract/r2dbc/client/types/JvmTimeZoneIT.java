package dev.refract.r2dbc.client.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.types.db.Colour;
import com.example.types.db.RefractClient;
import com.example.types.db.Sample;
import dev.refract.json.Json;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Instants keep their value whatever the JVM's default time zone: a client opened in a JVM set to
 * Europe/Berlin stores and reads a {@code timestamp} column (which holds no zone) in UTC, around a
 * daylight-saving change and a new year alike.
 */
@RefractTestDatabases
class JvmTimeZoneIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void instantsInTimestampColumnsKeepTheirValueWhenTheJvmIsNotOnUtc(PostgresNamespace postgres) {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try (RefractClient client = TypesDatabase.open(postgres)) {
            for (Instant at : List.of(Instant.parse("2026-03-29T01:30:00.123Z"),
                    Instant.parse("1999-12-31T23:59:59.999Z"))) {
                String label = "at " + at;
                client.sample().create(s -> s.label(label).flag(true).count_(1).big(1L).ratio(1.0)
                        .amount(BigDecimal.ONE).at(at).atMicros(at).doc(Json.of(List.of())).blob(new byte[0])
                        .colour(Colour.RED).tags(List.of()).scores(List.of()).colours(List.of())).block(WAIT);

                Sample found = client.sample().findUnique(q -> q.where(w -> w.label(label))).block(WAIT);

                assertThat(found).isNotNull();
                assertThat(found.at()).as("timestamp(3)").isEqualTo(at);
                assertThat(found.atMicros()).as("timestamptz(6)").isEqualTo(at);
                assertThat(client.sample().count(q -> q.where(w -> w.at().eq(at))).block(WAIT))
                        .as("the instant matches itself in a filter").isEqualTo(1L);
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
