package dev.refract.test.services;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSettingsTest {

    @Test
    void forcesEmbeddedServersFromThePropertyOrTheVariable() {
        assertThat(ServiceSettings.from(Map.of("refract.test.services", "embedded")::get).forceEmbedded()).isTrue();
        assertThat(ServiceSettings.from(Map.of("REFRACT_TEST_SERVICES", "EMBEDDED")::get).forceEmbedded()).isTrue();
        assertThat(ServiceSettings.from(Map.<String, String>of()::get).forceEmbedded()).isFalse();
        assertThat(ServiceSettings.from(Map.of("refract.test.services", "auto")::get).forceEmbedded()).isFalse();
    }

    @Test
    void letsThePropertyWinOverTheVariable() {
        ServiceSettings settings = ServiceSettings.from(
                Map.of("refract.test.services", "auto", "REFRACT_TEST_SERVICES", "embedded")::get);
        assertThat(settings.forceEmbedded()).isFalse();
    }

    @Test
    void rejectsAModeItDoesNotKnowAndSaysWhichItKnows() {
        assertThatThrownBy(() -> ServiceSettings.from(Map.of("refract.test.services", "local")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refract.test.services=local is not understood")
                .hasMessageContaining("'embedded'");
    }

    @Test
    void readsEachKindsUrlVariableAndTreatsBlankAsUnset() {
        ServiceSettings settings = ServiceSettings.from(Map.of(
                "REFRACT_TEST_POSTGRES_URL", " postgresql://db/app ",
                "REFRACT_TEST_REDIS_URL", "  ",
                "MONGODB_URL", "mongodb://m/test")::get);
        assertThat(settings.url(ServerKind.POSTGRESQL)).contains("postgresql://db/app");
        assertThat(settings.url(ServerKind.REDIS)).isEmpty();
        assertThat(settings.url(ServerKind.MYSQL)).isEmpty();
        assertThat(settings.url(ServerKind.MONGODB)).contains("mongodb://m/test");
    }
}
