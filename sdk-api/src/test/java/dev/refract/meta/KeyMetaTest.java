package dev.refract.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMetaTest {

    @Test
    void aKeyExpiresNothingUnlessItIsATtlIndex() {
        KeyMeta plain = new KeyMeta("by_date", List.of(2));
        KeyMeta ttl = plain.expiringAfter(3600);

        assertThat(plain.expires()).isFalse();
        assertThat(plain.expireAfterSeconds()).isNull();
        assertThat(ttl.expires()).isTrue();
        assertThat(ttl.expireAfterSeconds()).isEqualTo(3600L);
        assertThat(ttl.name()).isEqualTo("by_date");
        assertThat(ttl.fields()).containsExactly(2);
    }

    @Test
    void aTtlIndexHasOneFieldAndNoNegativeSeconds() {
        assertThatThrownBy(() -> KeyMeta.of(1, 2).expiringAfter(60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a TTL index has one field and zero or more seconds, not 2 fields and 60 seconds");
        assertThatThrownBy(() -> KeyMeta.of(1).expiringAfter(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyMeta.of(1).expiringAfter(0).expireAfterSeconds()).isZero();
    }
}
