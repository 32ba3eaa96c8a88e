package dev.refract.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.sql.RawSql;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;

class R2dbcDatabaseTest {

    private static final Option<Object> ZONE = Option.valueOf("connectionTimeZone");
    private static final Option<Object> FORCE = Option.valueOf("forceConnectionTimeZoneToSession");

    @Test
    void eachRelationalProviderHasItsDatabase() {
        assertThat(R2dbcDatabase.of(Provider.POSTGRESQL)).isEqualTo(R2dbcDatabase.POSTGRESQL);
        assertThat(R2dbcDatabase.of(Provider.MYSQL)).isEqualTo(R2dbcDatabase.MYSQL);
        assertThat(R2dbcDatabase.POSTGRESQL.placeholders()).isEqualTo(RawSql.Placeholders.NUMBERED);
        assertThat(R2dbcDatabase.MYSQL.placeholders()).isEqualTo(RawSql.Placeholders.QUESTION_MARK);
    }

    @Test
    void aProviderWithoutSqlIsRefusedNamingTheOnesServed() {
        assertThatThrownBy(() -> R2dbcDatabase.of(Provider.MONGODB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql and mysql").hasMessageContaining("mongodb");
    }

    @Test
    void mysqlSessionsRunInUtcUnlessTheUrlSetsAZone() {
        ConnectionFactoryOptions completed = R2dbcDatabase.MYSQL.complete(
                ConnectionFactoryOptions.parse("r2dbc:mysql://root@127.0.0.1:3306/test"));
        assertThat(completed.getValue(ZONE)).isEqualTo("UTC");
        assertThat(completed.getValue(FORCE)).isEqualTo("true");

        ConnectionFactoryOptions own = ConnectionFactoryOptions.parse(
                "r2dbc:mysql://root@127.0.0.1:3306/test?connectionTimeZone=Europe/Berlin");
        assertThat(R2dbcDatabase.MYSQL.complete(own).getValue(ZONE)).isEqualTo("Europe/Berlin");
        assertThat(R2dbcDatabase.MYSQL.complete(own).hasOption(FORCE)).isFalse();
    }

    @Test
    void postgresSessionsRunInUtcUnlessTheUrlSetsAZone() {
        Option<Object> zone = Option.valueOf("timeZone");
        ConnectionFactoryOptions completed = R2dbcDatabase.POSTGRESQL.complete(
                ConnectionFactoryOptions.parse("r2dbc:postgresql://u@h:5432/d"));
        assertThat(completed.getValue(zone)).isEqualTo("UTC");

        ConnectionFactoryOptions own = ConnectionFactoryOptions.parse("r2dbc:postgresql://u@h:5432/d?timeZone=Asia/Tokyo");
        assertThat(R2dbcDatabase.POSTGRESQL.complete(own)).isSameAs(own);
    }
}
