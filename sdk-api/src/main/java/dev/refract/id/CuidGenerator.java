package dev.refract.id;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * CUID version 1, as {@code cuid()} asks for: {@code c}, the time in milliseconds, a counter of
 * four digits, a fingerprint of four digits and eight random digits, all in lowercase base 36;
 * 25 characters until the year 2059.
 *
 * <p>The fingerprint is two digits of the process id and two derived from the host name, as the
 * original Node.js implementation computes them. The host name is read from the environment
 * ({@code HOSTNAME}, {@code COMPUTERNAME}) rather than resolved, so creating a generator never waits
 * on name resolution; without either, two random digits stand in.
 */
public final class CuidGenerator implements IdGenerator {

    private static final int BLOCK = 4;
    /** 36^4: the counter and each random block take this many values. */
    private static final int DISCRETE_VALUES = 1_679_616;

    private final Clock clock;
    private final RandomGenerator random;
    private final AtomicInteger counter = new AtomicInteger();
    private final String fingerprint;

    /**
     * @param clock  gives the timestamp
     * @param random the random source; thread-safe, e.g. a {@link java.security.SecureRandom}
     */
    public CuidGenerator(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.fingerprint = Base36.padded(ProcessHandle.current().pid(), 2) + hostBlock(random);
    }

    private static String hostBlock(RandomGenerator random) {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isEmpty()) {
            host = System.getenv("COMPUTERNAME");
        }
        if (host == null || host.isEmpty()) {
            return Base36.padded(random.nextInt(36 * 36), 2);
        }
        long sum = host.length() + 36L;
        for (int i = 0; i < host.length(); i++) {
            sum += host.charAt(i);
        }
        return Base36.padded(sum, 2);
    }

    /** The four fingerprint digits of this generator. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String next() {
        int count = counter.getAndUpdate(c -> c + 1 < DISCRETE_VALUES ? c + 1 : 0);
        return new StringBuilder(25)
                .append('c')
                .append(Long.toString(clock.millis(), 36))
                .append(Base36.padded(count, BLOCK))
                .append(fingerprint)
                .append(Base36.padded(random.nextInt(DISCRETE_VALUES), BLOCK))
                .append(Base36.padded(random.nextInt(DISCRETE_VALUES), BLOCK))
                .toString();
    }
}
