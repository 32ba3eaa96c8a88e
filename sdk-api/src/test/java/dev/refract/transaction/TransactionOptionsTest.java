package dev.refract.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransactionOptionsTest {

    @Test
    void defaultsAreTheDatabasesIsolationFiveSecondsTwoSecondsAndNoDatasource() {
        TransactionOptions defaults = TransactionOptions.defaults();

        assertThat(defaults.isolation()).isNull();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.maxWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.datasource()).isNull();
    }

    @Test
    void eachWitherChangesOnlyItsOwnOption() {
        TransactionOptions options = TransactionOptions.defaults().isolation(IsolationLevel.SERIALIZABLE)
                .timeout(Duration.ofSeconds(30)).maxWait(Duration.ofMillis(500)).datasource("db");

        assertThat(options).isEqualTo(new TransactionOptions(IsolationLevel.SERIALIZABLE, Duration.ofSeconds(30),
                Duration.ofMillis(500), "db"));
        assertThat(TransactionOptions.defaults()).as("the defaults are unchanged")
                .isEqualTo(new TransactionOptions(null, Duration.ofSeconds(5), Duration.ofSeconds(2), null));
    }

    @Test
    void aTimeOrWaitThatIsNotPositiveIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> TransactionOptions.defaults().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> TransactionOptions.defaults().maxWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait");
        assertThatThrownBy(() -> TransactionOptions.defaults().datasource(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }
}
