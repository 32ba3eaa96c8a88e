package dev.refract.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV4GeneratorTest {

    @Test
    void carriesVersionFourAndTheRfcVariantWhateverTheRandomBits() {
        for (long bits : new long[] {0L, -1L, 0x5555_5555_5555_5555L}) {
            String text = new UuidV4Generator(() -> bits).next();

            UUID uuid = UUID.fromString(text);
            assertThat(text).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
        }
    }

    @Test
    void isUniqueOverAMillionIdsFromFourThreads() {
        IdChecks.assertUniqueAcrossThreads(new UuidV4Generator(new SecureRandom()), 4, 250_000);
    }
}
