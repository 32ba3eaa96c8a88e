package dev.refract.r2dbc.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ClientClosedException;
import dev.refract.meta.PoolMeta;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DatasourcePoolTest {

    private static final PoolSettings SETTINGS = PoolSettings.of(PoolMeta.DEFAULTS.withSize(3));

    @Test
    void opensNothingBeforeTheFirstAcquire() {
        DatasourcePool pool = new DatasourcePool("db", "r2dbc:postgresql://user:pw@127.0.0.1:1/app", SETTINGS);
        assertThat(pool.statistics()).isEqualTo(PoolStatistics.notStarted(3));
    }

    @Test
    void refusesToAcquireOnceClosed() {
        DatasourcePool pool = new DatasourcePool("db", "r2dbc:postgresql://user:pw@127.0.0.1:1/app", SETTINGS);
        StepVerifier.create(pool.close().then(pool.acquire())).expectError(ClientClosedException.class).verify();
        StepVerifier.create(pool.close()).verifyComplete();
    }

    @Test
    void rejectsAMalformedUrlWithoutShowingItsPassword() {
        assertThatThrownBy(() -> new DatasourcePool("orders", "mysql//admin:hunter2@db/app", SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("datasource 'orders'")
                .hasMessageContaining("r2dbc:postgresql://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void readsTheStatementTimeoutFromTheUrl() {
        assertThat(new DatasourcePool("db", "r2dbc:postgresql://user:pw@127.0.0.1:1/app?statementTimeout=PT2.5S",
                SETTINGS).statementTimeout()).contains(Duration.ofMillis(2500));
        assertThat(new DatasourcePool("db", "r2dbc:postgresql://user:pw@127.0.0.1:1/app", SETTINGS)
                .statementTimeout()).as("none unless the URL sets one").isEmpty();
    }

    @Test
    void rejectsAStatementTimeoutThatIsNoPositiveDuration() {
        assertThatThrownBy(() -> new DatasourcePool("orders",
                "r2dbc:mysql://admin:hunter2@127.0.0.1:1/app?statementTimeout=5000", SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statementTimeout of datasource 'orders' is '5000'")
                .hasMessageContaining("statementTimeout=PT5S")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new DatasourcePool("orders",
                "r2dbc:mysql://admin:hunter2@127.0.0.1:1/app?statementTimeout=PT0S", SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
