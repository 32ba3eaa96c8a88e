package dev.refract.r2dbc.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.PoolMeta;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {

    @Test
    void fillsEveryUnsetSettingWithItsDefault() {
        assertThat(PoolSettings.of(PoolMeta.DEFAULTS)).isEqualTo(new PoolSettings(PoolSettings.DEFAULT_SIZE, 0,
                PoolSettings.DEFAULT_ACQUIRE_TIMEOUT, PoolSettings.DEFAULT_MAX_IDLE_TIME));
    }

    @Test
    void keepsWhatTheSchemaOrBuilderSet() {
        PoolMeta written = new PoolMeta(3, 1, Duration.ofMillis(250), Duration.ofMinutes(2));
        assertThat(PoolSettings.of(written))
                .isEqualTo(new PoolSettings(3, 1, Duration.ofMillis(250), Duration.ofMinutes(2)));
    }

    @Test
    void capsMinIdleAtThePoolSize() {
        assertThat(PoolSettings.of(new PoolMeta(2, 5, null, null)).minIdle()).isEqualTo(2);
    }

    @Test
    void rejectsANonPositiveAcquireTimeout() {
        assertThatThrownBy(() -> PoolSettings.of(new PoolMeta(2, null, Duration.ZERO, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acquire timeout");
    }
}
