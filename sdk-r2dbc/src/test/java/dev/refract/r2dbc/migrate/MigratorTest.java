package dev.refract.r2dbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Provider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class MigratorTest {

    /** A factory that is never connected: each refusal here comes before any connection. */
    private static final ConnectionFactory NOWHERE = ConnectionFactories.get("r2dbc:postgresql://nobody@127.0.0.1:1/none");

    @Test
    void aDatasourceWithoutSqlHasNoMigrations() {
        assertThatThrownBy(() -> Migrator.of(NOWHERE, Provider.MONGODB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mongodb");
        assertThatThrownBy(() -> Migrator.of(NOWHERE, Provider.REDIS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis");
    }

    @Test
    void resetWithoutConfirmationIsRefusedBeforeConnecting() {
        MigrationDirectory directory = new MigrationDirectory("db", Path.of("migrations", "db"), List.of());
        StepVerifier.create(Migrator.of(NOWHERE, Provider.POSTGRESQL).reset(directory, false))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("datasource db").hasMessageContaining("--force"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aNegativeLockTimeoutIsRefused() {
        assertThatThrownBy(() -> Migrator.of(NOWHERE, Provider.MYSQL).withLockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }

    @Test
    void resolveAppliedNamesAMigrationMissingFromTheDirectory() {
        MigrationDirectory directory = new MigrationDirectory("db", Path.of("migrations", "db"), List.of());
        StepVerifier.create(Migrator.of(NOWHERE, Provider.POSTGRESQL).resolveApplied(directory, "20240101000000_gone"))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(MigrationDirectoryException.class).hasMessageContaining("20240101000000_gone"))
                .verify(Duration.ofSeconds(5));
    }
}
