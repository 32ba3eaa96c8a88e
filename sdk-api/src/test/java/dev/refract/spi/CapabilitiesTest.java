package dev.refract.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void withTransactionsChangesThatAbilityAlone() {
        Capabilities declared = new Capabilities(true, true, false, true, true, false, true, false);

        Capabilities narrowed = declared.withTransactions(false);

        assertThat(narrowed.transactions()).isFalse();
        assertThat(narrowed.withTransactions(true)).isEqualTo(declared);
    }
}
