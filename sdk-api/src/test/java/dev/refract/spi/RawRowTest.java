package dev.refract.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawRowTest {

    private static final RawColumns COLUMNS = new RawColumns(List.of("z", "a", "m"));

    @Test
    void aRowAsAMapKeepsTheColumnOrderAndItsNulls() {
        Map<String, Object> map = RawRow.wrap(COLUMNS, new Object[] {1, null, "x"}).toMap();

        assertThat(map.keySet()).containsExactly("z", "a", "m");
        assertThat(map).containsEntry("a", null).containsEntry("m", "x");
        assertThatThrownBy(() -> map.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRowIsPositionalLikeEveryRow() {
        Row row = RawRow.wrap(COLUMNS, new Object[] {1, 2, 3});

        assertThat(row.size()).isEqualTo(3);
        assertThat(row.get(1)).isEqualTo(2);
    }

    @Test
    void aRowNeedsOneValuePerColumn() {
        assertThatThrownBy(() -> RawRow.wrap(COLUMNS, new Object[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 columns");
    }

    @Test
    void twoColumnsWithTheSameLabelAreRefusedNamingTheLabelAndTheirPositions() {
        assertThatThrownBy(() -> new RawColumns(List.of("id", "name", "id")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("'id'")
                .hasMessageContaining("columns 1 and 3")
                .hasMessageContaining("AS");
    }
}
