package dev.refract.redis.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.json.Json;
import dev.refract.meta.Arity;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {

    private final CodecRegistry registry = CodecRegistry.defaults();

    private Object roundTrip(ScalarType type, Object value) {
        FieldCodec codec = registry.codec(FieldMeta.scalar("f", type, Arity.REQUIRED));
        return codec.decode(codec.encode(value));
    }

    @Test
    void everyScalarTypeComesBackExactly() {
        assertThat(roundTrip(ScalarType.STRING, "héllo: {x}")).isEqualTo("héllo: {x}");
        assertThat(roundTrip(ScalarType.BOOLEAN, true)).isEqualTo(true);
        assertThat(roundTrip(ScalarType.INT, Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(roundTrip(ScalarType.BIGINT, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip(ScalarType.FLOAT, 0.1 + 0.2)).isEqualTo(0.1 + 0.2);
        assertThat(roundTrip(ScalarType.FLOAT, -0.0)).isEqualTo(-0.0);
        assertThat(roundTrip(ScalarType.DECIMAL, new BigDecimal("12345678901234567890.1234567890")))
                .isEqualTo(new BigDecimal("12345678901234567890.1234567890"));
        assertThat(roundTrip(ScalarType.DECIMAL, new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.50"));
        Instant nanos = Instant.parse("2024-02-29T23:59:59.123456789Z");
        assertThat(roundTrip(ScalarType.DATETIME, nanos)).isEqualTo(nanos);
        assertThat(roundTrip(ScalarType.JSON, Json.parse("{\"b\":[1,2.5,null],\"a\":\"x\"}")))
                .isEqualTo(Json.parse("{\"a\":\"x\",\"b\":[1,2.5,null]}"));
        assertThat((byte[]) roundTrip(ScalarType.BYTES, new byte[] {0, -1, 127})).containsExactly(0, -1, 127);
    }

    @Test
    void aJsonNullIsStoredAsTextWhileAMissingValueHasNoText() {
        FieldCodec json = registry.codec(FieldMeta.scalar("f", ScalarType.JSON, Arity.OPTIONAL));

        assertThat(json.encode(Json.parse("null"))).isEqualTo("null");
        assertThat(json.decode("null")).isEqualTo(Json.parse("null"));
    }

    @Test
    void numbersAreDecimalTextSoRedisCanIncrementThemAndItsFloatSpellingReadsBack() {
        FieldCodec floats = registry.codec(FieldMeta.scalar("f", ScalarType.FLOAT, Arity.REQUIRED));

        assertThat(registry.codec(FieldMeta.scalar("f", ScalarType.INT, Arity.REQUIRED)).encode(42)).isEqualTo("42");
        assertThat(floats.decode("3")).isEqualTo(3.0);
        assertThat(floats.decode("10.5")).isEqualTo(10.5);
    }

    @Test
    void listsKeepEveryElementExact() {
        FieldCodec decimals = registry.codec(FieldMeta.scalar("f", ScalarType.DECIMAL, Arity.LIST));
        FieldCodec texts = registry.codec(FieldMeta.scalar("f", ScalarType.STRING, Arity.LIST));

        List<BigDecimal> values = List.of(new BigDecimal("1.10"), new BigDecimal("-2"));
        assertThat(decimals.decode(decimals.encode(values))).isEqualTo(values);
        assertThat(texts.decode(texts.encode(List.of("a\"b", "", "[]")))).isEqualTo(List.of("a\"b", "", "[]"));
        assertThat(texts.decode(texts.encode(List.of()))).isEqualTo(List.of());
    }

    @Test
    void enumsAreStoredByTheirDatabaseNames() {
        FieldCodec colour = registry.codec(FieldMeta.enumField("c", "Colour", Arity.REQUIRED));

        assertThat(colour.encode("RED")).isEqualTo("RED");
        assertThat(colour.decode("RED")).isEqualTo("RED");
    }

    @Test
    void aDecimalIndexTextDropsTheScaleSoEqualValuesCollide() {
        FieldCodec decimal = registry.codec(FieldMeta.scalar("f", ScalarType.DECIMAL, Arity.REQUIRED));

        assertThat(decimal.indexText("1.50")).isEqualTo("1.5");
        assertThat(decimal.indexText("100")).isEqualTo("100");
        assertThat(decimal.indexText("-0.00")).isEqualTo("0");
        assertThat(decimal.indexText("2.")).isEqualTo(decimal.indexText("2.000"));
    }

    @Test
    void aCodecGivenForATypeReplacesTheBuiltInOne() {
        FieldCodec upper = new FieldCodec() {
            @Override
            public String encode(Object value) {
                return ((String) value).toUpperCase(java.util.Locale.ROOT);
            }

            @Override
            public Object decode(String text) {
                return text;
            }
        };

        CodecRegistry custom = registry.with(ScalarType.STRING, upper);

        assertThat(custom.codec(FieldMeta.scalar("f", ScalarType.STRING, Arity.REQUIRED)).encode("a")).isEqualTo("A");
        assertThat(registry.codec(FieldMeta.scalar("f", ScalarType.STRING, Arity.REQUIRED)).encode("a")).isEqualTo("a");
    }

    @Test
    void relationAndCompositeFieldsHaveNoCodec() {
        assertThatThrownBy(() -> registry.codec(FieldMeta.composite("address", "Address", Arity.OPTIONAL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("composite");
    }
}
