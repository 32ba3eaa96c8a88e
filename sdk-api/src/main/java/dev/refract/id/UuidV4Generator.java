package dev.refract.id;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Random UUIDs (version 4, RFC 9562 section 5.4), as {@code uuid()} asks for: 122 random bits, the
 * version and the variant, in the usual lowercase 36-character form.
 */
public final class UuidV4Generator implements IdGenerator {

    private final RandomGenerator random;

    /** @param random the random source; thread-safe, e.g. a {@link java.security.SecureRandom} */
    public UuidV4Generator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String next() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
