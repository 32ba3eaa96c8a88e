package dev.refract.r2dbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationLocksTest {

    @Test
    void postgresKeysAreFixedPerDatabaseAndSchema() {
        long key = PostgresMigrations.key("app", "public");
        assertThat(PostgresMigrations.key("app", "public")).isEqualTo(key);
        assertThat(PostgresMigrations.key("app", "tenant_1")).isNotEqualTo(key);
        assertThat(PostgresMigrations.key("other", "public")).isNotEqualTo(key);
        assertThat(PostgresMigrations.key("app.pub", "lic")).as("the separator cannot be forged by names alike")
                .isNotEqualTo(PostgresMigrations.key("app", "pub.lic")).isNotEqualTo(key);
    }

    @Test
    void mysqlLockNamesNameTheDatabaseWithinMySqlsLimit() {
        assertThat(MySqlMigrations.lockName("app")).isEqualTo("refract_migrate.app");
        String longest = "d".repeat(64);
        assertThat(MySqlMigrations.lockName(longest)).hasSize(64).startsWith("refract_migrate.")
                .isEqualTo(MySqlMigrations.lockName(longest))
                .isNotEqualTo(MySqlMigrations.lockName("e".repeat(64)));
    }
}
