package dev.refract.r2dbc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresSpellingTest {

    @Test
    void theDataDefinitionsTypeNamesAreSpelledAsFormatTypeSpellsThem() {
        assertThat(PostgresSpelling.type("varchar(80)")).isEqualTo("character varying(80)");
        assertThat(PostgresSpelling.type("char")).isEqualTo("character(1)");
        assertThat(PostgresSpelling.type("timestamp(3)")).isEqualTo("timestamp(3) without time zone");
        assertThat(PostgresSpelling.type("timestamptz(6)")).isEqualTo("timestamp(6) with time zone");
        assertThat(PostgresSpelling.type("timetz")).isEqualTo("time with time zone");
        assertThat(PostgresSpelling.type("decimal(10, 2)")).isEqualTo("numeric(10,2)");
        assertThat(PostgresSpelling.type("varbit(4)")).isEqualTo("bit varying(4)");
        assertThat(PostgresSpelling.type("double precision")).isEqualTo("double precision");
        assertThat(PostgresSpelling.type("timestamp(3)[]")).isEqualTo("timestamp(3) without time zone[]");
    }

    @Test
    void formatTypesOwnSpellingAndQuotedEnumTypesStayAsTheyAre() {
        assertThat(PostgresSpelling.type("character varying(80)")).isEqualTo("character varying(80)");
        assertThat(PostgresSpelling.type("timestamp(3) without time zone")).isEqualTo("timestamp(3) without time zone");
        assertThat(PostgresSpelling.type("numeric(65,30)")).isEqualTo("numeric(65,30)");
        assertThat(PostgresSpelling.type("\"Role\"[]")).isEqualTo("\"Role\"[]");
        assertThat(PostgresSpelling.type("jsonb")).isEqualTo("jsonb");
    }

    @Test
    void defaultsLoseTheCastsTheServerAdds() {
        assertThat(PostgresSpelling.defaultExpression("'DRAFT'::\"PostStatus\"", "\"PostStatus\"")).isEqualTo("'DRAFT'");
        assertThat(PostgresSpelling.defaultExpression("'it''s'::character varying", "character varying(10)"))
                .isEqualTo("'it''s'");
        assertThat(PostgresSpelling.defaultExpression("ARRAY['a'::text, 'b'::text]", "text[]"))
                .isEqualTo("ARRAY['a', 'b']");
        assertThat(PostgresSpelling.defaultExpression("ARRAY['a', 'b']::text[]", "text[]")).isEqualTo("ARRAY['a', 'b']");
        assertThat(PostgresSpelling.defaultExpression("decode('AQI='::text, 'base64'::text)", "bytea"))
                .isEqualTo("decode('AQI=', 'base64')");
        assertThat(PostgresSpelling.defaultExpression("'2024-01-01 00:00:00'::timestamp without time zone",
                "timestamp(3) without time zone")).isEqualTo("'2024-01-01 00:00:00'");
        assertThat(PostgresSpelling.defaultExpression("CURRENT_TIMESTAMP", "timestamp(3) without time zone"))
                .isEqualTo("CURRENT_TIMESTAMP");
    }

    @Test
    void escapeStringsBecomeStandardStringsAndNumbersTheirShortestForm() {
        assertThat(PostgresSpelling.defaultExpression("E'a\\\\b''c'", "text")).isEqualTo("'a\\b''c'");
        assertThat(PostgresSpelling.defaultExpression("'a\\b''c'::text", "text")).isEqualTo("'a\\b''c'");
        assertThat(PostgresSpelling.defaultExpression("'-1'::integer", "integer")).isEqualTo("-1");
        assertThat(PostgresSpelling.defaultExpression("(-1)", "integer")).isEqualTo("-1");
        assertThat(PostgresSpelling.defaultExpression("1.50", "numeric(10,2)")).isEqualTo("1.5");
        assertThat(PostgresSpelling.defaultExpression("'1.0'::double precision", "double precision")).isEqualTo("1");
        assertThat(PostgresSpelling.defaultExpression("'1.0'", "text")).isEqualTo("'1.0'");
        assertThat(PostgresSpelling.defaultExpression(null, "text")).isNull();
    }
}
