package dev.refract.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ErrorCode;
import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RawStatementTest {

    private enum Mood { GLAD, SAD { } }

    @Test
    void takesEveryTypeOfTheClosedSetNullsEnumsAndLists() {
        Object[] arguments = {"text", true, 1, 2L, 3.0, 4.0f, BigDecimal.TEN, Instant.EPOCH, LocalDate.EPOCH,
                LocalDateTime.of(2026, 1, 2, 3, 4), OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                UUID.randomUUID(), new byte[] {1, 2}, Json.of(Map.of("a", 1)), Mood.GLAD, Mood.SAD, null,
                List.of("a", "b"), Arrays.asList(1, null, 3), List.of()};

        RawStatement statement = RawStatement.of("SELECT 1", arguments);

        assertThat(statement.arguments()).containsExactly(arguments);
        assertThat(statement.unsafe()).isFalse();
        assertThat(statement.model()).isEmpty();
    }

    @Test
    void refusesAnArgumentOutsideTheClosedSetNamingItsPositionAndClass() {
        assertThatThrownBy(() -> RawStatement.of("SELECT $1, $2", "fine", new Date()))
                .isInstanceOf(InvalidQueryException.class)
                .satisfies(e -> assertThat(((InvalidQueryException) e).code()).isEqualTo(ErrorCode.INVALID_QUERY))
                .hasMessageContaining("Argument 2 ")
                .hasMessageContaining("java.util.Date")
                .hasMessageContaining("Instant");
        assertThatThrownBy(() -> RawStatement.unsafe("SELECT $1", Timestamp.from(Instant.EPOCH)))
                .hasMessageContaining("Argument 1 ").hasMessageContaining("java.sql.Timestamp");
    }

    @Test
    void refusesAListHoldingAnElementOutsideTheClosedSetOrAnotherList() {
        assertThatThrownBy(() -> RawStatement.of("SELECT $1", List.of(1, new Object())))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Argument 1 ").hasMessageContaining("java.lang.Object in its list");
        assertThatThrownBy(() -> RawStatement.of("SELECT $1", List.of(List.of(1))))
                .hasMessageContaining("in its list");
    }

    @Test
    void aNullArrayOfArgumentsSaysHowToBindOneNull() {
        assertThatThrownBy(() -> RawStatement.of("SELECT $1", (Object[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("(Object) null");
    }

    @Test
    void copiesItsArgumentsSoALaterChangeOfTheArrayIsNotBound() {
        Object[] arguments = {"before"};
        RawStatement statement = RawStatement.of("SELECT $1", arguments);

        arguments[0] = "after";

        assertThat(statement.arguments()).containsExactly("before");
        assertThatThrownBy(() -> statement.arguments().set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theUnsafeFormIsMarkedAndReadingAModelKeepsEverythingElse() {
        RawStatement statement = RawStatement.unsafe("SELECT * FROM t WHERE a = $1", "x").readingModel(3);

        assertThat(statement.unsafe()).isTrue();
        assertThat(statement.model()).isEqualTo(OptionalInt.of(3));
        assertThat(statement.sql()).isEqualTo("SELECT * FROM t WHERE a = $1");
        assertThat(statement.arguments()).containsExactly("x");
    }
}
