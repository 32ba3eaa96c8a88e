package dev.refract.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UlidGeneratorTest {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void encodesTheTimeAsTheSpecificationsExampleDoes() {
        // The specification's example: time 1469918176385 is written 01ARYZ6S41.
        Instant time = Instant.ofEpochMilli(1_469_918_176_385L);
        UlidGenerator generator = new UlidGenerator(Clock.fixed(time, ZoneOffset.UTC), new SecureRandom());

        assertThat(generator.next()).startsWith("01ARYZ6S41").hasSize(26);
    }

    @Test
    void isTwentySixCrockfordCharactersWithTheClocksTime() {
        Instant now = Instant.parse("2026-11-21T20:30:00.123Z");
        UlidGenerator generator = new UlidGenerator(Clock.fixed(now, ZoneOffset.UTC), new SecureRandom());

        for (int i = 0; i < 1_000; i++) {
            String ulid = generator.next();
            assertThat(ulid).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
            assertThat(decodeTime(ulid)).isEqualTo(now.toEpochMilli());
        }
    }

    @Test
    void incrementsTheRandomnessByOneWithinAMillisecond() {
        UlidGenerator generator = new UlidGenerator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> 0L);

        assertThat(generator.next()).isEqualTo("00000000000000000000000000");
        assertThat(generator.next()).isEqualTo("00000000000000000000000001");
        for (int i = 0; i < 30; i++) {
            generator.next();
        }
        assertThat(generator.next()).isEqualTo("00000000000000000000000010");
    }

    @Test
    void carriesTheIncrementAcrossTheWordsOfTheRandomness() {
        // The lower 64 bits all ones: the next id carries into the upper 16.
        long[] draws = {0L, -1L};
        int[] drawn = {0};
        UlidGenerator generator = new UlidGenerator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                () -> draws[Math.min(drawn[0]++, 1)]);

        String first = generator.next();
        String second = generator.next();

        // 80 bits: sixteen zeros, then sixty-four ones; five bits a character.
        assertThat(first.substring(10)).isEqualTo("000F" + "Z".repeat(12));
        assertThat(second.substring(10)).isEqualTo("000G" + "0".repeat(12));
    }

    @Test
    void failsWhenTheRandomnessOverflowsWithinAMillisecond() {
        UlidGenerator generator = new UlidGenerator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> -1L);

        assertThat(generator.next()).isEqualTo("0000000000" + "Z".repeat(16));
        assertThatThrownBy(generator::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("2^80");
    }

    @Test
    void increasesStrictlyWithinAndAcrossMillisecondsAndWhenTheClockStepsBack() {
        IdChecks.SteppingClock clock = new IdChecks.SteppingClock(Instant.parse("2026-11-21T20:30:00Z"));
        UlidGenerator generator = new UlidGenerator(clock, new SecureRandom());

        String previous = generator.next();
        long[] steps = {0, 0, 1, 0, 7, -2, 0, 1, 3600_000, -3600_000};
        for (int round = 0; round < 1_000; round++) {
            for (long step : steps) {
                clock.advanceMillis(step);
                String next = generator.next();
                assertThat(next).isGreaterThan(previous);
                previous = next;
            }
        }
    }

    @Test
    void isUniqueOverAMillionIdsFromFourThreads() {
        IdChecks.assertUniqueAcrossThreads(new UlidGenerator(Clock.systemUTC(), new SecureRandom()), 4, 250_000);
    }

    private static long decodeTime(String ulid) {
        long time = 0;
        for (int i = 0; i < 10; i++) {
            time = time << 5 | CROCKFORD.indexOf(ulid.charAt(i));
        }
        return time;
    }
}
