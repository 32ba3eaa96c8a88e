package dev.refract.r2dbc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlSpellingTest {

    @Test
    void integerTypesLoseTheirDisplayWidthButTheBooleanKeepsIt() {
        assertThat(MySqlSpelling.type("int(11)")).isEqualTo("int");
        assertThat(MySqlSpelling.type("INTEGER")).isEqualTo("int");
        assertThat(MySqlSpelling.type("bigint(20) unsigned")).isEqualTo("bigint unsigned");
        assertThat(MySqlSpelling.type("TINYINT(3) UNSIGNED")).isEqualTo("tinyint unsigned");
        assertThat(MySqlSpelling.type("tinyint(1)")).isEqualTo("tinyint(1)");
        assertThat(MySqlSpelling.type("BOOLEAN")).isEqualTo("tinyint(1)");
    }

    @Test
    void otherTypesAreLowerCaseWithoutSpaces() {
        assertThat(MySqlSpelling.type("VARCHAR(191)")).isEqualTo("varchar(191)");
        assertThat(MySqlSpelling.type("DECIMAL(12, 4)")).isEqualTo("decimal(12,4)");
        assertThat(MySqlSpelling.type("DATETIME(3)")).isEqualTo("datetime(3)");
        assertThat(MySqlSpelling.type("year(4)")).isEqualTo("year");
        assertThat(MySqlSpelling.type("LONGBLOB")).isEqualTo("longblob");
    }

    @Test
    void enumTypesKeepTheCaseOfTheirValues() {
        assertThat(MySqlSpelling.type("ENUM('Red', 'it''s')")).isEqualTo("enum('Red','it''s')");
        assertThat(MySqlSpelling.type("enum('Red','it''s')")).isEqualTo("enum('Red','it''s')");
        assertThat(new Catalog.Column("c", "enum('Red','it''s')", false, null, false).enumLabels())
                .isEqualTo(List.of("Red", "it's"));
        assertThat(new Catalog.Column("c", "varchar(191)", false, null, false).enumLabels()).isEmpty();
    }

    @Test
    void defaultsAreSpelledAsMariaDbReportsThem() {
        assertThat(MySqlSpelling.defaultExpression("false", "tinyint(1)")).isEqualTo("0");
        assertThat(MySqlSpelling.defaultExpression("'1'", "tinyint(1)")).isEqualTo("1");
        assertThat(MySqlSpelling.defaultExpression("NULL", "varchar(191)")).isNull();
        assertThat(MySqlSpelling.defaultExpression("CURRENT_TIMESTAMP(3)", "datetime(3)"))
                .isEqualTo(MySqlSpelling.defaultExpression("current_timestamp(3)", "datetime(3)"))
                .isEqualTo("current_timestamp(3)");
        assertThat(MySqlSpelling.defaultExpression("current_timestamp()", "datetime")).isEqualTo("current_timestamp");
        assertThat(MySqlSpelling.defaultExpression("('abc')", "text")).isEqualTo("'abc'");
        assertThat(MySqlSpelling.defaultExpression("1.50", "decimal(10,2)")).isEqualTo("1.5");
        assertThat(MySqlSpelling.defaultExpression("(FROM_BASE64('AQI='))", "longblob")).isEqualTo("from_base64('AQI=')");
        assertThat(MySqlSpelling.defaultExpression("'a''b\\\\c'", "varchar(191)")).isEqualTo("'a''b\\\\c'");
    }
}
