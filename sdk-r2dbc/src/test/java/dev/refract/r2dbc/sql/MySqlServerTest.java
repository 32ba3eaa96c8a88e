package dev.refract.r2dbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MySqlServerTest {

    @Test
    void readsMySqlVersionsWithOrWithoutASuffix() {
        assertThat(MySqlServer.parse("8.0.36")).isEqualTo(MySqlServer.mysql(8, 0, 36));
        assertThat(MySqlServer.parse("8.4.0-commercial")).isEqualTo(MySqlServer.mysql(8, 4, 0));
        assertThat(MySqlServer.parse("9.1.0-0ubuntu0.24.04.1")).isEqualTo(MySqlServer.mysql(9, 1, 0));
    }

    @Test
    void recognisesMariaDbByNameAndDropsTheReplicationPrefix() {
        assertThat(MySqlServer.parse("10.11.19-MariaDB-0+deb12u1")).isEqualTo(MySqlServer.mariaDb(10, 11, 19));
        assertThat(MySqlServer.parse("5.5.5-10.6.16-MariaDB-log")).isEqualTo(MySqlServer.mariaDb(10, 6, 16));
        assertThat(MySqlServer.parse("11.4.2-mariadb")).isEqualTo(MySqlServer.mariaDb(11, 4, 2));
    }

    @Test
    void aVersionWithoutPatchCountsAsPatchZero() {
        assertThat(MySqlServer.parse("8.0")).isEqualTo(MySqlServer.mysql(8, 0, 0));
    }

    @Test
    void rejectsTextWithoutAVersion() {
        assertThatThrownBy(() -> MySqlServer.parse("MariaDB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a MySQL or MariaDB server version");
    }

    @Test
    void onlyMariaDbFromTenFiveReturnsFromInsertsAndDeletes() {
        assertThat(MySqlServer.mariaDb(10, 5, 0).returnsFromInsertAndDelete()).isTrue();
        assertThat(MySqlServer.mariaDb(11, 0, 2).returnsFromInsertAndDelete()).isTrue();
        assertThat(MySqlServer.mariaDb(10, 4, 32).returnsFromInsertAndDelete()).isFalse();
        assertThat(MySqlServer.mysql(9, 1, 0).returnsFromInsertAndDelete()).isFalse();
    }

    @Test
    void mariaDbStoresJsonAsText() {
        assertThat(MySqlServer.mariaDb(10, 11, 0).storesJsonAsText()).isTrue();
        assertThat(MySqlServer.mysql(8, 0, 36).storesJsonAsText()).isFalse();
    }

    @Test
    void comparesVersionsPartByPart() {
        MySqlServer server = MySqlServer.mysql(8, 0, 17);
        assertThat(server.atLeast(8, 0, 17)).isTrue();
        assertThat(server.atLeast(8, 0, 18)).isFalse();
        assertThat(server.atLeast(7, 9, 99)).isTrue();
        assertThat(server.atLeast(8, 1, 0)).isFalse();
    }

    @Test
    void refusesServersOlderThanServed() {
        assertThatThrownBy(() -> new MySqlDialect(MySqlServer.mysql(5, 7, 44)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MySQL 5.7.44 is older than Refract serves")
                .hasMessageContaining("MySQL 8.0.17");
        assertThatThrownBy(() -> new MySqlDialect(MySqlServer.mariaDb(10, 2, 44)))
                .hasMessageContaining("MariaDB 10.3.0");
    }
}
