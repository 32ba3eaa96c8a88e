package dev.refract.r2dbc.client.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.types.mysql.db.Colour;
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
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The column types only MySQL/MariaDB has, written through the generated client's create and read
 * back by findUnique: DATETIME(6) and the native types of the MySQL catalog. The types both
 * databases hold are proved by the relational suite's ScalarRoundTripIT.
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
    void dateTimesAreInstantsInUtcWithTheColumnsPrecision() {
        Instant instant = Instant.parse("2026-03-29T01:30:00.123456Z");
        Sample found = roundTrip("time", s -> s.at(instant).atMicros(instant));
        // DateTime is DATETIME(3): milliseconds kept; @db.DateTime(6) keeps microseconds.
        assertThat(found.at()).isEqualTo(Instant.parse("2026-03-29T01:30:00.123Z"));
        assertThat(found.atMicros()).isEqualTo(instant);
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

}
