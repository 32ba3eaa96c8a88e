package dev.refract.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.spi.RawColumns;
import dev.refract.spi.RawRow;
import dev.refract.spi.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecordMapperTest {

    enum Level { LOW, HIGH }

    record Person(String name, int age, Level level) {}

    record Event(Instant createdAt, OffsetDateTime seenAt, LocalDateTime localAt, LocalDate day) {}

    record Totals(int count, long big, double ratio, BigDecimal sum, Long boxed, float small) {}

    record Things(UUID id, Json doc, byte[] blob, List<String> tags, Object anything, char initial) {}

    /** Not public, and nested in a test: reached all the same. */
    private record Hidden(String value) {}

    record Checked(String value) {
        Checked {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("value must not be empty");
            }
        }
    }

    static final class NotARecord {}

    private static RawRow row(List<String> labels, Object... values) {
        return RawRow.wrap(new RawColumns(labels), values);
    }

    private static <R> R read(Class<R> type, List<String> labels, Object... values) {
        return RecordMapper.of(type).reader().apply(row(labels, values));
    }

    @Test
    void matchesComponentsToColumnsByNameInAnyOrderIgnoringExtraColumns() {
        Person person = read(Person.class, List.of("level", "extra", "name", "age"), "HIGH", 42, "Ada", 36);

        assertThat(person).isEqualTo(new Person("Ada", 36, Level.HIGH));
    }

    @Test
    void fallsBackToCaseInsensitiveThenSnakeCaseMatches() {
        Instant at = Instant.parse("2026-03-04T00:00:00Z");

        Event event = read(Event.class, List.of("CREATEDAT", "seen_at", "LOCAL_AT", "Day"), at, at, at, at);

        assertThat(event.createdAt()).isEqualTo(at);
        assertThat(event.seenAt()).isEqualTo(at.atOffset(ZoneOffset.UTC));
        assertThat(event.localAt()).isEqualTo(LocalDateTime.of(2026, 3, 4, 0, 0));
        assertThat(event.day()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void anExactLabelWinsOverOthersThatDifferOnlyInCase() {
        Person person = read(Person.class, List.of("NAME", "name", "age", "level"), "upper", "exact", 1, "LOW");

        assertThat(person.name()).isEqualTo("exact");
    }

    @Test
    void twoLabelsThatMatchOnlyLooselyAreAmbiguous() {
        assertThatThrownBy(() -> read(Person.class, List.of("NAME", "Name", "age", "level"), "a", "b", 1, "LOW"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("'name'").hasMessageContaining("NAME, Name");
    }

    @Test
    void widensNumbersAndNarrowsThemOnlyWhenTheyFitExactly() {
        Totals totals = read(Totals.class, List.of("count", "big", "ratio", "sum", "boxed", "small"),
                7L, 3, 2, 5L, new BigDecimal("12"), 9);

        assertThat(totals).isEqualTo(new Totals(7, 3L, 2.0, new BigDecimal("5"), 12L, 9f));
    }

    @Test
    void aNumberThatDoesNotFitOrWouldLoseItsFractionIsAnErrorNamingColumnAndComponent() {
        List<String> labels = List.of("count", "big", "ratio", "sum", "boxed", "small");
        assertThatThrownBy(() -> read(Totals.class, labels, 3_000_000_000L, 1, 1.0, BigDecimal.ONE, 1L, 1f))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("column 'count' to component 'count'")
                .hasMessageContaining("java.lang.Long")
                .satisfies(e -> assertThat(((InvalidQueryException) e).fields()).containsExactly("count"));
        assertThatThrownBy(() -> read(Totals.class, labels, 1, new BigDecimal("2.5"), 1.0, BigDecimal.ONE, 1L, 1f))
                .hasMessageContaining("component 'big'");
        assertThatThrownBy(() -> read(Totals.class, labels, 1, 1, new BigDecimal("0.1"), BigDecimal.ONE, 1L, 1f))
                .hasMessageContaining("component 'ratio'").hasMessageContaining("::float8");
    }

    @Test
    void errorsNeverShowTheValueRead() {
        assertThatThrownBy(() -> read(Person.class, List.of("name", "age", "level"), "Ada", 1, "secret-level"))
                .hasMessageContaining("Level").hasMessageNotContaining("secret-level");
    }

    @Test
    void aNullIntoAPrimitiveIsAnErrorSayingToUseTheBoxedType() {
        assertThatThrownBy(() -> read(Person.class, List.of("name", "age", "level"), "Ada", null, "LOW"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("component 'age'").hasMessageContaining("Integer");
    }

    @Test
    void nullsGoIntoReferenceComponents() {
        assertThat(read(Person.class, List.of("name", "age", "level"), null, 1, null))
                .isEqualTo(new Person(null, 1, null));
    }

    @Test
    void readsUuidsFromTextAndKeepsValuesOfTheirOwnType() {
        UUID id = UUID.randomUUID();
        Json doc = Json.of(Map.of("a", 1));
        byte[] blob = {1, 2};

        Things things = read(Things.class, List.of("id", "doc", "blob", "tags", "anything", "initial"),
                id.toString(), doc, blob, List.of("x"), 5L, "Q");

        assertThat(things.id()).isEqualTo(id);
        assertThat(things.doc()).isEqualTo(doc);
        assertThat(things.blob()).containsExactly(1, 2);
        assertThat(things.tags()).containsExactly("x");
        assertThat(things.anything()).isEqualTo(5L);
        assertThat(things.initial()).isEqualTo('Q');
    }

    @Test
    void aTimeThatIsNotMidnightUtcIsNoDate() {
        Instant at = Instant.parse("2026-03-04T10:00:00Z");

        assertThatThrownBy(() -> read(Event.class, List.of("createdAt", "seenAt", "localAt", "day"), at, at, at, at))
                .hasMessageContaining("component 'day'");
    }

    @Test
    void aComponentWithoutAColumnIsAnErrorListingTheColumns() {
        assertThatThrownBy(() -> read(Person.class, List.of("name", "years"), "Ada", 36))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Component 'age'")
                .hasMessageContaining(Person.class.getName())
                .hasMessageContaining("name, years");
    }

    @Test
    void aClassThatIsNoRecordIsRefused() {
        assertThatThrownBy(() -> RecordMapper.of(NotARecord.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NotARecord is not a record class");
    }

    @Test
    void reachesRecordsThatAreNotPublic() {
        assertThat(read(Hidden.class, List.of("value"), "x")).isEqualTo(new Hidden("x"));
    }

    @Test
    void theRecordsOwnValidationSurfacesAsItIs() {
        assertThatThrownBy(() -> read(Checked.class, List.of("value"), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value must not be empty");
    }

    @Test
    void looksUpEachClassOnceAndMatchesColumnsAgainWhenTheyChange() {
        assertThat(RecordMapper.of(Person.class)).isSameAs(RecordMapper.of(Person.class));
        Function<Row, Person> reader = RecordMapper.of(Person.class).reader();

        Person first = reader.apply(row(List.of("name", "age", "level"), "a", 1, "LOW"));
        Person second = reader.apply(row(List.of("level", "age", "name"), "HIGH", 2, "b"));

        assertThat(first).isEqualTo(new Person("a", 1, Level.LOW));
        assertThat(second).isEqualTo(new Person("b", 2, Level.HIGH));
    }
}
