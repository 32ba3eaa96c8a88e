package dev.refract.r2dbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.ScalarType;
import dev.refract.query.OrderBy;
import org.junit.jupiter.api.Test;

class PostgresDialectTest {

    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    @Test
    void quotesEveryIdentifierAndDoublesQuotes() {
        assertThat(dialect.quote("user")).isEqualTo("\"user\"");
        assertThat(dialect.quote("Mixed Case")).isEqualTo("\"Mixed Case\"");
        assertThat(dialect.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(dialect.quote("back\\slash$1;--")).isEqualTo("\"back\\slash$1;--\"");
    }

    @Test
    void rejectsNamesPostgresCannotHold() {
        assertThatThrownBy(() -> dialect.quote("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty name");
        assertThatThrownBy(() -> dialect.quote("a\0b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void numbersPlaceholdersFromOne() {
        StringBuilder sql = new StringBuilder();
        dialect.placeholder(sql, 1);
        dialect.placeholder(sql.append(','), 12);
        assertThat(sql).hasToString("$1,$12");
        assertThat(dialect.reusesPlaceholders()).isTrue();
    }

    @Test
    void castsEnumsJsonAndArrays() {
        assertThat(dialect.valueCast(ColumnType.enumeration("Status", false))).isEqualTo("::\"Status\"");
        assertThat(dialect.valueCast(ColumnType.enumeration("Sta\"tus", true))).isEqualTo("::\"Sta\"\"tus\"[]");
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.JSON, false))).isEqualTo("::jsonb");
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.STRING, false))).isEmpty();
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.FLOAT, true))).isEqualTo("::double precision[]");
        assertThat(dialect.elementCast(ColumnType.scalar(ScalarType.BIGINT, true))).isEqualTo("::bigint");
    }

    @Test
    void nativeTypesDecideTheCasts() {
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.STRING, true, "VarChar(255)"))).isEqualTo("::varchar[]");
        assertThat(dialect.elementCast(ColumnType.scalar(ScalarType.STRING, true, "Char(2)"))).isEqualTo("::bpchar");
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.STRING, false, "VarChar(3)"))).isEmpty();
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.STRING, false, "Uuid"))).isEqualTo("::uuid");
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.JSON, false, "Json"))).isEqualTo("::json");
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.DATETIME, false, "Date"))).isEqualTo("::date");
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.DATETIME, true, "Timestamptz(6)")))
                .isEqualTo("::timestamptz[]");
        assertThat(dialect.valueCast(ColumnType.scalar(ScalarType.INT, true, "Unheard"))).isEqualTo("::integer[]");
    }

    @Test
    void sortsMissingValuesLastAscendingAndFirstDescendingByDefault() {
        assertThat(dialect.nullsFirstByDefault(OrderBy.Direction.ASC)).isFalse();
        assertThat(dialect.nullsFirstByDefault(OrderBy.Direction.DESC)).isTrue();
        StringBuilder sql = new StringBuilder();
        dialect.nullsOrder(sql, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT);
        assertThat(sql).isEmpty();
        dialect.nullsOrder(sql, OrderBy.Direction.DESC, OrderBy.Nulls.LAST);
        assertThat(sql).hasToString(" NULLS LAST");
    }

    @Test
    void bindsPagingValues() {
        SqlBuilder sql = new SqlBuilder(dialect);
        dialect.limitOffset(sql, null, 0);
        assertThat(sql.toString()).isEmpty();
        dialect.limitOffset(sql, 3, 7);
        SqlStatement statement = sql.toStatement(new ResultShape.AffectedCount());
        assertThat(statement.sql()).isEqualTo(" LIMIT $1 OFFSET $2");
        assertThat(statement.parameters()).containsExactly(Bind.of(3), Bind.of(7));
    }
}
