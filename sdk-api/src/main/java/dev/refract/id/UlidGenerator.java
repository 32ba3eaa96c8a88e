package dev.refract.id;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * ULIDs, as {@code ulid()} asks for: a 48-bit Unix time in milliseconds and 80 random bits, written
 * as 26 characters of Crockford's base 32 (10 for the time, 16 for the randomness).
 *
 * <p>Monotonic as the specification describes: within one millisecond each further id takes the
 * previous randomness plus one, so ids from one generator increase strictly. A clock that steps
 * back is treated as the same millisecond. Overflowing the 80 bits within one millisecond fails, as
 * the specification demands.
 */
public final class UlidGenerator implements IdGenerator {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long MAX_TIME = (1L << 48) - 1;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = Long.MIN_VALUE;
    /** The upper 16 of the 80 random bits. */
    private long randomHigh;
    /** The lower 64 of the 80 random bits. */
    private long randomLow;

    /**
     * @param clock  gives the timestamp
     * @param random the random source; thread-safe, e.g. a {@link java.security.SecureRandom}
     */
    public UlidGenerator(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String next() {
        long millis;
        long high;
        long low;
        synchronized (this) {
            long now = clock.millis();
            if (now > MAX_TIME || now < 0) {
                throw new IllegalStateException("A ULID holds times from 1970 to the year 10889; the clock says " + now
                        + " ms since 1970");
            }
            if (now > lastMillis) {
                lastMillis = now;
                randomHigh = random.nextInt(1 << 16);
                randomLow = random.nextLong();
            } else if (randomLow != -1L) {
                randomLow++;
            } else if (randomHigh < 0xFFFF) {
                randomLow = 0;
                randomHigh++;
            } else {
                throw new IllegalStateException("More than 2^80 ULIDs in one millisecond: the randomness overflowed");
            }
            millis = lastMillis;
            high = randomHigh;
            low = randomLow;
        }
        char[] text = new char[26];
        for (int i = 0; i < 10; i++) {
            text[i] = CROCKFORD[(int) (millis >>> (45 - 5 * i)) & 31];
        }
        for (int i = 0; i < 16; i++) {
            int shift = 75 - 5 * i;
            long bits;
            if (shift >= 64) {
                bits = high >>> (shift - 64);
            } else if (shift <= 59) {
                bits = low >>> shift;
            } else {
                bits = high << (64 - shift) | low >>> shift;
            }
            text[10 + i] = CROCKFORD[(int) bits & 31];
        }
        return new String(text);
    }
}
