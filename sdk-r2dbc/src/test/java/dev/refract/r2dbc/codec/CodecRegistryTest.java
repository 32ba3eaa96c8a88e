package dev.refract.r2dbc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.json.Json;
import dev.refract.meta.Arity;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ScalarType;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {

    private final CodecRegistry codecs = CodecRegistry.postgres();

    private enum Colour { RED }

    @Test
    void bindsTheClosedScalarSetAsTheDriverTakesIt() {
        assertThat(codecs.encode("x", String.class)).isEqualTo("x");
        assertThat(codecs.encode(1L, Long.class)).isEqualTo(1L);
        assertThat(codecs.encode(BigDecimal.ONE, BigDecimal.class)).isEqualTo(BigDecimal.ONE);
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(codecs.encode(now, Instant.class)).isEqualTo(now);
        assertThat(codecs.encode(Colour.RED, Colour.class)).isEqualTo("RED");
        Object json = codecs.encode(Json.of(Map.of("a", 1)), Json.class);
        assertThat(json).isInstanceOf(io.r2dbc.postgresql.codec.Json.class);
        assertThat(((io.r2dbc.postgresql.codec.Json) json).asString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void bindsBytesAsACopyInABuffer() {
        byte[] bytes = {1, 2, 3};
        ByteBuffer buffer = (ByteBuffer) codecs.encode(bytes, byte[].class);
        bytes[0] = 9;
        assertThat(buffer.get(0)).isEqualTo((byte) 1);
        assertThat(buffer.remaining()).isEqualTo(3);
    }

    @Test
    void bindsListsAsArraysOfTheirElementsDriverType() {
        Object ints = codecs.encode(List.of(1, 2), List.class);
        assertThat(ints).isInstanceOf(Integer[].class);
        assertThat((Integer[]) ints).containsExactly(1, 2);
        Object withNull = codecs.encode(Arrays.asList(null, "a"), List.class);
        assertThat((String[]) withNull).containsExactly(null, "a");
        Object enums = codecs.encode(List.of(Colour.RED), List.class);
        assertThat((String[]) enums).containsExactly("RED");
    }

    @Test
    void sendsListsWithoutAnElementTypeUntypedForTheDatabaseToInfer() {
        Object empty = codecs.encode(List.of(), List.class);
        assertThat(empty).isInstanceOf(Parameter.class);
        assertThat(((Parameter) empty).getType()).isEqualTo(PostgresqlObjectId.UNSPECIFIED);
        assertThat(((Parameter) empty).getValue()).isEqualTo("{}");
        assertThat(((Parameter) codecs.encode(Arrays.asList(null, null), List.class)).getValue())
                .isEqualTo("{NULL,NULL}");
        assertThat(codecs.nullType(List.class)).isNull();
    }

    @Test
    void bindsNullsWithTheDriversTypeOfTheirClass() {
        assertThat(codecs.nullType(String.class)).isEqualTo(String.class);
        assertThat(codecs.nullType(byte[].class)).isEqualTo(ByteBuffer.class);
        assertThat(codecs.nullType(Json.class)).isEqualTo(io.r2dbc.postgresql.codec.Json.class);
        assertThat(codecs.nullType(Colour.class)).isEqualTo(String.class);
    }

    @Test
    void refusesAValueOutsideTheScalarSetNamingItsClass() {
        assertThatThrownBy(() -> codecs.encode(new StringBuilder("x"), StringBuilder.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder")
                .hasMessageContaining("withFirst");
    }

    @Test
    void asksAUserCodecFirst() {
        Codec upperCase = new Codec() {
            @Override
            public boolean canEncode(Class<?> type) {
                return type == String.class;
            }

            @Override
            public Object encode(Object value, CodecRegistry registry) {
                return value.toString().toUpperCase(java.util.Locale.ROOT);
            }

            @Override
            public Class<?> nullType(Class<?> type) {
                return String.class;
            }

            @Override
            public boolean canDecode(FieldMeta field) {
                return field.scalarType() == ScalarType.STRING;
            }

            @Override
            public Object decode(Readable row, Column column, FieldMeta field) {
                return "decoded";
            }
        };
        // the defaults have bound a String before: the registry made with the user's codec still asks it first
        assertThat(codecs.encode("abc", String.class)).isEqualTo("abc");
        CodecRegistry custom = codecs.withFirst(upperCase);
        FieldMeta name = FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED);
        assertThat(custom.encode("abc", String.class)).isEqualTo("ABC");
        assertThat(custom.decoderFor(name)).isSameAs(upperCase);
        assertThat(codecs.encode("abc", String.class)).isEqualTo("abc");
        assertThat(codecs.decoderFor(name)).isNotSameAs(upperCase);
    }

    @Test
    void findsADecoderForEveryScalarTypeAndListButNotForRelations() {
        for (ScalarType type : ScalarType.values()) {
            assertThat(codecs.decoderFor(FieldMeta.scalar("f", type, Arity.OPTIONAL))).isNotNull();
            assertThat(codecs.decoderFor(FieldMeta.scalar("f", type, Arity.LIST))).isInstanceOf(ListCodec.class);
        }
        assertThat(codecs.decoderFor(FieldMeta.enumField("f", "Mood", Arity.OPTIONAL))).isInstanceOf(TextCodec.class);
        assertThatThrownBy(() -> codecs.decoderFor(FieldMeta.relation("owner", "Owner", Arity.REQUIRED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
    }

    @Test
    void refusesTextPostgresqlCannotStoreAndKeepsPairedSurrogates() {
        assertThat(codecs.encode("clef \uD834\uDD1E", String.class)).isEqualTo("clef \uD834\uDD1E");
        assertThatThrownBy(() -> codecs.encode("a\u0000b", String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL").hasMessageContaining("Bytes");
        assertThatThrownBy(() -> codecs.encode("x\uD834", String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone surrogate at character 1");
        assertThatThrownBy(() -> codecs.encode(List.of("ok", "\uDD1E"), List.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone surrogate");
    }
}
