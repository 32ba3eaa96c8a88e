package dev.refract.id;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Time-ordered UUIDs (version 7, RFC 9562 section 5.7), as {@code uuid(7)} asks for: a 48-bit Unix
 * time in milliseconds, the version, 12 bits of {@code rand_a}, the variant and 62 bits of
 * {@code rand_b}.
 *
 * <p>Ids from one generator increase strictly, also within one millisecond, by the RFC's method 1
 * (section 6.2, a dedicated counter): the 12 bits of {@code rand_a} and the first 30 of
 * {@code rand_b} form a 42-bit counter, seeded at random with its top bit clear at each new
 * millisecond and incremented for each further id of that millisecond; the other 32 bits of
 * {@code rand_b} are random for every id. Should the counter run out, or the clock step back, the
 * timestamp is carried one millisecond ahead of the clock, as section 6.2 allows.
 */
public final class UuidV7Generator implements IdGenerator {

    private static final long COUNTER_MAX = (1L << 42) - 1;
    private static final long SEED_MASK = (1L << 41) - 1;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = Long.MIN_VALUE;
    private long counter;

    /**
     * @param clock  gives the timestamp
     * @param random the random source; thread-safe, e.g. a {@link java.security.SecureRandom}
     */
    public UuidV7Generator(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String next() {
        long tail = random.nextInt() & 0xFFFF_FFFFL;
        long millis;
        long count;
        synchronized (this) {
            long now = clock.millis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = random.nextLong() & SEED_MASK;
            } else if (counter < COUNTER_MAX) {
                counter++;
            } else {
                lastMillis++;
                counter = random.nextLong() & SEED_MASK;
            }
            millis = lastMillis;
            count = counter;
        }
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | count >>> 30;
        long low = 0x8000_0000_0000_0000L | (count & 0x3FFF_FFFFL) << 32 | tail;
        return new UUID(high, low).toString();
    }
}
