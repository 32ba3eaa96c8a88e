package dev.refract.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CuidGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T20:30:00.123Z");

    @Test
    void isCThenTimestampCounterFingerprintAndRandomBlocksInBase36() {
        CuidGenerator generator = new CuidGenerator(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
        String timestamp = Long.toString(NOW.toEpochMilli(), 36);

        String first = generator.next();
        String second = generator.next();

        assertThat(first).hasSize(25).matches("c[0-9a-z]{24}").startsWith("c" + timestamp);
        assertThat(first.substring(9, 13)).isEqualTo("0000");
        assertThat(second.substring(9, 13)).isEqualTo("0001");
        assertThat(first.substring(13, 17)).isEqualTo(generator.fingerprint()).matches("[0-9a-z]{4}");
        assertThat(second.substring(13, 17)).isEqualTo(generator.fingerprint());
    }

    @Test
    void fingerprintStartsWithTheProcessId() {
        CuidGenerator generator = new CuidGenerator(Clock.systemUTC(), new SecureRandom());

        assertThat(generator.fingerprint()).startsWith(Base36.padded(ProcessHandle.current().pid(), 2));
    }

    @Test
    void counterWrapsAfterThirtySixToTheFourth() {
        CuidGenerator generator = new CuidGenerator(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

        for (int i = 0; i < 1_679_615; i++) {
            generator.next();
        }

        assertThat(generator.next().substring(9, 13)).isEqualTo("zzzz");
        assertThat(generator.next().substring(9, 13)).isEqualTo("0000");
    }

    @Test
    void isUniqueOverAMillionIdsFromFourThreads() {
        IdChecks.assertUniqueAcrossThreads(new CuidGenerator(Clock.systemUTC(), new SecureRandom()), 4, 250_000);
    }
}
