package dev.refract.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T20:30:00.123Z");

    @Test
    void carriesTheUnixMillisecondsVersionSevenAndTheRfcVariant() {
        UuidV7Generator generator = new UuidV7Generator(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

        for (int i = 0; i < 1_000; i++) {
            String text = generator.next();
            UUID uuid = UUID.fromString(text);
            assertThat(text).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
        }
    }

    @Test
    void increasesStrictlyWithinOneMillisecond() {
        UuidV7Generator generator = new UuidV7Generator(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

        String previous = generator.next();
        for (int i = 0; i < 200_000; i++) {
            String next = generator.next();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void increasesStrictlyAcrossMillisecondsAndWhenTheClockStepsBack() {
        IdChecks.SteppingClock clock = new IdChecks.SteppingClock(NOW);
        UuidV7Generator generator = new UuidV7Generator(clock, new SplittableRandom(7)::nextLong);

        String previous = generator.next();
        long[] steps = {1, 0, 5, -3, 0, 1, 1000, -1000, 2};
        for (int round = 0; round < 50; round++) {
            for (long step : steps) {
                clock.advanceMillis(step);
                String next = generator.next();
                assertThat(next).isGreaterThan(previous);
                previous = next;
            }
        }
    }

    @Test
    void counterSeedLeavesTheGuardBitClearSoAMillisecondHoldsTrillionsOfIds() {
        // Even a random source of all ones seeds the 42-bit counter below 2^41, leaving at least
        // 2^41 increments before the timestamp has to be carried ahead.
        UuidV7Generator generator = new UuidV7Generator(Clock.fixed(NOW, ZoneOffset.UTC), () -> -1L);

        UUID first = UUID.fromString(generator.next());
        UUID second = UUID.fromString(generator.next());

        long randA = first.getMostSignificantBits() & 0xFFF;
        assertThat(randA).as("rand_a: the guard bit clear, the rest of the seed set").isEqualTo(0x7FF);
        assertThat(first.getLeastSignificantBits() >>> 32 & 0x3FFF_FFFFL).isEqualTo(0x3FFF_FFFFL);
        assertThat(second.getMostSignificantBits() & 0xFFF).as("the increment carried into rand_a").isEqualTo(0x800);
        assertThat(second.getLeastSignificantBits() >>> 32 & 0x3FFF_FFFFL).isZero();
        assertThat(second.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void isUniqueOverAMillionIdsFromFourThreads() {
        IdChecks.assertUniqueAcrossThreads(new UuidV7Generator(Clock.systemUTC(), new SecureRandom()), 4, 250_000);
    }
}
